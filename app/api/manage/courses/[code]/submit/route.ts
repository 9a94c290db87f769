import { getActor } from "@/lib/auth/session";
import { submitCourse } from "@/lib/courses/submit-course";
import { assertSameSiteJson, jsonError, jsonOk } from "@/lib/http";

type Ctx = { params: Promise<{ code: string }> };

/** POST: 送審 — a draft goes to the 區管中心. No body. */
export async function POST(req: Request, { params }: Ctx) {
  try {
    assertSameSiteJson(req, false);
    const { code } = await params;
    return jsonOk(await submitCourse(await getActor(), { code }));
  } catch (e) {
    return jsonError(e);
  }
}
