import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { recordRegistrationEvent } from "@/lib/registrations/audit";
import { queueRegistrationMails } from "@/lib/mail/outbox";

/**
 * Gives a freed seat to the first waitlisted registration (by registration time), inside the
 * caller's transaction. The seat is taken by the same conditional update as everywhere, so
 * capacity holds even if something else filled it meanwhile. The promoted teacher's mail is
 * queued in the same transaction; the caller calls dispatchMail() after the commit.
 * Returns the promoted id or null.
 */
export async function promoteFirstWaitlisted(
  tx: Prisma.TransactionClient,
  courseId: number,
  at: Date,
  options: { exclude?: number[]; reason?: string } = {},
): Promise<number | null> {
  // `exclude`: registrations the caller just moved (a review that waitlists a teacher must not
  // promote that same teacher straight back).
  const exclude = options.exclude ?? [];
  // SKIP LOCKED: a waitlisted teacher who is cancelling right now is not promoted.
  const next = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM "Registration"
    WHERE "courseId" = ${courseId} AND status = 'WAITLISTED' AND id <> ALL(${exclude}::int[])
    ORDER BY "registeredAt", id
    LIMIT 1
    FOR UPDATE SKIP LOCKED`;
  if (next.length === 0) return null;
  const seat = await tx.$executeRaw`
    UPDATE "Course" SET "approvedCount" = "approvedCount" + 1, "waitlistedCount" = "waitlistedCount" - 1
    WHERE id = ${courseId} AND "approvedCount" < "capacity"`;
  if (seat !== 1) return null;
  const id = next[0].id;
  await tx.$executeRaw`
    UPDATE "Registration" SET status = 'APPROVED', "statusChangedAt" = ${at}, "updatedAt" = ${at}, "decisionNote" = '備取遞補'
    WHERE id = ${id}`;
  await recordRegistrationEvent(tx, { registrationId: id, actorId: null, from: "WAITLISTED", to: "APPROVED", reason: options.reason ?? "正取取消，備取自動遞補", at });
  await queueRegistrationMails(tx, [id], "promotion");
  return id;
}
