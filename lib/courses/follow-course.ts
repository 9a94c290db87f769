import "server-only";
import { z } from "@/lib/zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requireRole, type Actor } from "@/lib/auth/actor";

export const followCourseSchema = z.object({
  code: z.string().trim().regex(/^\d{1,12}$/, "課程代碼應為數字。"),
});

export type FollowResult = { code: string; following: boolean };

/**
 * 加入追蹤: a teacher follows a published course. Idempotent: following a course already
 * followed changes nothing and answers the same.
 */
export async function followCourse(actor: Actor | null, input: unknown): Promise<FollowResult> {
  const user = requireRole(actor, "TEACHER");
  const { code } = parseInput(followCourseSchema, input);
  const course = await db.course.findUnique({ where: { code }, select: { id: true, status: true } });
  if (!course || (course.status !== "PUBLISHED" && course.status !== "CANCELLED")) {
    throw new AppError("NOT_FOUND", "找不到這門課程，請確認課程代碼。");
  }
  if (course.status === "CANCELLED") {
    throw new AppError("CONFLICT", "這門課程已取消，無法加入追蹤。請搜尋其他研習。");
  }
  // ON CONFLICT DO NOTHING: two presses at once still make one follow.
  await db.follow.createMany({ data: [{ userId: user.id, courseId: course.id }], skipDuplicates: true });
  return { code, following: true };
}
