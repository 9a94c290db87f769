import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { courseToFormValues, emptyCourseFormValues, type CourseFormValues } from "@/lib/courses/course-form-schema";
import { COURSE_NOT_FOUND, assertOwnUnit, parseCourseCode, requireOrganizer } from "@/lib/courses/course-access";
import { MANAGED_COURSE_SELECT, toManagedCourse, type ManagedCourse } from "@/lib/courses/course-dto";

export type CourseForEdit = {
  course: ManagedCourse;
  /** The form, filled with the course as stored. */
  values: CourseFormValues;
  /** 待審核 registrations. */
  pendingCount: number;
  /** What the organizer may do now. */
  can: { edit: boolean; submit: boolean; cancel: boolean };
};

/** One of the organizer's own unit's courses, for its edit page (and GET /api/manage/courses/{code}). */
export async function getCourseForEdit(actor: Actor | null, code: string): Promise<CourseForEdit> {
  const user = requireOrganizer(actor);
  const c = parseCourseCode(code);
  const row = await db.course.findUnique({
    where: { code: c },
    select: { ...MANAGED_COURSE_SELECT, _count: { select: { registrations: { where: { status: "PENDING" } } } } },
  });
  if (!row) throw new AppError("NOT_FOUND", COURSE_NOT_FOUND);
  assertOwnUnit(user, row);
  const { _count, ...course } = row;
  return {
    course: toManagedCourse(course),
    values: courseToFormValues(course),
    pendingCount: _count.registrations,
    can: {
      edit: course.status === "DRAFT" || course.status === "PUBLISHED",
      submit: course.status === "DRAFT",
      cancel: course.status === "PUBLISHED",
    },
  };
}

/** The new-course form of the organizer's unit: the unit's county and the organizer's contact filled in. */
export async function getNewCourseDefaults(actor: Actor | null): Promise<{ unitName: string; values: CourseFormValues }> {
  const user = requireOrganizer(actor);
  const [unit, me] = await Promise.all([
    db.unit.findUniqueOrThrow({ where: { id: user.unitId }, select: { name: true, county: true, phone: true, address: true } }),
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, email: true } }),
  ]);
  return {
    unitName: unit.name,
    values: emptyCourseFormValues({
      venueCounty: unit.county,
      venue: unit.address,
      contactName: me.name,
      contactEmail: me.email,
      contactPhone: unit.phone,
    }),
  };
}
