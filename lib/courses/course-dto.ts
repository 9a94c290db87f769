import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { PublicCourse } from "@/lib/courses/find-course";
import type { CourseStatus } from "@/generated/prisma/enums";

/**
 * Every field of a course, for the people who manage or approve it (not cached, not public):
 * what the public page shows (PublicCourse) plus its state in the approval flow and its form.
 * Dates are strings, as in PublicCourse.
 */
export type ManagedCourse = Omit<PublicCourse, "status" | "cancelReason"> & {
  status: CourseStatus;
  /** The 區管中心's reason when it returned the course (a DRAFT), or the cancellation reason. */
  statusNote: string | null;
  formFields: string[];
  approvedCount: number;
  waitlistedCount: number;
  activeCount: number;
  submittedAt: string | null;
  reviewedAt: string | null;
  publishedAt: string | null;
};

/** What Prisma must select for toManagedCourse. */
export const MANAGED_COURSE_SELECT = {
  code: true, title: true, classType: true, category: true, subjectPath: true, schoolYear: true, semester: true,
  startDate: true, endDate: true, timeSlot: true, venue: true, venueCounty: true, hours: true, credits: true,
  description: true, audience: true, classCount: true, seatsPerClass: true, capacity: true, fee: true,
  paymentMethod: true, contactName: true, contactPhone: true, contactEmail: true, tags: true, listedAt: true,
  registrationOpensAt: true, registrationClosesAt: true, onlineRegistration: true, eligibility: true,
  admissionMode: true, waitlistLimit: true, status: true, statusNote: true, cancelledAt: true, updatedAt: true,
  formFields: true, approvedCount: true, waitlistedCount: true, activeCount: true, submittedAt: true, reviewedAt: true,
  publishedAt: true, organizerId: true,
  organizer: { select: { code: true, name: true, county: true, address: true, phone: true } },
} as const satisfies Prisma.CourseSelect;

export type ManagedCourseRow = Prisma.CourseGetPayload<{ select: typeof MANAGED_COURSE_SELECT }>;

const dateOnly = (d: Date) => d.toISOString().slice(0, 10);
const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toManagedCourse(c: ManagedCourseRow): ManagedCourse {
  return {
    code: c.code,
    title: c.title,
    classType: c.classType,
    category: c.category,
    subjectPath: c.subjectPath,
    schoolYear: c.schoolYear,
    semester: c.semester,
    startDate: dateOnly(c.startDate),
    endDate: dateOnly(c.endDate),
    timeSlot: c.timeSlot,
    venue: c.venue,
    venueCounty: c.venueCounty,
    hours: c.hours,
    credits: c.credits,
    description: c.description,
    audience: c.audience,
    classCount: c.classCount,
    seatsPerClass: c.seatsPerClass,
    capacity: c.capacity,
    fee: c.fee,
    paymentMethod: c.paymentMethod,
    organizer: c.organizer,
    contactName: c.contactName,
    contactPhone: c.contactPhone,
    contactEmail: c.contactEmail,
    tags: c.tags,
    listedAt: c.listedAt.toISOString(),
    registrationOpensAt: iso(c.registrationOpensAt),
    registrationClosesAt: iso(c.registrationClosesAt),
    onlineRegistration: c.onlineRegistration,
    eligibility: c.eligibility,
    admissionMode: c.admissionMode,
    waitlistLimit: c.waitlistLimit,
    status: c.status,
    statusNote: c.statusNote,
    cancelledAt: iso(c.cancelledAt),
    updatedAt: c.updatedAt.toISOString(),
    formFields: c.formFields,
    approvedCount: c.approvedCount,
    waitlistedCount: c.waitlistedCount,
    activeCount: c.activeCount,
    submittedAt: iso(c.submittedAt),
    reviewedAt: iso(c.reviewedAt),
    publishedAt: iso(c.publishedAt),
  };
}
