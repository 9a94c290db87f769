import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { taipeiToday } from "@/lib/format/date";
import { courseFormSchema, type CourseData, type CourseFormInput } from "@/lib/courses/course-form-schema";
import { requireOrganizer } from "@/lib/courses/course-access";
import { auditValue, recordCourseEvent } from "@/lib/courses/course-audit";

export type CreateCourseResult = { code: string; status: "DRAFT" };

/** The stored columns of a course's form data (capacity included). */
export function courseColumns(c: CourseData) {
  return {
    title: c.title,
    classType: c.classType,
    category: c.category,
    subjectPath: c.subjectPath,
    schoolYear: c.schoolYear,
    semester: c.semester,
    startDate: c.startDate,
    endDate: c.endDate,
    timeSlot: c.timeSlot,
    venue: c.venue,
    venueCounty: c.venueCounty,
    hours: c.hours,
    credits: c.credits,
    description: c.description,
    audience: c.audience,
    classCount: c.classCount,
    seatsPerClass: c.seatsPerClass,
    capacity: c.classCount * c.seatsPerClass,
    fee: c.fee,
    paymentMethod: c.paymentMethod,
    contactName: c.contactName,
    contactPhone: c.contactPhone,
    contactEmail: c.contactEmail,
    tags: c.tags,
    onlineRegistration: c.onlineRegistration,
    formFields: c.formFields,
    eligibility: c.eligibility,
    admissionMode: c.admissionMode,
    waitlistLimit: c.waitlistLimit,
    registrationOpensAt: c.registrationOpensAt,
    registrationClosesAt: c.registrationClosesAt,
  };
}

/** A course cannot be planned in the past. */
export function assertNotInThePast(startDate: Date, now: Date): void {
  if (startDate.toISOString().slice(0, 10) < taipeiToday(now)) {
    throw new AppError("VALIDATION", "資料有誤，請依欄位旁的說明修正後再送出。", { startDate: ["課程開始日期不可早於今天"] });
  }
}

/**
 * 新增課程: the organizer's unit opens a course. It starts as a DRAFT (草稿) with a new code from
 * course_code_seq; nothing is public until 區管中心 approves it.
 */
export async function createCourse(actor: Actor | null, input: CourseFormInput, options: { now?: Date } = {}): Promise<CreateCourseResult> {
  const user = requireOrganizer(actor);
  const data = parseInput(courseFormSchema, input);
  const now = options.now ?? new Date();
  assertNotInThePast(data.startDate, now);
  const columns = courseColumns(data);
  return db.$transaction(async (tx) => {
    const [{ code }] = await tx.$queryRaw<{ code: string }[]>`SELECT nextval('course_code_seq')::text AS code`;
    const course = await tx.course.create({
      data: { ...columns, code, organizerId: user.unitId, status: "DRAFT", listedAt: now, createdAt: now },
      select: { id: true },
    });
    await recordCourseEvent(tx, {
      actorId: user.id,
      action: "course.create",
      courseId: course.id,
      detail: { code, values: Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, auditValue(v)])) },
      at: now,
    });
    return { code, status: "DRAFT" as const };
  });
}
