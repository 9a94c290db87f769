import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { formatDate } from "@/lib/format/date";
import { REGISTRATION_TX } from "@/lib/registrations/tx-options";
import { hasStarted, loadManagedCourse } from "@/lib/registrations/managed-course";
import { attendanceInputSchema, type AttendanceInput } from "@/lib/registrations/review-schema";
import type { RegistrationStatus } from "@/generated/prisma/enums";

export type AttendanceResult = {
  code: string;
  /** First recorded now (attendance.mark). */
  marked: number;
  /** Changed from an earlier record (attendance.correct). */
  corrected: number;
  unchanged: number;
  /** Teachers who hold the course's hours after this save. */
  attending: number;
};

/**
 * 出席登錄: after the course has started, the organizer marks each approved (正取) teacher
 * present or absent. Present credits the course's hours to the teacher's 研習記錄 (one
 * TrainingRecord per teacher and course: hours, the course's school year, completed on its end
 * date); absent removes that record. Every first mark and every correction is audited with
 * what it was before and after. Unchanged marks are not touched.
 */
export async function recordAttendance(actor: Actor | null, input: AttendanceInput, options: { now?: Date } = {}): Promise<AttendanceResult> {
  const { code, marks } = parseInput(attendanceInputSchema, input);
  const { user, course } = await loadManagedCourse(actor, code);
  const now = options.now ?? new Date();
  if (course.status !== "PUBLISHED") throw new AppError("CONFLICT", "只有已公告的課程可以登錄出席。");
  if (!hasStarted(course, now)) {
    throw new AppError("CONFLICT", `研習尚未開始（${formatDate(course.startDate)} 開始），開始後才能登錄出席。`);
  }
  const wanted = new Map<number, boolean>();
  for (const m of marks) wanted.set(m.id, m.attended);
  const ids = [...wanted.keys()];

  return db.$transaction(async (tx) => {
    const regs = await tx.$queryRaw<{ id: number; userId: number; status: RegistrationStatus; attended: boolean | null }[]>`
      SELECT id, "userId", status, attended FROM "Registration"
      WHERE id = ANY(${ids}::int[]) AND "courseId" = ${course.id}
      ORDER BY id FOR UPDATE`;
    if (regs.length !== ids.length) throw new AppError("NOT_FOUND", "部分報名資料不存在或不屬於這門課程，請重新整理頁面後再試。");
    const notApproved = regs.filter((r) => r.status !== "APPROVED").length;
    if (notApproved) throw new AppError("CONFLICT", `只有審核通過（正取）的教師可以登錄出席；有 ${notApproved} 筆不是，請重新整理頁面後再試。`);

    let marked = 0;
    let corrected = 0;
    for (const r of regs) {
      const after = wanted.get(r.id)!;
      if (r.attended === after) continue;
      await tx.registration.update({ where: { id: r.id }, data: { attended: after, updatedAt: now } });
      if (after) {
        const credit = { hours: course.hours, schoolYear: course.schoolYear, completedOn: course.endDate };
        await tx.trainingRecord.upsert({
          where: { userId_courseId: { userId: r.userId, courseId: course.id } },
          create: { userId: r.userId, courseId: course.id, ...credit },
          update: credit,
        });
      } else {
        await tx.trainingRecord.deleteMany({ where: { userId: r.userId, courseId: course.id } });
      }
      const first = r.attended === null;
      if (first) marked++;
      else corrected++;
      await tx.auditEvent.create({
        data: {
          actorId: user.id,
          action: first ? "attendance.mark" : "attendance.correct",
          courseId: course.id,
          registrationId: r.id,
          subjectUserId: r.userId,
          detail: { before: r.attended, after, hours: after ? course.hours : 0, schoolYear: course.schoolYear },
          createdAt: now,
        },
      });
    }
    const attending = await tx.registration.count({ where: { courseId: course.id, status: "APPROVED", attended: true } });
    return { code: course.code, marked, corrected, unchanged: regs.length - marked - corrected, attending };
  }, REGISTRATION_TX);
}
