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
import { REGISTRATION_TX } from "@/lib/registrations/tx-options";
import type { EnrolResult } from "@/lib/registrations/dto";
import type { RegistrationStatus } from "@/generated/prisma/enums";
import { Prisma } from "@/generated/prisma/client";

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

type Seat = "APPROVED" | "WAITLISTED" | "PENDING";
type WrittenRow = { status: RegistrationStatus; registeredAt: Date; statusChangedAt: Date; decisionNote: string | null };

const SEAT_RULES: Record<Seat, { counters: Prisma.Sql; condition: Prisma.Sql; reason: string }> = {
  APPROVED: {
    counters: Prisma.sql`"approvedCount" = "approvedCount" + 1, "activeCount" = "activeCount" + 1`,
    condition: Prisma.sql`"approvedCount" < "capacity"`,
    reason: "線上報名（先到先得，正取）",
  },
  WAITLISTED: {
    counters: Prisma.sql`"waitlistedCount" = "waitlistedCount" + 1, "activeCount" = "activeCount" + 1`,
    condition: Prisma.sql`"waitlistedCount" < "waitlistLimit"`,
    reason: "線上報名（先到先得，備取）",
  },
  PENDING: {
    counters: Prisma.sql`"activeCount" = "activeCount" + 1`,
    condition: Prisma.sql`"activeCount" < "capacity" + "waitlistLimit"`,
    reason: "線上報名",
  },
};

/** One statement: a conditional update of the course's counter, then (only if it took) the registration and its audit entry. */
async function takePlace(
  tx: Prisma.TransactionClient,
  seat: Seat,
  w: { id: number; userId: number; courseId: number; from: RegistrationStatus | null; answers: string; encrypted: { cipher: string; keyId: string; hash: string } | null },
): Promise<WrittenRow | undefined> {
  const rule = SEAT_RULES[seat];
  const rows = await tx.$queryRaw<WrittenRow[]>`
    WITH seat AS (
      UPDATE "Course" SET ${rule.counters} WHERE id = ${w.courseId} AND ${rule.condition} RETURNING id
    ), reg AS (
      UPDATE "Registration" SET
        status = ${seat}::"RegistrationStatus", answers = ${w.answers}::jsonb,
        "nationalIdCipher" = ${w.encrypted?.cipher ?? null}, "nationalIdKeyId" = ${w.encrypted?.keyId ?? null}, "nationalIdHash" = ${w.encrypted?.hash ?? null},
        "registeredAt" = clock_timestamp(), "statusChangedAt" = clock_timestamp(), "updatedAt" = clock_timestamp(),
        "decisionNote" = NULL, attended = NULL
      WHERE id = ${w.id} AND EXISTS (SELECT 1 FROM seat)
      RETURNING id, status, "registeredAt", "statusChangedAt", "decisionNote"
    ), audit AS (
      INSERT INTO "RegistrationEvent" ("registrationId", "actorId", "fromStatus", "toStatus", "reason", "createdAt")
      SELECT id, ${w.userId}, ${w.from}::"RegistrationStatus", status, ${rule.reason}, "registeredAt" FROM reg
    )
    SELECT status, "registeredAt", "statusChangedAt", "decisionNote" FROM reg`;
  return rows[0];
}

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

    // 2. Take a place, counted by the database, and write the registration and its audit
    //    entry in the same statement: the course row stays locked only until the commit
    //    that follows, which is what lets a rush through quickly. 報名時間 is taken while
    //    that lock is held, so registration times are in the order places were given.
    const write = { id, userId: user.id, courseId: course.id, from, answers: JSON.stringify(answers), encrypted };
    const tries: Seat[] = course.admissionMode === "AUTOMATIC" ? ["APPROVED", "WAITLISTED"] : ["PENDING"];
    let row: WrittenRow | undefined;
    for (const seat of tries) {
      row = await takePlace(tx, seat, write);
      if (row) break;
    }
    if (!row) throw new AppError("CONFLICT", MESSAGES.full); // rolls back the claim
    return dto(code, row, true);
  }, REGISTRATION_TX);
}
