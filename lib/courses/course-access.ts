import "server-only";
import { z } from "@/lib/zod";
import { AppError } from "@/lib/errors";
import { requireRole, type Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/generated/prisma/client";
import type { CourseStatus } from "@/generated/prisma/enums";

/**
 * Who may touch which course: an organizer only their own unit's courses, a 區管中心 admin only
 * courses of units in their counties. Each use case calls one of these itself.
 */

export const courseCodeSchema = z.string({ error: "請提供課程代碼。" }).trim().regex(/^\d{1,12}$/, "課程代碼應為 1 至 12 位數字。");

export const COURSE_NOT_FOUND = "找不到這門課程，請確認課程代碼，或回到課程列表重新選擇。";
export const NOT_YOUR_UNIT = "這門課程不是您單位開設的，您無法查看或修改。";
export const NOT_YOUR_REGION = "這門課程的開課單位不在您的轄區，您無法審核。";

/** A course code from a URL or a request: a malformed one names no course (NOT_FOUND). */
export function parseCourseCode(code: unknown): string {
  const parsed = courseCodeSchema.safeParse(code);
  if (!parsed.success) throw new AppError("NOT_FOUND", COURSE_NOT_FOUND);
  return parsed.data;
}

/** The organizer, with their unit. */
export function requireOrganizer(actor: Actor | null | undefined): Actor & { unitId: number } {
  const user = requireRole(actor, "ORGANIZER");
  if (!user.unitId) throw new AppError("FORBIDDEN", "您的業務帳號尚未設定所屬單位，請洽區管中心。");
  return user as Actor & { unitId: number };
}

export function requireRegionAdmin(actor: Actor | null | undefined): Actor {
  const user = requireRole(actor, "REGION_ADMIN");
  if (user.regionCounties.length === 0) throw new AppError("FORBIDDEN", "您的區管中心帳號尚未設定轄區縣市，請洽系統管理者。");
  return user;
}

export type LockedCourse = {
  id: number;
  code: string;
  title: string;
  status: CourseStatus;
  organizerId: number;
  organizerCounty: string;
  capacity: number;
  approvedCount: number;
  waitlistedCount: number;
  activeCount: number;
  admissionMode: "MANUAL_REVIEW" | "AUTOMATIC";
  startDate: Date;
  statusNote: string | null;
};

/**
 * Reads and locks (FOR UPDATE) the course row inside the caller's transaction, so counters read
 * here stay true until the commit: reviews and enrolments of this course wait for us.
 */
export async function lockCourse(tx: Prisma.TransactionClient, code: string): Promise<LockedCourse> {
  const [row] = await tx.$queryRaw<LockedCourse[]>`
    SELECT c.id, c.code, c.title, c.status, c."organizerId", u.county AS "organizerCounty", c.capacity, c."approvedCount",
      c."waitlistedCount", c."activeCount", c."admissionMode", c."startDate", c."statusNote"
    FROM "Course" c JOIN "Unit" u ON u.id = c."organizerId"
    WHERE c.code = ${code}
    FOR UPDATE OF c`;
  if (!row) throw new AppError("NOT_FOUND", COURSE_NOT_FOUND);
  return row;
}

export function assertOwnUnit(user: Actor & { unitId: number }, course: { organizerId: number }): void {
  if (course.organizerId !== user.unitId) throw new AppError("FORBIDDEN", NOT_YOUR_UNIT);
}

export function assertInRegion(user: Actor, course: { organizerCounty: string }): void {
  if (!user.regionCounties.includes(course.organizerCounty)) throw new AppError("FORBIDDEN", NOT_YOUR_REGION);
}
