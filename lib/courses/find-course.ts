import "server-only";
import { cache } from "react";
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { courseCacheTag } from "@/lib/courses/course-cache";
import { getCourseSeats } from "@/lib/courses/seats";
import type { AdmissionMode, ClassType, Eligibility, TimeSlot } from "@/generated/prisma/enums";

/**
 * Everything the public course page (研習課程介紹) shows about a course, the same for every
 * visitor. Dates are strings so the object survives the cache unchanged: calendar dates as
 * YYYY-MM-DD, moments as ISO times.
 */
export type PublicCourse = {
  code: string;
  title: string;
  classType: ClassType;
  category: string;
  subjectPath: string;
  schoolYear: number;
  semester: number;
  startDate: string;
  endDate: string;
  timeSlot: TimeSlot;
  venue: string;
  venueCounty: string;
  hours: number;
  credits: number | null;
  description: string;
  audience: string;
  classCount: number;
  seatsPerClass: number;
  capacity: number;
  fee: number;
  paymentMethod: string;
  organizer: { code: string; name: string; county: string; address: string; phone: string };
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  tags: string[];
  /** 登錄日期 */
  listedAt: string;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  onlineRegistration: boolean;
  eligibility: Eligibility;
  admissionMode: AdmissionMode;
  waitlistLimit: number;
  /** Only published and cancelled courses are public. */
  status: "PUBLISHED" | "CANCELLED";
  cancelledAt: string | null;
  /** Why the course was cancelled (only for cancelled courses). */
  cancelReason: string | null;
  updatedAt: string;
};

const NOT_FOUND_MESSAGE = "找不到這門課程，請確認課程代碼，或回到研習搜尋重新查詢。";
/** Cached copies are also refreshed after a day, as a safety net; revalidateCourse is the real trigger. */
export const SAFETY_REVALIDATE_SECONDS = 86_400;

/**
 * Seconds until the course's online-registration state next changes by itself (registration
 * opens or closes), at most a day. A page rendered from the cached course derives that state
 * from the time of rendering, so it must be rendered again then.
 */
export function secondsUntilWindowChange(
  c: { registrationOpensAt: Date | null; registrationClosesAt: Date | null },
  now: Date = new Date(),
): number {
  let seconds = SAFETY_REVALIDATE_SECONDS;
  for (const t of [c.registrationOpensAt, c.registrationClosesAt]) {
    if (t && t > now) seconds = Math.min(seconds, Math.ceil((t.getTime() - now.getTime()) / 1000));
  }
  return Math.max(1, seconds);
}

const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

/** Reads the course from the database (no cache). */
async function loadPublicCourse(code: string): Promise<PublicCourse> {
  const c = await db.course.findUnique({
    where: { code },
    select: {
      code: true, title: true, classType: true, category: true, subjectPath: true, schoolYear: true, semester: true,
      startDate: true, endDate: true, timeSlot: true, venue: true, venueCounty: true, hours: true, credits: true,
      description: true, audience: true, classCount: true, seatsPerClass: true, capacity: true, fee: true,
      paymentMethod: true, contactName: true, contactPhone: true, contactEmail: true, tags: true, listedAt: true,
      registrationOpensAt: true, registrationClosesAt: true, onlineRegistration: true, eligibility: true,
      admissionMode: true, waitlistLimit: true, status: true, statusNote: true, cancelledAt: true, updatedAt: true,
      organizer: { select: { code: true, name: true, county: true, address: true, phone: true } },
    },
  });
  if (!c || (c.status !== "PUBLISHED" && c.status !== "CANCELLED")) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  const { statusNote, ...rest } = c;
  return {
    ...rest,
    status: c.status,
    startDate: dateOnly(c.startDate),
    endDate: dateOnly(c.endDate),
    listedAt: c.listedAt.toISOString(),
    registrationOpensAt: c.registrationOpensAt?.toISOString() ?? null,
    registrationClosesAt: c.registrationClosesAt?.toISOString() ?? null,
    cancelledAt: c.cancelledAt?.toISOString() ?? null,
    // statusNote of a draft is the region's note to the organizer: only a cancellation reason is public.
    cancelReason: c.status === "CANCELLED" ? statusNote : null,
    updatedAt: c.updatedAt.toISOString(),
  };
}

function cachedPublicCourse(code: string, revalidate: number): Promise<PublicCourse> {
  // A page that reads this entry is cached no longer than the entry (Next lowers the page's
  // revalidate to the shortest of its cached reads) and is dropped with it by the course's tag.
  return unstable_cache(() => loadPublicCourse(code), ["public-course", code], {
    tags: [courseCacheTag(code)],
    revalidate,
  })();
}

/**
 * The public data of a published or cancelled course, for anyone (no personal data in it, so
 * it is cached per course and dropped by revalidateCourse). Drafts, courses waiting for
 * approval and unknown codes are NOT_FOUND.
 *
 * Each call first reads the course's live row (getCourseSeats: one indexed row); when its
 * `updatedAt` differs from the cached copy's, the cached copy is out of date (a change made by
 * another app instance, or without revalidateCourse) and the course is read afresh, so a page
 * is never rendered from an out-of-date copy.
 */
export const findCourse = cache(async (code: string): Promise<PublicCourse> => {
  const live = await getCourseSeats(code);
  if (!live || (live.status !== "PUBLISHED" && live.status !== "CANCELLED")) {
    throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  }
  const cached = await cachedPublicCourse(code, secondsUntilWindowChange(live));
  if (cached.updatedAt === live.updatedAt && cached.status === live.status) return cached;
  return loadPublicCourse(code);
});
