import { getActor } from "@/lib/auth/session";
import { listUnitCourses } from "@/lib/courses/list-unit-courses";
import { createCourse } from "@/lib/courses/create-course";
import type { CourseFormInput } from "@/lib/courses/course-form-schema";
import { assertSameSiteJson, jsonError, jsonOk, readJson } from "@/lib/http";

/** GET: the organizer's unit's courses. Query: status (DRAFT, RETURNED, SUBMITTED, PUBLISHED, CANCELLED), page, pageSize. */
export async function GET(req: Request) {
  try {
    const q = new URL(req.url).searchParams;
    const list = await listUnitCourses(await getActor(), { status: q.get("status"), page: q.get("page"), pageSize: q.get("pageSize") });
    return jsonOk(list);
  } catch (e) {
    return jsonError(e);
  }
}

/** POST: 新增課程 (a draft). Body: every course field (see lib/courses/course-form-schema.ts). */
export async function POST(req: Request) {
  try {
    assertSameSiteJson(req, true);
    const body = (await readJson(req)) as CourseFormInput;
    const course = await createCourse(await getActor(), body);
    return jsonOk({ course }, 201, { Location: `/api/manage/courses/${course.code}` });
  } catch (e) {
    return jsonError(e);
  }
}
