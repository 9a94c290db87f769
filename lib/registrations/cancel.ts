import "server-only";
import { z } from "@/lib/zod";
import { courseCodeSchema } from "@/lib/courses/course-access";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireUser, type Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { unwrap, withIdempotency } from "@/lib/idempotency";
import { MESSAGES } from "@/lib/registrations/eligibility";
import { loadCourseForRegistration } from "@/lib/registrations/load-course";
import { recordRegistrationEvent } from "@/lib/registrations/audit";
import { REGISTRATION_TX } from "@/lib/registrations/tx-options";
import { promoteFirstWaitlisted } from "@/lib/registrations/promote-waitlist";
import { taipeiToday } from "@/lib/format/date";
import { dispatchMail } from "@/lib/mail/outbox";
import type { CancelResult } from "@/lib/registrations/dto";
import type { RegistrationStatus } from "@/generated/prisma/enums";

export const cancelInputSchema = z.object({
  code: courseCodeSchema,
  /** Only an explicit, confirmed 取消報名 cancels. */
  confirm: z.boolean().refine((v) => v === true, { message: "請確認是否取消報名。" }),
});
export type CancelInput = z.input<typeof cancelInputSchema>;

/**
 * 取消報名: its own operation. Cancelling what is not there succeeds and changes nothing.
 * A freed seat goes to the first waitlisted registration in the same transaction when the
 * course admits automatically.
 */
export async function cancelRegistration(
  actor: Actor | null,
  input: CancelInput,
  options: { idempotencyKey?: string | null; now?: Date } = {},
): Promise<CancelResult & { replayed: boolean }> {
  const user = requireUser(actor);
  if (user.role !== "TEACHER") throw new AppError("FORBIDDEN", MESSAGES.notTeacher);
  const { code } = parseInput(cancelInputSchema, input);
  const result = await withIdempotency({ userId: user.id, key: options.idempotencyKey, scope: `cancel:${code}`, request: {} }, () =>
    cancelOnce(user, code, options.now ?? new Date()),
  );
  return { ...unwrap(result.answer), replayed: result.replayed };
}

async function cancelOnce(user: Actor, code: string, now: Date): Promise<CancelResult> {
  const course = await loadCourseForRegistration(code);
  let promoted: number | null = null;
  const result = await db.$transaction(async (tx): Promise<CancelResult> => {
    const [reg] = await tx.$queryRaw<{ id: number; status: RegistrationStatus }[]>`
      SELECT id, status FROM "Registration" WHERE "courseId" = ${course.id} AND "userId" = ${user.id} FOR UPDATE`;
    if (!reg || reg.status === "CANCELLED") return { code, changed: false, status: reg ? "CANCELLED" : null };

    const started = course.startDate.toISOString().slice(0, 10) <= taipeiToday(now);
    if (started) throw new AppError("CONFLICT", "研習已經開始，無法在線上取消報名；如有需要請洽開課單位承辦人。");

    await tx.$executeRaw`
      UPDATE "Registration" SET status = 'CANCELLED', "statusChangedAt" = ${now}, "updatedAt" = ${now} WHERE id = ${reg.id}`;
    const approved = reg.status === "APPROVED" ? 1 : 0;
    const waitlisted = reg.status === "WAITLISTED" ? 1 : 0;
    const active = reg.status === "REJECTED" ? 0 : 1;
    await tx.$executeRaw`
      UPDATE "Course" SET "approvedCount" = "approvedCount" - ${approved}, "waitlistedCount" = "waitlistedCount" - ${waitlisted},
        "activeCount" = "activeCount" - ${active}
      WHERE id = ${course.id}`;
    await recordRegistrationEvent(tx, { registrationId: reg.id, actorId: user.id, from: reg.status, to: "CANCELLED", reason: "教師取消報名", at: now });
    if (approved && course.admissionMode === "AUTOMATIC") promoted = await promoteFirstWaitlisted(tx, course.id, now);
    return { code, changed: true, status: "CANCELLED" };
  }, REGISTRATION_TX);
  if (promoted !== null) await dispatchMail();
  return result;
}
