import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { requireRegionAdmin } from "@/lib/courses/course-access";
import { awaitingApprovalWhere, listCoursesAwaitingApproval, type AwaitingApprovalRow } from "@/lib/courses/list-courses-awaiting-approval";

export type RegionHome = {
  counties: string[];
  /** Courses waiting for approval in the admin's counties. */
  awaitingCount: number;
  /** The longest-waiting ones. */
  oldest: AwaitingApprovalRow[];
};

/** What waits for the 區管中心, for the signed-in home page. */
export async function getRegionHome(actor: Actor | null): Promise<RegionHome> {
  const user = requireRegionAdmin(actor);
  const [awaitingCount, oldest] = await Promise.all([
    db.course.count({ where: awaitingApprovalWhere(user.regionCounties) }),
    listCoursesAwaitingApproval(user, { limit: 5 }),
  ]);
  return { counties: user.regionCounties, awaitingCount, oldest };
}
