import { getActor } from "@/lib/auth/session";
import { getCourseForEdit } from "@/lib/courses/get-course-for-edit";
import { updateCourse } from "@/lib/courses/update-course";
import type { CourseFormInput } from "@/lib/courses/course-form-schema";
import { assertSameSiteJson, jsonError, jsonOk, readJson } from "@/lib/http";

type Ctx = { params: Promise<{ code: string }> };

/** GET: one of the unit's courses: every field, its form values, 待審核 count and what can be done now. */
export async function GET(_req: Request, { params }: Ctx) {
  try {
    const { code } = await params;
    return jsonOk(await getCourseForEdit(await getActor(), code));
  } catch (e) {
    return jsonError(e);
  }
}

/** PATCH: change some fields; the others keep their value. */
export async function PATCH(req: Request, { params }: Ctx) {
  try {
    assertSameSiteJson(req, true);
    const { code } = await params;
    const body = (await readJson(req)) as Partial<CourseFormInput> | null;
    const result = await updateCourse(await getActor(), { ...(body && typeof body === "object" ? body : {}), code });
    return jsonOk(result);
  } catch (e) {
    return jsonError(e);
  }
}
