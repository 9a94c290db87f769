import "server-only";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { requireRole, type Actor } from "@/lib/auth/actor";
import { followCourseSchema, type FollowResult } from "@/lib/courses/follow-course";

/**
 * 取消追蹤. Idempotent: unfollowing a course that is not followed (or no longer exists)
 * succeeds and changes nothing.
 */
export async function unfollowCourse(actor: Actor | null, input: unknown): Promise<FollowResult> {
  const user = requireRole(actor, "TEACHER");
  const { code } = parseInput(followCourseSchema, input);
  await db.follow.deleteMany({ where: { userId: user.id, course: { code } } });
  return { code, following: false };
}
