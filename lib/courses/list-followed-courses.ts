import "server-only";
import { z } from "@/lib/zod";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { requireRole, type Actor } from "@/lib/auth/actor";
import { taipeiToday } from "@/lib/format/date";
import { registrationWindowMessage, registrationWindowState, type RegistrationWindowState } from "@/lib/registrations/window";
import type { CourseStatus, RegistrationStatus } from "@/generated/prisma/enums";

/** One row of 已追蹤課程: the course and where it stands now. */
export type FollowedCourse = {
  code: string;
  title: string;
  /** YYYY-MM-DD */
  startDate: string;
  endDate: string;
  organizerName: string;
  venueCounty: string;
  status: CourseStatus;
  window: RegistrationWindowState;
  /** registrationWindowMessage, e.g. 開放線上報名中，至 … 截止。 */
  windowMessage: string;
  /** 線上報名餘額, or null when the course has no online registration. */
  seatsLeft: number | null;
  /** The course's last day is before today (Taipei). */
  ended: boolean;
  /** The teacher's own registration (not cancelled), if any. */
  myRegistration: RegistrationStatus | null;
  followedAt: string;
};

const optionsSchema = z.object({ code: z.string().regex(/^\d{1,12}$/).optional() }).default({});

/**
 * The teacher's followed courses: upcoming and running ones first (soonest first), then
 * ended ones (latest first). With `code`, only that course (an empty list if not followed):
 * how the course page knows whether to offer 加入追蹤 or 取消追蹤.
 */
export async function listFollowedCourses(actor: Actor | null, options: unknown = {}, now: Date = new Date()): Promise<FollowedCourse[]> {
  const user = requireRole(actor, "TEACHER");
  const { code } = parseInput(optionsSchema, options);
  const follows = await db.follow.findMany({
    where: { userId: user.id, ...(code ? { course: { code } } : {}) },
    select: {
      createdAt: true,
      course: {
        select: {
          id: true, code: true, title: true, startDate: true, endDate: true, venueCounty: true, status: true,
          onlineRegistration: true, registrationOpensAt: true, registrationClosesAt: true, capacity: true, approvedCount: true,
          organizer: { select: { name: true } },
        },
      },
    },
  });
  if (follows.length === 0) return [];
  const registrations = await db.registration.findMany({
    where: { userId: user.id, courseId: { in: follows.map((f) => f.course.id) }, status: { not: "CANCELLED" } },
    select: { courseId: true, status: true },
  });
  const mine = new Map(registrations.map((r) => [r.courseId, r.status]));
  const today = taipeiToday(now);

  const rows: FollowedCourse[] = follows.map(({ course: c, createdAt }) => {
    const endDate = c.endDate.toISOString().slice(0, 10);
    return {
      code: c.code,
      title: c.title,
      startDate: c.startDate.toISOString().slice(0, 10),
      endDate,
      organizerName: c.organizer.name,
      venueCounty: c.venueCounty,
      status: c.status,
      window: registrationWindowState(c, now),
      windowMessage: registrationWindowMessage(c, now),
      seatsLeft: c.onlineRegistration ? Math.max(0, c.capacity - c.approvedCount) : null,
      ended: endDate < today,
      myRegistration: mine.get(c.id) ?? null,
      followedAt: createdAt.toISOString(),
    };
  });
  const upcoming = rows.filter((r) => !r.ended).sort((a, b) => a.startDate.localeCompare(b.startDate) || a.code.localeCompare(b.code));
  const ended = rows.filter((r) => r.ended).sort((a, b) => b.startDate.localeCompare(a.startDate) || a.code.localeCompare(b.code));
  return [...upcoming, ...ended];
}
