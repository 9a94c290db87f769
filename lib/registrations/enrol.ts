import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireUser, type Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { unwrap, withIdempotency } from "@/lib/idempotency";
import { decryptNationalId, encryptNationalId } from "@/lib/people/national-id";
import { checkEligibility, MESSAGES } from "@/lib/registrations/eligibility";
import { loadCourseForRegistration } from "@/lib/registrations/load-course";
import { registrationFormSchema, toStoredAnswers } from "@/lib/registrations/form-schema";
import type { EnrolResult } from "@/lib/registrations/dto";
import type { RegistrationStatus } from "@/generated/prisma/enums";

export const enrolInputSchema = z.object({
  code: z.string().trim().min(1).max(20),
  answers: z.record(z.string(), z.string().max(200)).default({}),
});
export type EnrolInput = z.input<typeof enrolInputSchema>;

type Options = { idempotencyKey?: string | null; waitForFirstMs?: number; now?: Date };

/**
 * 我要報名: create-or-return. If the teacher already holds an active registration for the
 * course, it is returned unchanged; enrol never cancels. Seats are taken by conditional
 * updates of the course's counters in the same transaction as the registration, so
 * concurrent requests can never oversell (and the CHECK constraints back that up).
 * Automatic admission (先到先得): APPROVED while seats last, then WAITLISTED up to the
 * waitlist limit. Manual review: PENDING while registrations that still count are fewer
 * than capacity + waitlist limit. Beyond that: refused.
 */
export async function enrol(actor: Actor | null, input: EnrolInput, options: Options = {}): Promise<EnrolResult & { replayed: boolean }> {
  const user = requireUser(actor);
  if (user.role !== "TEACHER") throw new AppError("FORBIDDEN", MESSAGES.notTeacher);
  const { code, answers } = parseInput(enrolInputSchema, input);
  const result = await withIdempotency(
    { userId: user.id, key: options.idempotencyKey, scope: `enrol:${code}`, request: answers, waitMs: options.waitForFirstMs },
    () => enrolOnce(user, code, answers, options.now ?? new Date()),
  );
  return { ...unwrap(result.answer), replayed: result.replayed };
}

function dto(code: string, r: { status: RegistrationStatus; registeredAt: Date; statusChangedAt: Date; decisionNote: string | null }, created: boolean): EnrolResult {
  return {
    code,
    status: r.status,
    registeredAt: r.registeredAt.toISOString(),
    statusChangedAt: r.statusChangedAt.toISOString(),
    decisionNote: r.decisionNote,
    created,
  };
}

type WrittenRow = { status: RegistrationStatus; registeredAt: Date; statusChangedAt: Date; decisionNote: string | null };

async function enrolOnce(user: Actor, code: string, rawAnswers: Record<string, string>, now: Date): Promise<EnrolResult> {
  const course = await loadCourseForRegistration(code);

  const current = await db.registration.findUnique({
    where: { courseId_userId: { courseId: course.id, userId: user.id } },
    select: { status: true, registeredAt: true, statusChangedAt: true, decisionNote: true },
  });
  if (current && current.status !== "CANCELLED") return dto(code, current, false);

  const verdict = checkEligibility(user, course, now);
  if (!verdict.ok) {
    // FULL here comes from a plain read, and places are only ever freed by cancellations:
    // refusing at once spares the rush a wait for the course's row lock. When this read
    // says there is room, the database decides below.
    throw new AppError(verdict.reason === "WINDOW" || verdict.reason === "FULL" ? "CONFLICT" : "FORBIDDEN", verdict.message);
  }

  // 使用已登錄的身分證字號: the browser never holds the full number, it asks to use the stored one.
  const raw = { ...rawAnswers };
  if (raw.nationalIdUseProfile === "1" && course.formFields.includes("nationalId") && !raw.nationalId) {
    const stored = await db.user.findUnique({ where: { id: user.id }, select: { nationalIdCipher: true, nationalIdKeyId: true } });
    if (stored?.nationalIdCipher && stored.nationalIdKeyId) raw.nationalId = decryptNationalId({ cipher: stored.nationalIdCipher, keyId: stored.nationalIdKeyId });
  }
  const values = parseInput(registrationFormSchema(course.formFields), raw);
  const { answers, nationalId } = toStoredAnswers(values);
  const encrypted = nationalId ? encryptNationalId(nationalId) : null;

  // The claim, the seat, the registration and its audit entry happen in one database call
  // (enrol_take_place, see the seat_counters migration), so the course row is locked only
  // for the moment it takes inside PostgreSQL.
  const [row] = await db.$queryRaw<(Omit<WrittenRow, "status"> & { status: RegistrationStatus | null; created: boolean })[]>`
    SELECT * FROM enrol_take_place(${course.id}, ${user.id}, ${JSON.stringify(answers)}::jsonb,
      ${encrypted?.cipher ?? null}, ${encrypted?.keyId ?? null}, ${encrypted?.hash ?? null})`;
  if (!row?.status) throw new AppError("CONFLICT", MESSAGES.full);
  return dto(code, { ...row, status: row.status }, row.created);
}
