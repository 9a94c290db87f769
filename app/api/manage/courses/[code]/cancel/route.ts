import { getActor } from "@/lib/auth/session";
import { cancelCourse } from "@/lib/courses/cancel-course";
import { assertSameSiteJson, jsonError, jsonOk, readJson } from "@/lib/http";

type Ctx = { params: Promise<{ code: string }> };

/** POST: 取消課程. Body: { "reason": "…" } (required; shown on the course page and in the mail to registrants). */
export async function POST(req: Request, { params }: Ctx) {
  try {
    assertSameSiteJson(req, true);
    const { code } = await params;
    const body = (await readJson(req)) as { reason?: unknown } | null;
    return jsonOk(await cancelCourse(await getActor(), { code, reason: typeof body?.reason === "string" ? body.reason : "" }));
  } catch (e) {
    return jsonError(e);
  }
}
