import { getActor } from "@/lib/auth/session";
import { listCoursesAwaitingApproval } from "@/lib/courses/list-courses-awaiting-approval";
import { jsonError, jsonOk } from "@/lib/http";

/** GET: courses waiting for approval in the admin's counties, the longest-waiting first. */
export async function GET() {
  try {
    return jsonOk({ courses: await listCoursesAwaitingApproval(await getActor()) });
  } catch (e) {
    return jsonError(e);
  }
}
