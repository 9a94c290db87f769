import "server-only";
import { z } from "@/lib/zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/generated/prisma/client";
import type { CourseStatus } from "@/generated/prisma/enums";
import { requireOrganizer } from "@/lib/courses/course-access";
import { COURSE_FILTERS, type CourseFilter } from "@/lib/courses/course-status";

export type UnitCourseRow = {
  code: string;
  title: string;
  status: CourseStatus;
  /** The 區管中心's return reason (a DRAFT sent back) or the cancellation reason. */
  statusNote: string | null;
  startDate: Date;
  endDate: Date;
  capacity: number;
  approvedCount: number;
  waitlistedCount: number;
  /** 待審核: registrations waiting for the organizer's review. */
  pendingCount: number;
  /** Registrations that still count (neither rejected nor cancelled). */
  activeRegistrations: number;
  submittedAt: Date | null;
  updatedAt: Date;
};

export type UnitCourseList = {
  unitName: string;
  filter: CourseFilter | null;
  /** Courses matching the filter. */
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** Courses of the unit per filter, and ALL. */
  counts: Record<CourseFilter | "ALL", number>;
  rows: UnitCourseRow[];
};

/** Parsed leniently from the URL: an unknown filter or page falls back to the default. */
export const listUnitCoursesInputSchema = z.object({
  status: z.enum(COURSE_FILTERS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  pageSize: z.coerce.number().int().min(1).max(100).optional().catch(undefined),
});
/** As the URL or the JSON API gives it (strings); anything else falls back to the default. */
export type ListUnitCoursesInput = { status?: string | null; page?: string | number | null; pageSize?: string | number | null };

function whereOf(unitId: number, filter: CourseFilter | undefined): Prisma.CourseWhereInput {
  switch (filter) {
    case undefined:
      return { organizerId: unitId };
    case "RETURNED":
      return { organizerId: unitId, status: "DRAFT", statusNote: { not: null } };
    // 草稿 and 退回修正 are separate tabs, so that the tabs add up to 全部.
    case "DRAFT":
      return { organizerId: unitId, status: "DRAFT", statusNote: null };
    default:
      return { organizerId: unitId, status: filter };
  }
}

/**
 * 本單位課程管理: the organizer's own unit's courses, latest start date first, with their state and
 * registration counts (待審核, 審核通過 of 名額, 備取); filterable by state, paged.
 */
export async function listUnitCourses(actor: Actor | null, input: ListUnitCoursesInput = {}): Promise<UnitCourseList> {
  const user = requireOrganizer(actor);
  const parsed = listUnitCoursesInputSchema.parse(input ?? {});
  const pageSize = parsed.pageSize ?? 20;
  const where = whereOf(user.unitId, parsed.status);
  const [unit, total, byStatus, returned] = await Promise.all([
    db.unit.findUniqueOrThrow({ where: { id: user.unitId }, select: { name: true } }),
    db.course.count({ where }),
    db.course.groupBy({ by: ["status"], where: { organizerId: user.unitId }, _count: { _all: true } }),
    db.course.count({ where: whereOf(user.unitId, "RETURNED") }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(parsed.page ?? 1, pageCount);
  const courses = await db.course.findMany({
    where,
    orderBy: [{ startDate: "desc" }, { code: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      code: true, title: true, status: true, statusNote: true, startDate: true, endDate: true, capacity: true,
      approvedCount: true, waitlistedCount: true, activeCount: true, submittedAt: true, updatedAt: true,
      _count: { select: { registrations: { where: { status: "PENDING" } } } },
    },
  });
  const count = (s: CourseStatus) => byStatus.find((g) => g.status === s)?._count._all ?? 0;
  return {
    unitName: unit.name,
    filter: parsed.status ?? null,
    total,
    page,
    pageSize,
    pageCount,
    counts: {
      ALL: byStatus.reduce((n, g) => n + g._count._all, 0),
      DRAFT: count("DRAFT") - returned,
      RETURNED: returned,
      SUBMITTED: count("SUBMITTED"),
      PUBLISHED: count("PUBLISHED"),
      CANCELLED: count("CANCELLED"),
    },
    rows: courses.map(({ _count, activeCount, ...c }) => ({ ...c, pendingCount: _count.registrations, activeRegistrations: activeCount })),
  };
}
