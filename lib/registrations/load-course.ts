import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** What the registration rules need to know about a course. */
export async function loadCourseForRegistration(code: string) {
  if (!/^\d{1,12}$/.test(code)) throw new AppError("NOT_FOUND", "找不到這門課程，請確認課程代碼。");
  const course = await db.course.findUnique({
    where: { code },
    select: {
      id: true, code: true, title: true, status: true, onlineRegistration: true, registrationOpensAt: true, registrationClosesAt: true,
      eligibility: true, organizerId: true, formFields: true, admissionMode: true, capacity: true, waitlistLimit: true,
      approvedCount: true, waitlistedCount: true, activeCount: true, startDate: true,
    },
  });
  if (!course || course.status === "DRAFT" || course.status === "SUBMITTED") {
    throw new AppError("NOT_FOUND", "找不到這門課程，請確認課程代碼。");
  }
  return course;
}
export type RegistrationCourse = Awaited<ReturnType<typeof loadCourseForRegistration>>;
