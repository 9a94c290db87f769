import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { COURSE_STATUS_LABELS } from "@/lib/courses/labels";
import { assertInRegion, parseCourseCode, lockCourse, requireRegionAdmin } from "@/lib/courses/course-access";
import { recordCourseEvent } from "@/lib/courses/course-audit";
import { announceCourseChange } from "@/lib/courses/announce-course-change";

export type ApproveCourseResult = { code: string; title: string; status: "PUBLISHED"; publishedAt: string };

/** The message when a course is no longer waiting (someone else in the center got there first). */
export function notAwaitingMessage(status: keyof typeof COURSE_STATUS_LABELS): string {
  return `這門課程目前是「${COURSE_STATUS_LABELS[status]}」，不在待審核狀態，可能已由其他人處理。請回到待審核課程列表。`;
}

/**
 * 核准公告: a 區管中心 admin publishes a course submitted by a unit in their counties. The course
 * page exists at once and search finds it within a minute (the sync job, not the hourly rebuild).
 */
export async function approveCourse(actor: Actor | null, input: { code: string }, options: { now?: Date } = {}): Promise<ApproveCourseResult> {
  const user = requireRegionAdmin(actor);
  const code = parseCourseCode(input?.code);
  const now = options.now ?? new Date();
  const result = await db.$transaction(async (tx) => {
    const course = await lockCourse(tx, code);
    assertInRegion(user, course);
    if (course.status !== "SUBMITTED") throw new AppError("CONFLICT", notAwaitingMessage(course.status));
    await tx.course.update({
      where: { id: course.id },
      data: { status: "PUBLISHED", publishedAt: now, reviewedById: user.id, reviewedAt: now, statusNote: null, updatedAt: now },
    });
    await recordCourseEvent(tx, { actorId: user.id, action: "course.approve", courseId: course.id, detail: { code, from: "SUBMITTED", to: "PUBLISHED" }, at: now });
    return { code, title: course.title, status: "PUBLISHED" as const, publishedAt: now.toISOString() };
  });
  await announceCourseChange(code);
  return result;
}
