import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireRole, type Actor } from "@/lib/auth/actor";
import { taipeiToday } from "@/lib/format/date";

export const NOT_YOUR_COURSE = "這門課程不是您單位開設的，無法查看或處理它的報名。";
const NOT_FOUND = "找不到這門課程，請確認課程代碼。";

/**
 * The course an organizer manages: only an ORGANIZER of the course's own unit gets it.
 * Everyone else is refused here, whatever door they came through.
 */
export async function loadManagedCourse(actor: Actor | null, code: string) {
  const user = requireRole(actor, "ORGANIZER");
  if (!user.unitId) throw new AppError("FORBIDDEN", "您的業務帳號尚未設定所屬單位，請洽區管中心。");
  if (!/^\d{1,12}$/.test(code)) throw new AppError("NOT_FOUND", NOT_FOUND);
  const course = await db.course.findUnique({
    where: { code },
    select: {
      id: true, code: true, title: true, status: true, organizerId: true, startDate: true, endDate: true, hours: true, schoolYear: true,
      capacity: true, approvedCount: true, waitlistedCount: true, activeCount: true, admissionMode: true, waitlistLimit: true,
      formFields: true, onlineRegistration: true,
    },
  });
  if (!course) throw new AppError("NOT_FOUND", NOT_FOUND);
  if (course.organizerId !== user.unitId) throw new AppError("FORBIDDEN", NOT_YOUR_COURSE);
  return { user, course };
}
export type ManagedCourse = Awaited<ReturnType<typeof loadManagedCourse>>["course"];

/** A course date (stored at UTC midnight) as YYYY-MM-DD. */
export const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** The course has started (its first day has come, in Taipei). */
export function hasStarted(course: { startDate: Date }, now: Date): boolean {
  return dayOf(course.startDate) <= taipeiToday(now);
}

/** The course summary the organizer's pages show at the top. */
export type ManagedCourseSummary = {
  code: string;
  title: string;
  status: ManagedCourse["status"];
  startDate: string;
  endDate: string;
  hours: number;
  capacity: number;
  approvedCount: number;
  waitlistedCount: number;
  /** 線上報名餘額 = capacity − approved. */
  seatsLeft: number;
  admissionMode: ManagedCourse["admissionMode"];
  waitlistLimit: number;
  started: boolean;
};

export function summaryOf(c: ManagedCourse, now: Date): ManagedCourseSummary {
  return {
    code: c.code,
    title: c.title,
    status: c.status,
    startDate: dayOf(c.startDate),
    endDate: dayOf(c.endDate),
    hours: c.hours,
    capacity: c.capacity,
    approvedCount: c.approvedCount,
    waitlistedCount: c.waitlistedCount,
    seatsLeft: Math.max(c.capacity - c.approvedCount, 0),
    admissionMode: c.admissionMode,
    waitlistLimit: c.waitlistLimit,
    started: hasStarted(c, now),
  };
}
