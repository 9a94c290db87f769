import { getActor } from "@/lib/auth/session";
import { asAppError, isAppError } from "@/lib/errors";
import { getCourseLiveState } from "@/lib/courses/get-course-live-state";
import { revalidateStaleCourse } from "@/lib/courses/course-cache";

export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "private, no-store" };

/**
 * GET /courses/{code}/live?v={version}: the live part of a course page (state, seats left, the
 * viewer's own state) as JSON. `v` is the course version the page was rendered from; when the
 * database has a newer one, the cached page is dropped so the next view renders it again.
 */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  const { code } = await params;
  try {
    const live = await getCourseLiveState(await getActor(), code);
    const shown = new URL(request.url).searchParams.get("v");
    if (shown && shown !== live.version) revalidateStaleCourse(code);
    return Response.json(live, { headers: PRIVATE });
  } catch (error) {
    const e = asAppError(error) ?? error;
    if (isAppError(e)) return Response.json({ message: e.message }, { status: e.httpStatus, headers: PRIVATE });
    throw e;
  }
}
