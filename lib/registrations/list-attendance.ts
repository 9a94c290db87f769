import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { loadManagedCourse, summaryOf, type ManagedCourseSummary } from "@/lib/registrations/managed-course";
import type { PositionType } from "@/generated/prisma/enums";

export type AttendanceRow = {
  id: number;
  no: number;
  name: string;
  schoolName: string;
  positionType: PositionType | null;
  email: string;
  attended: boolean | null;
};

export type AttendanceList = {
  course: ManagedCourseSummary & { schoolYear: number };
  rows: AttendanceRow[];
  counts: { attended: number; absent: number; unmarked: number };
};

/** 出席登錄: the approved (正取) teachers of a course, by 報名時間, with their attendance. */
export async function listAttendance(actor: Actor | null, code: string, now: Date = new Date()): Promise<AttendanceList> {
  const { course } = await loadManagedCourse(actor, code);
  const regs = await db.registration.findMany({
    where: { courseId: course.id, status: "APPROVED" },
    orderBy: [{ registeredAt: "asc" }, { id: "asc" }],
    select: { id: true, attended: true, user: { select: { name: true, email: true, positionType: true, unit: { select: { name: true } } } } },
  });
  const rows = regs.map((r, i) => ({
    id: r.id,
    no: i + 1,
    name: r.user.name,
    schoolName: r.user.unit?.name ?? "",
    positionType: r.user.positionType,
    email: r.user.email,
    attended: r.attended,
  }));
  return {
    course: { ...summaryOf(course, now), schoolYear: course.schoolYear },
    rows,
    counts: {
      attended: rows.filter((r) => r.attended === true).length,
      absent: rows.filter((r) => r.attended === false).length,
      unmarked: rows.filter((r) => r.attended === null).length,
    },
  };
}
