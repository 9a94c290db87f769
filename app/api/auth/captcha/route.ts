import { createCaptcha } from "@/lib/auth/captcha";

/** A new 驗證碼 for the login form: the image and the challenge id, never the answer. */
export async function POST() {
  const { id, svg } = await createCaptcha();
  return Response.json({ id, svg }, { headers: { "Cache-Control": "no-store" } });
}
