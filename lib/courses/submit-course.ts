import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { taipeiToday } from "@/lib/format/date";
import { assertOwnUnit, parseCourseCode, lockCourse, requireOrganizer } from "@/lib/courses/course-access";
import { recordCourseEvent } from "@/lib/courses/course-audit";

export type SubmitCourseResult = { code: string; status: "SUBMITTED"; submittedAt: string };

const WRONG_STATE = {
  SUBMITTED: "這門課程已經送審，正在等待區管中心審核。",
  PUBLISHED: "這門課程已經公告，不需要再送審。",
  CANCELLED: "已取消的課程不能送審。",
} as const;

/**
 * 送審: the organizer sends a draft to the 區管中心 of the unit's county. A returned course is sent
 * again the same way; the earlier return reason is cleared (it stays in the audit trail).
 */
export async function submitCourse(actor: Actor | null, input: { code: string }, options: { now?: Date } = {}): Promise<SubmitCourseResult> {
  const user = requireOrganizer(actor);
  const code = parseCourseCode(input?.code);
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const course = await lockCourse(tx, code);
    assertOwnUnit(user, course);
    if (course.status !== "DRAFT") throw new AppError("CONFLICT", WRONG_STATE[course.status]);
    if (course.startDate.toISOString().slice(0, 10) < taipeiToday(now)) {
      throw new AppError("CONFLICT", "課程開始日期已過，請先修改課程日期再送審。");
    }
    const window = await tx.course.findUniqueOrThrow({ where: { id: course.id }, select: { onlineRegistration: true, registrationClosesAt: true } });
    if (window.onlineRegistration && window.registrationClosesAt && window.registrationClosesAt <= now) {
      throw new AppError("CONFLICT", "報名截止時間已過，請先修改報名日期再送審。");
    }
    await tx.course.update({ where: { id: course.id }, data: { status: "SUBMITTED", submittedAt: now, statusNote: null, updatedAt: now } });
    await recordCourseEvent(tx, {
      actorId: user.id,
      action: "course.submit",
      courseId: course.id,
      detail: { code, from: "DRAFT", to: "SUBMITTED", ...(course.statusNote ? { previousReturnReason: course.statusNote } : {}) },
      at: now,
    });
    return { code, status: "SUBMITTED" as const, submittedAt: now.toISOString() };
  });
}
