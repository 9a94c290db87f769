import "server-only";
import { db } from "@/lib/db";
import { requireRole, type Actor } from "@/lib/auth/actor";

export type AwaitingApprovalRow = {
  code: string;
  title: string;
  organizerName: string;
  venueCounty: string;
  startDate: Date;
  submittedAt: Date;
};

/** 區管中心: courses submitted for approval by units in the admin's counties, oldest first. */
export async function listCoursesAwaitingApproval(actor: Actor | null): Promise<AwaitingApprovalRow[]> {
  const user = requireRole(actor, "REGION_ADMIN");
  const rows = await db.course.findMany({
    where: { status: "SUBMITTED", organizer: { county: { in: user.regionCounties } } },
    orderBy: { updatedAt: "asc" },
    take: 200,
    select: { code: true, title: true, venueCounty: true, startDate: true, updatedAt: true, organizer: { select: { name: true } } },
  });
  return rows.map((r) => ({
    code: r.code,
    title: r.title,
    organizerName: r.organizer.name,
    venueCounty: r.venueCounty,
    startDate: r.startDate,
    submittedAt: r.updatedAt,
  }));
}
