import { getActor } from "@/lib/auth/session";
import { getCourseForReview } from "@/lib/courses/get-course-for-review";
import { jsonError, jsonOk } from "@/lib/http";

type Ctx = { params: Promise<{ code: string }> };

/** GET: every field of a course of the admin's counties, and whether it waits for a decision. */
export async function GET(_req: Request, { params }: Ctx) {
  try {
    const { code } = await params;
    return jsonOk(await getCourseForReview(await getActor(), code));
  } catch (e) {
    return jsonError(e);
  }
}
