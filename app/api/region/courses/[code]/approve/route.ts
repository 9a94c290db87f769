import { getActor } from "@/lib/auth/session";
import { approveCourse } from "@/lib/courses/approve-course";
import { assertSameSiteJson, jsonError, jsonOk } from "@/lib/http";

type Ctx = { params: Promise<{ code: string }> };

/** POST: 核准公告. No body. The course is public at once and searchable within a minute. */
export async function POST(req: Request, { params }: Ctx) {
  try {
    assertSameSiteJson(req, false);
    const { code } = await params;
    return jsonOk(await approveCourse(await getActor(), { code }));
  } catch (e) {
    return jsonError(e);
  }
}
