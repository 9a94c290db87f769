import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { courseFormSchema, courseToFormValues, type CourseFormInput } from "@/lib/courses/course-form-schema";
import { assertOwnUnit, parseCourseCode, lockCourse, requireOrganizer } from "@/lib/courses/course-access";
import { assertNotInThePast, courseColumns } from "@/lib/courses/create-course";
import { auditValue, recordCourseEvent } from "@/lib/courses/course-audit";
import { MANAGED_COURSE_SELECT } from "@/lib/courses/course-dto";
import { announceCourseChange } from "@/lib/courses/announce-course-change";
import { promoteFirstWaitlisted } from "@/lib/registrations/promote-waitlist";
import { dispatchMail } from "@/lib/mail/outbox";
import type { CourseStatus } from "@/generated/prisma/enums";

export type UpdateCourseInput = { code: string } & Partial<CourseFormInput>;
export type UpdateCourseResult = {
  code: string;
  status: CourseStatus;
  /** The fields whose stored value changed (empty: nothing to save). */
  changed: string[];
  /** Waitlisted registrations approved because an automatic course got more seats. */
  promoted: number;
};

const VALIDATION_MESSAGE = "資料有誤，請依欄位旁的說明修正後再送出。";

/**
 * 編輯課程: the organizer changes their own unit's course. Fields not given keep their value (so
 * the JSON API can PATCH a few), and the whole course is checked again with the form's schema.
 *
 * - Drafts and published courses can be edited; a course waiting for 區管中心 or cancelled cannot.
 * - A published course stays published and the change is public at once: the course page is
 *   dropped from the cache and the search index is updated within a minute.
 * - Capacity (開班班數 × 各班人數) can never go below the teachers already approved, nor the
 *   waitlist limit below the teachers already waitlisted. On a 先到先得 course, new seats go to
 *   the waitlist at once, in registration order (each promoted teacher is mailed).
 */
export async function updateCourse(actor: Actor | null, input: UpdateCourseInput, options: { now?: Date } = {}): Promise<UpdateCourseResult> {
  const user = requireOrganizer(actor);
  const { code: rawCode, ...changes } = input ?? ({} as UpdateCourseInput);
  const code = parseCourseCode(rawCode);
  const now = options.now ?? new Date();

  const result = await db.$transaction(async (tx) => {
    const locked = await lockCourse(tx, code);
    assertOwnUnit(user, locked);
    if (locked.status === "SUBMITTED") {
      throw new AppError("CONFLICT", "這門課程已送審，正在等待區管中心審核，暫時不能修改；如需修改，請洽區管中心退回。");
    }
    if (locked.status === "CANCELLED") throw new AppError("CONFLICT", "已取消的課程不能再修改。");

    const current = await tx.course.findUniqueOrThrow({ where: { id: locked.id }, select: MANAGED_COURSE_SELECT });
    const data = parseInput(courseFormSchema, { ...courseToFormValues(current), ...definedOnly(changes) });
    if (data.startDate.getTime() !== current.startDate.getTime()) assertNotInThePast(data.startDate, now);

    const next = courseColumns(data);
    if (next.capacity < locked.approvedCount) {
      const n = locked.approvedCount;
      const message = `已有 ${n} 位教師審核通過，總名額（開班班數 × 各班人數）不可少於 ${n} 人。`;
      throw new AppError("VALIDATION", `無法減少名額：${message}`, { seatsPerClass: [message] });
    }
    if (next.waitlistLimit < locked.waitlistedCount) {
      const n = locked.waitlistedCount;
      throw new AppError("VALIDATION", VALIDATION_MESSAGE, { waitlistLimit: [`目前已有 ${n} 位備取，備取名額不可少於 ${n} 人。`] });
    }

    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, to] of Object.entries(next)) {
      const from = (current as Record<string, unknown>)[key];
      if (JSON.stringify(auditValue(from)) !== JSON.stringify(auditValue(to))) changed[key] = { from: auditValue(from), to: auditValue(to) };
    }
    if (Object.keys(changed).length === 0) return { code, status: locked.status, changed: [], promoted: 0 };

    await tx.course.update({ where: { id: locked.id }, data: { ...next, updatedAt: now } });

    // 先到先得: seats added while teachers wait go to them now, first registered first.
    let promoted = 0;
    if (data.admissionMode === "AUTOMATIC" && locked.status === "PUBLISHED") {
      for (let free = next.capacity - locked.approvedCount; free > 0; free--) {
        if ((await promoteFirstWaitlisted(tx, locked.id, now, { reason: "開課單位增加名額，備取自動遞補" })) === null) break;
        promoted++;
      }
    }

    await recordCourseEvent(tx, {
      actorId: user.id,
      action: "course.update",
      courseId: locked.id,
      detail: { code, status: locked.status, changes: changed, ...(promoted ? { promotedFromWaitlist: promoted } : {}) },
      at: now,
    });
    return { code, status: locked.status, changed: Object.keys(changed), promoted };
  });

  if (result.changed.length && result.status === "PUBLISHED") {
    await announceCourseChange(code);
  }
  if (result.promoted) await dispatchMail();
  return result;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
