import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/generated/prisma/client";
import type { ClassType } from "@/generated/prisma/enums";
import { requireRegionAdmin } from "@/lib/courses/course-access";

export type AwaitingApprovalRow = {
  code: string;
  title: string;
  classType: ClassType;
  category: string;
  organizerName: string;
  /** The organizer unit's county: the one that puts the course in this 區管中心's queue. */
  organizerCounty: string;
  venueCounty: string;
  startDate: Date;
  endDate: Date;
  hours: number;
  capacity: number;
  /** When the organizer (last) submitted it. */
  submittedAt: Date;
};

export function awaitingApprovalWhere(counties: string[]): Prisma.CourseWhereInput {
  return { status: "SUBMITTED", organizer: { county: { in: counties } } };
}

/**
 * 區管中心: courses submitted for approval by units in the admin's counties, the longest-waiting
 * first (at most `limit`, default 200).
 */
export async function listCoursesAwaitingApproval(actor: Actor | null, options: { limit?: number } = {}): Promise<AwaitingApprovalRow[]> {
  const user = requireRegionAdmin(actor);
  const take = Math.min(Math.max(options.limit ?? 200, 1), 500);
  const rows = await db.course.findMany({
    where: awaitingApprovalWhere(user.regionCounties),
    // Courses submitted before submittedAt existed have none: they count as the oldest.
    orderBy: [{ submittedAt: { sort: "asc", nulls: "first" } }, { updatedAt: "asc" }, { code: "asc" }],
    take,
    select: {
      code: true, title: true, classType: true, category: true, venueCounty: true, startDate: true, endDate: true,
      hours: true, capacity: true, submittedAt: true, updatedAt: true,
      organizer: { select: { name: true, county: true } },
    },
  });
  return rows.map(({ organizer, submittedAt, updatedAt, ...r }) => ({
    ...r,
    organizerName: organizer.name,
    organizerCounty: organizer.county,
    submittedAt: submittedAt ?? updatedAt,
  }));
}
