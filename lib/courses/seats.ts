import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { CourseStatus } from "@/generated/prisma/enums";

/**
 * The part of a course that changes all the time, read from the database on every call
 * (never cached): 線上報名餘額 = capacity − approved, with what decides the online-registration
 * state now, and `updatedAt`, the version of the course's public data.
 */
export type CourseSeats = {
  capacity: number;
  approvedCount: number;
  /** 線上報名餘額 */
  seatsLeft: number;
  status: CourseStatus;
  onlineRegistration: boolean;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  /** ISO time of the course's last change (seat counters do not change it). */
  updatedAt: string;
};

/** Live seats of a course, or null when no course has this code. Deduplicated within one request. */
export const getCourseSeats = cache(async (code: string): Promise<CourseSeats | null> => {
  if (!/^\d{1,12}$/.test(code)) return null;
  const row = await db.course.findUnique({
    where: { code },
    select: {
      capacity: true, approvedCount: true, status: true, updatedAt: true,
      onlineRegistration: true, registrationOpensAt: true, registrationClosesAt: true,
    },
  });
  if (!row) return null;
  return {
    capacity: row.capacity,
    approvedCount: row.approvedCount,
    seatsLeft: Math.max(0, row.capacity - row.approvedCount),
    status: row.status,
    onlineRegistration: row.onlineRegistration,
    registrationOpensAt: row.registrationOpensAt,
    registrationClosesAt: row.registrationClosesAt,
    updatedAt: row.updatedAt.toISOString(),
  };
});
