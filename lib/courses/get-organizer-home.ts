import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { requireOrganizer } from "@/lib/courses/course-access";

export type OrganizerHome = {
  unitName: string;
  /** Drafts the 區管中心 sent back, with the reason: the most urgent. */
  returned: { code: string; title: string; reason: string; reviewedAt: Date | null }[];
  /** Courses with registrations waiting for review (待審核), the most waiting first. */
  toReview: { code: string; title: string; pendingCount: number; startDate: Date }[];
  /** How many courses have registrations waiting, and how many registrations in all. */
  toReviewTotals: { courses: number; registrations: number };
  /** Drafts never submitted (or submitted and returned is in `returned`). */
  drafts: { code: string; title: string; updatedAt: Date }[];
  draftCount: number;
  /** Courses waiting for the 區管中心. */
  submittedCount: number;
};

const SHOWN = 5;

/** What waits for the organizer, for the signed-in home page. */
export async function getOrganizerHome(actor: Actor | null): Promise<OrganizerHome> {
  const user = requireOrganizer(actor);
  const unitId = user.unitId;
  const [unit, returned, drafts, draftCount, submittedCount, pendingGroups] = await Promise.all([
    db.unit.findUniqueOrThrow({ where: { id: unitId }, select: { name: true } }),
    db.course.findMany({
      where: { organizerId: unitId, status: "DRAFT", statusNote: { not: null } },
      orderBy: [{ reviewedAt: "desc" }, { code: "desc" }],
      take: 20,
      select: { code: true, title: true, statusNote: true, reviewedAt: true },
    }),
    db.course.findMany({
      where: { organizerId: unitId, status: "DRAFT", statusNote: null },
      orderBy: [{ updatedAt: "desc" }, { code: "desc" }],
      take: SHOWN,
      select: { code: true, title: true, updatedAt: true },
    }),
    db.course.count({ where: { organizerId: unitId, status: "DRAFT", statusNote: null } }),
    db.course.count({ where: { organizerId: unitId, status: "SUBMITTED" } }),
    db.registration.groupBy({
      by: ["courseId"],
      where: { status: "PENDING", course: { organizerId: unitId, status: "PUBLISHED" } },
      _count: { _all: true },
    }),
  ]);
  const sorted = [...pendingGroups].sort((a, b) => b._count._all - a._count._all || a.courseId - b.courseId);
  const top = sorted.slice(0, SHOWN);
  const courses = await db.course.findMany({ where: { id: { in: top.map((g) => g.courseId) } }, select: { id: true, code: true, title: true, startDate: true } });
  const byId = new Map(courses.map((c) => [c.id, c]));
  return {
    unitName: unit.name,
    returned: returned.map((c) => ({ code: c.code, title: c.title, reason: c.statusNote ?? "", reviewedAt: c.reviewedAt })),
    toReview: top.flatMap((g) => {
      const c = byId.get(g.courseId);
      return c ? [{ code: c.code, title: c.title, startDate: c.startDate, pendingCount: g._count._all }] : [];
    }),
    toReviewTotals: { courses: pendingGroups.length, registrations: pendingGroups.reduce((n, g) => n + g._count._all, 0) },
    drafts,
    draftCount,
    submittedCount,
  };
}
