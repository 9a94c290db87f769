import { getActor } from "@/lib/auth/session";
import { returnCourse } from "@/lib/courses/return-course";
import { assertSameSiteJson, jsonError, jsonOk, readJson } from "@/lib/http";

type Ctx = { params: Promise<{ code: string }> };

/** POST: 退回. Body: { "reason": "…" } (required; the organizer sees it). */
export async function POST(req: Request, { params }: Ctx) {
  try {
    assertSameSiteJson(req, true);
    const { code } = await params;
    const body = (await readJson(req)) as { reason?: unknown } | null;
    return jsonOk(await returnCourse(await getActor(), { code, reason: typeof body?.reason === "string" ? body.reason : "" }));
  } catch (e) {
    return jsonError(e);
  }
}
