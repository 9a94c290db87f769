import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireRole, type Actor } from "@/lib/auth/actor";
import type { CourseStatus } from "@/generated/prisma/enums";

export type UnitCourseRow = {
  code: string;
  title: string;
  status: CourseStatus;
  startDate: Date;
  endDate: Date;
  capacity: number;
  approvedCount: number;
  activeRegistrations: number;
};

/** The organizer's own unit's courses, newest first, with registration counts. */
export async function listUnitCourses(
  actor: Actor | null,
  options: { page?: number; pageSize?: number } = {},
): Promise<{ unitName: string; total: number; rows: UnitCourseRow[] }> {
  const user = requireRole(actor, "ORGANIZER");
  if (!user.unitId) throw new AppError("FORBIDDEN", "您的業務帳號尚未設定所屬單位，請洽區管中心。");
  const pageSize = Math.min(Math.max(options.pageSize ?? 50, 1), 100);
  const page = Math.max(options.page ?? 1, 1);
  const where = { organizerId: user.unitId };
  const [unit, total, courses] = await Promise.all([
    db.unit.findUniqueOrThrow({ where: { id: user.unitId }, select: { name: true } }),
    db.course.count({ where }),
    db.course.findMany({
      where,
      orderBy: [{ startDate: "desc" }, { code: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        code: true, title: true, status: true, startDate: true, endDate: true, capacity: true, approvedCount: true,
        _count: { select: { registrations: { where: { status: { notIn: ["CANCELLED", "REJECTED"] } } } } },
      },
    }),
  ]);
  return {
    unitName: unit.name,
    total,
    rows: courses.map(({ _count, ...c }) => ({ ...c, activeRegistrations: _count.registrations })),
  };
}
