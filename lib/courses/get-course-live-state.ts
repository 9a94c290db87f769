import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { getCourseSeats } from "@/lib/courses/seats";
import { listFollowedCourses } from "@/lib/courses/list-followed-courses";
import { getMyRegistration } from "@/lib/registrations/get-my-registration";
import { registrationWindowMessage, registrationWindowState, type RegistrationWindowState } from "@/lib/registrations/window";
import type { RegistrationStatus } from "@/generated/prisma/enums";

/**
 * What the course page shows that must be current on every view, and never cached: the
 * online-registration state now, 線上報名餘額, and the viewer's own state (following, own
 * registration). Personal: only ever sent with `Cache-Control: private, no-store`.
 */
export type CourseLiveState = {
  code: string;
  /** The course's updatedAt: the version of its public data, to compare with the page's. */
  version: string;
  state: RegistrationWindowState;
  message: string;
  onlineRegistration: boolean;
  seatsLeft: number;
  capacity: number;
  viewer: "ANONYMOUS" | "TEACHER" | "OTHER";
  following: boolean;
  /** The teacher's own registration, when it is not cancelled. */
  mine: { status: RegistrationStatus; registeredAt: string } | null;
};

export async function getCourseLiveState(actor: Actor | null, code: string, now: Date = new Date()): Promise<CourseLiveState> {
  const seats = await getCourseSeats(code);
  if (!seats || (seats.status !== "PUBLISHED" && seats.status !== "CANCELLED")) {
    throw new AppError("NOT_FOUND", "找不到這門課程，請確認課程代碼。");
  }
  const teacher = actor?.role === "TEACHER" ? actor : null;
  const [followed, registration] = teacher
    ? await Promise.all([listFollowedCourses(teacher, { code }, now), getMyRegistration(teacher, code)])
    : [[], null];
  return {
    code,
    version: seats.updatedAt,
    state: registrationWindowState(seats, now),
    message: registrationWindowMessage(seats, now),
    onlineRegistration: seats.onlineRegistration,
    seatsLeft: seats.seatsLeft,
    capacity: seats.capacity,
    viewer: !actor ? "ANONYMOUS" : teacher ? "TEACHER" : "OTHER",
    following: followed.length > 0,
    mine: registration && registration.status !== "CANCELLED" ? { status: registration.status, registeredAt: registration.registeredAt } : null,
  };
}
