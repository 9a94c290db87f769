import "server-only";
import type { Prisma } from "@/generated/prisma/client";

export type CourseAuditAction = "course.create" | "course.update" | "course.submit" | "course.cancel" | "course.approve" | "course.return";

/** Writes one AuditEvent about a course (who, what, on which course, with what detail), in the caller's transaction. */
export async function recordCourseEvent(
  tx: Prisma.TransactionClient,
  e: { actorId: number; action: CourseAuditAction; courseId: number; detail: Record<string, unknown>; at: Date },
): Promise<void> {
  await tx.auditEvent.create({
    data: { actorId: e.actorId, action: e.action, courseId: e.courseId, detail: e.detail as Prisma.InputJsonValue, createdAt: e.at },
  });
}

/** A value as it goes into an audit detail: dates as ISO text, the rest as is. */
export function auditValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(auditValue);
  return v;
}
