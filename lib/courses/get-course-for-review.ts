import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { COURSE_NOT_FOUND, assertInRegion, parseCourseCode, requireRegionAdmin } from "@/lib/courses/course-access";
import { MANAGED_COURSE_SELECT, toManagedCourse, type ManagedCourse } from "@/lib/courses/course-dto";

export type CourseForReview = {
  course: ManagedCourse;
  /** Whether it is waiting for this center's decision now (核准公告 / 退回 possible). */
  awaiting: boolean;
};

/**
 * A course of a unit in the admin's counties, with every field, for the 區管中心 to read before
 * approving or returning it. Courses in other counties are refused.
 */
export async function getCourseForReview(actor: Actor | null, code: string): Promise<CourseForReview> {
  const user = requireRegionAdmin(actor);
  const c = parseCourseCode(code);
  const row = await db.course.findUnique({ where: { code: c }, select: MANAGED_COURSE_SELECT });
  if (!row) throw new AppError("NOT_FOUND", COURSE_NOT_FOUND);
  assertInRegion(user, { organizerCounty: row.organizer.county });
  return { course: toManagedCourse(row), awaiting: row.status === "SUBMITTED" };
}
