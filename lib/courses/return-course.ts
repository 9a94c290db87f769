import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { assertInRegion, parseCourseCode, lockCourse, requireRegionAdmin } from "@/lib/courses/course-access";
import { recordCourseEvent } from "@/lib/courses/course-audit";
import { returnReasonSchema } from "@/lib/courses/course-reason-schema";
import { notAwaitingMessage } from "@/lib/courses/approve-course";

export type ReturnCourseResult = { code: string; title: string; status: "DRAFT"; reason: string };

/**
 * 退回: a 區管中心 admin sends a submitted course back to its organizer as a draft, with the
 * reason (required). The organizer sees it on /manage and on the course's edit page, edits the
 * course and submits it again.
 */
export async function returnCourse(actor: Actor | null, input: { code: string; reason: string }, options: { now?: Date } = {}): Promise<ReturnCourseResult> {
  const user = requireRegionAdmin(actor);
  const code = parseCourseCode(input?.code);
  const { reason } = parseInput(returnReasonSchema, { reason: input?.reason });
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const course = await lockCourse(tx, code);
    assertInRegion(user, course);
    if (course.status !== "SUBMITTED") throw new AppError("CONFLICT", notAwaitingMessage(course.status));
    await tx.course.update({ where: { id: course.id }, data: { status: "DRAFT", statusNote: reason, reviewedById: user.id, reviewedAt: now, updatedAt: now } });
    await recordCourseEvent(tx, { actorId: user.id, action: "course.return", courseId: course.id, detail: { code, from: "SUBMITTED", to: "DRAFT", reason }, at: now });
    return { code, title: course.title, status: "DRAFT" as const, reason };
  });
}
