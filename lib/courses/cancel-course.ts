import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { dispatchMail } from "@/lib/mail/outbox";
import { assertOwnUnit, parseCourseCode, lockCourse, requireOrganizer } from "@/lib/courses/course-access";
import { recordCourseEvent } from "@/lib/courses/course-audit";
import { cancelReasonSchema } from "@/lib/courses/course-reason-schema";
import { announceCourseChange } from "@/lib/courses/announce-course-change";
import { queueCourseCancelledMails } from "@/lib/courses/course-cancelled-mail";

export type CancelCourseResult = { code: string; status: "CANCELLED"; cancelledAt: string; notified: number };

const WRONG_STATE = {
  DRAFT: "草稿尚未公告，不需要取消；不開設的草稿可以不送審。",
  SUBMITTED: "這門課程正在等待區管中心審核，尚未公告，不需要取消；如不開設，請洽區管中心退回。",
  CANCELLED: "這門課程已經取消。",
} as const;

/**
 * 取消課程: the organizer cancels their unit's published course, with the reason shown on the
 * course page. The course stays public, marked 已取消 (search keeps it, registration closes);
 * registrations keep their state for the record, and every teacher whose registration still
 * counts gets a mail.
 */
export async function cancelCourse(actor: Actor | null, input: { code: string; reason: string }, options: { now?: Date } = {}): Promise<CancelCourseResult> {
  const user = requireOrganizer(actor);
  const code = parseCourseCode(input?.code);
  const { reason } = parseInput(cancelReasonSchema, { reason: input?.reason });
  const now = options.now ?? new Date();
  const result = await db.$transaction(async (tx) => {
    const course = await lockCourse(tx, code);
    assertOwnUnit(user, course);
    if (course.status !== "PUBLISHED") throw new AppError("CONFLICT", WRONG_STATE[course.status]);
    const updated = await tx.course.update({
      where: { id: course.id },
      data: { status: "CANCELLED", cancelledAt: now, statusNote: reason, updatedAt: now },
      select: {
        code: true, title: true, startDate: true, contactName: true, contactPhone: true, contactEmail: true,
        organizer: { select: { name: true } },
      },
    });
    const notified = await queueCourseCancelledMails(tx, course.id, { ...updated, organizerName: updated.organizer.name }, reason);
    await recordCourseEvent(tx, {
      actorId: user.id,
      action: "course.cancel",
      courseId: course.id,
      detail: {
        code, from: "PUBLISHED", to: "CANCELLED", reason, notified,
        registrations: { approved: course.approvedCount, waitlisted: course.waitlistedCount, active: course.activeCount },
      },
      at: now,
    });
    return { code, status: "CANCELLED" as const, cancelledAt: now.toISOString(), notified };
  });
  await announceCourseChange(code);
  if (result.notified) await dispatchMail();
  return result;
}
