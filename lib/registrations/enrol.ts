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
import { recordRegistrationEvent } from "@/lib/registrations/audit";
import { REGISTRATION_TX } from "@/lib/registrations/tx-options";
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

async function enrolOnce(user: Actor, code: string, rawAnswers: Record<string, string>, now: Date): Promise<EnrolResult> {
  const course = await loadCourseForRegistration(code);

  const current = await db.registration.findUnique({
    where: { courseId_userId: { courseId: course.id, userId: user.id } },
    select: { status: true, registeredAt: true, statusChangedAt: true, decisionNote: true },
  });
  if (current && current.status !== "CANCELLED") return dto(code, current, false);

  const verdict = checkEligibility(user, course, now);
  // Whether places are left is decided below, by the database, not by this earlier read.
  if (!verdict.ok && verdict.reason !== "FULL") {
    throw new AppError(verdict.reason === "WINDOW" ? "CONFLICT" : "FORBIDDEN", verdict.message);
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

  return db.$transaction(async (tx) => {
    // 1. Claim (course, teacher). A concurrent enrol by the same teacher waits here and then
    //    finds this registration.
    const inserted = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO "Registration" ("courseId", "userId", "status", "answers", "registeredAt", "statusChangedAt", "createdAt", "updatedAt")
      VALUES (${course.id}, ${user.id}, 'PENDING', '{}'::jsonb, ${now}, ${now}, ${now}, ${now})
      ON CONFLICT ("courseId", "userId") DO NOTHING
      RETURNING id`;
    let id: number;
    let from: RegistrationStatus | null = null;
    if (inserted.length === 1) {
      id = inserted[0].id;
    } else {
      const [existing] = await tx.$queryRaw<{ id: number; status: RegistrationStatus; registeredAt: Date; statusChangedAt: Date; decisionNote: string | null }[]>`
        SELECT id, status, "registeredAt", "statusChangedAt", "decisionNote" FROM "Registration"
        WHERE "courseId" = ${course.id} AND "userId" = ${user.id} FOR UPDATE`;
      if (existing.status !== "CANCELLED") return dto(code, existing, false);
      id = existing.id;
      from = "CANCELLED";
    }

    // 2. Take a place, counted by the database.
    let status: RegistrationStatus | null = null;
    if (course.admissionMode === "AUTOMATIC") {
      const seat = await tx.$executeRaw`
        UPDATE "Course" SET "approvedCount" = "approvedCount" + 1, "activeCount" = "activeCount" + 1
        WHERE id = ${course.id} AND "approvedCount" < "capacity"`;
      if (seat === 1) status = "APPROVED";
      else {
        const wait = await tx.$executeRaw`
          UPDATE "Course" SET "waitlistedCount" = "waitlistedCount" + 1, "activeCount" = "activeCount" + 1
          WHERE id = ${course.id} AND "waitlistedCount" < "waitlistLimit"`;
        if (wait === 1) status = "WAITLISTED";
      }
    } else {
      const place = await tx.$executeRaw`
        UPDATE "Course" SET "activeCount" = "activeCount" + 1
        WHERE id = ${course.id} AND "activeCount" < "capacity" + "waitlistLimit"`;
      if (place === 1) status = "PENDING";
    }
    if (!status) throw new AppError("CONFLICT", MESSAGES.full); // rolls back the claim

    // 3. The registration itself, and its audit entry.
    //    報名時間 is taken while the course row is locked, so the order of registration
    //    times is the order in which places were given.
    const [row] = await tx.$queryRaw<{ status: RegistrationStatus; registeredAt: Date; statusChangedAt: Date; decisionNote: string | null }[]>`
      UPDATE "Registration" SET
        status = ${status}::"RegistrationStatus", answers = ${JSON.stringify(answers)}::jsonb,
        "nationalIdCipher" = ${encrypted?.cipher ?? null}, "nationalIdKeyId" = ${encrypted?.keyId ?? null}, "nationalIdHash" = ${encrypted?.hash ?? null},
        "registeredAt" = clock_timestamp(), "statusChangedAt" = clock_timestamp(), "updatedAt" = clock_timestamp(),
        "decisionNote" = NULL, attended = NULL
      WHERE id = ${id}
      RETURNING status, "registeredAt", "statusChangedAt", "decisionNote"`;
    await recordRegistrationEvent(tx, {
      registrationId: id,
      actorId: user.id,
      from,
      to: status,
      reason: status === "APPROVED" ? "線上報名（先到先得，正取）" : status === "WAITLISTED" ? "線上報名（先到先得，備取）" : "線上報名",
      at: row.registeredAt,
    });
    return dto(code, row, true);
  }, REGISTRATION_TX);
}
