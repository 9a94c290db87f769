import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { recordRegistrationEvent } from "@/lib/registrations/audit";
import { promoteFirstWaitlisted } from "@/lib/registrations/promote-waitlist";
import { REGISTRATION_TX } from "@/lib/registrations/tx-options";
import { dispatchMail, queueRegistrationMails } from "@/lib/mail/outbox";
import { loadManagedCourse } from "@/lib/registrations/managed-course";
import { DECISION_LABELS, reviewInputSchema, type ReviewDecision, type ReviewInput } from "@/lib/registrations/review-schema";
import type { RegistrationStatus } from "@/generated/prisma/enums";

export type ReviewResult = {
  code: string;
  decision: ReviewDecision;
  /** Registrations whose status changed now. */
  changed: number;
  /** Registrations that already had this status: not touched, not mailed. */
  unchanged: number;
  /** Waitlisted registrations approved automatically because this review freed seats. */
  promoted: number;
  seatsLeft: number;
};

/** 名額不足: approving more than the seats left approves none. */
export function capacityMessage(seatsLeft: number, wanted: number): string {
  return `名額不足：尚餘 ${seatsLeft} 個名額，您選了 ${wanted} 位。請減少勾選的人數，或先將其他教師改為備取或不錄取後再試。`;
}

type Locked = { id: number; status: RegistrationStatus; attended: boolean | null };

/**
 * 錄取審核: sets the chosen registrations of one course to 審核通過 / 備取 / 審核不通過 /
 * 待審核, all or nothing, in one transaction.
 *
 * Seats are counted by the database: the registrations are locked (in id order), then the
 * course row (always last, so reviews, enrolments and cancellations never wait on each other
 * in a circle); the seats left are read under that lock and the counters change by one
 * conditional UPDATE, with the CHECK constraint (approvedCount ≤ capacity) as the last line.
 * Two organizers approving at once are served one after the other, and the second is refused
 * if the first took the seats.
 */
export async function reviewRegistrations(actor: Actor | null, input: ReviewInput, options: { now?: Date } = {}): Promise<ReviewResult> {
  const { code, ids, decision, reason } = parseInput(reviewInputSchema, input);
  const { user, course } = await loadManagedCourse(actor, code);
  if (course.status === "CANCELLED") throw new AppError("CONFLICT", "這門課程已取消，無法再審核報名。");
  if (course.status !== "PUBLISHED") throw new AppError("CONFLICT", "課程尚未公告，還沒有報名可以審核。");
  const now = options.now ?? new Date();
  const wanted = [...new Set(ids)];

  const outcome = await withDeadlockRetry(() =>
    db.$transaction(async (tx) => {
      const regs = await tx.$queryRaw<Locked[]>`
        SELECT id, status, attended FROM "Registration"
        WHERE id = ANY(${wanted}::int[]) AND "courseId" = ${course.id}
        ORDER BY id FOR UPDATE`;
      if (regs.length !== wanted.length) throw new AppError("NOT_FOUND", "部分報名資料不存在或不屬於這門課程，請重新整理頁面後再試。");
      const cancelled = regs.filter((r) => r.status === "CANCELLED").length;
      if (cancelled) throw new AppError("CONFLICT", `您選的報名中有 ${cancelled} 筆已由教師取消，無法審核。請重新整理頁面、取消勾選後再試。`);
      const changing = regs.filter((r) => r.status !== decision);
      if (changing.some((r) => r.attended !== null)) {
        throw new AppError("CONFLICT", "已登錄出席的報名無法變更審核結果。如需更正，請先到「出席登錄」修改。");
      }

      const [c] = await tx.$queryRaw<{ capacity: number; approvedCount: number; waitlistLimit: number; waitlistedCount: number; admissionMode: string }[]>`
        SELECT capacity, "approvedCount", "waitlistLimit", "waitlistedCount", "admissionMode"::text AS "admissionMode" FROM "Course" WHERE id = ${course.id} FOR UPDATE`;
      const count = (s: RegistrationStatus) => changing.filter((r) => r.status === s).length;
      const into = (s: RegistrationStatus) => (decision === s ? changing.length : 0);
      const dApproved = into("APPROVED") - count("APPROVED");
      const dWaitlisted = into("WAITLISTED") - count("WAITLISTED");
      const dActive = count("REJECTED") - into("REJECTED");
      const seatsLeft = c.capacity - c.approvedCount;
      if (dApproved > seatsLeft) throw new AppError("CONFLICT", capacityMessage(Math.max(seatsLeft, 0), dApproved));
      // 備取 only within the course's waitlist (none when its limit is 0).
      if (dWaitlisted > 0 && c.waitlistedCount + dWaitlisted > c.waitlistLimit) {
        const room = Math.max(c.waitlistLimit - c.waitlistedCount, 0);
        throw new AppError(
          "CONFLICT",
          c.waitlistLimit === 0
            ? "這門課程沒有備取名額，無法設為備取。如需備取，請先在課程設定中填寫備取名額。"
            : `備取名額不足：還可備取 ${room} 位，您選了 ${dWaitlisted} 位。請減少勾選，或先在課程設定中增加備取名額。`,
        );
      }
      if (changing.length === 0) return { changed: 0, unchanged: regs.length, promoted: [] as number[], seatsLeft };

      const changingIds = changing.map((r) => r.id);
      await tx.$executeRaw`
        UPDATE "Registration" SET status = ${decision}::"RegistrationStatus", "statusChangedAt" = ${now}, "updatedAt" = ${now},
          "decisionNote" = ${reason ?? null}
        WHERE id = ANY(${changingIds}::int[])`;
      const updated = await tx.$executeRaw`
        UPDATE "Course" SET "approvedCount" = "approvedCount" + ${dApproved}, "waitlistedCount" = "waitlistedCount" + ${dWaitlisted},
          "activeCount" = "activeCount" + ${dActive}
        WHERE id = ${course.id} AND "approvedCount" + ${dApproved} <= capacity`;
      if (updated !== 1) throw new AppError("CONFLICT", capacityMessage(Math.max(seatsLeft, 0), dApproved));
      const why = reason ?? `承辦人審核：${DECISION_LABELS[decision]}`;
      for (const r of changing) await recordRegistrationEvent(tx, { registrationId: r.id, actorId: user.id, from: r.status, to: decision, reason: why, at: now });
      if (decision !== "PENDING") await queueRegistrationMails(tx, changingIds, "review-result");

      // A review that takes seats back on a 先到先得 course gives them to the waitlist, as a
      // cancellation does; the registrations just reviewed are not among those promoted.
      const promoted: number[] = [];
      if (c.admissionMode === "AUTOMATIC" && dApproved < 0) {
        for (let i = 0; i < -dApproved; i++) {
          const id = await promoteFirstWaitlisted(tx, course.id, now, { exclude: changingIds, reason: "正取名額釋出，備取自動遞補" });
          if (id === null) break;
          promoted.push(id);
        }
      }
      return { changed: changing.length, unchanged: regs.length - changing.length, promoted, seatsLeft: seatsLeft - dApproved - promoted.length };
    }, REGISTRATION_TX),
  );

  if (outcome.changed > 0 && (decision !== "PENDING" || outcome.promoted.length > 0)) await dispatchMail();
  return { code: course.code, decision, changed: outcome.changed, unchanged: outcome.unchanged, promoted: outcome.promoted.length, seatsLeft: Math.max(outcome.seatsLeft, 0) };
}

/** PostgreSQL may end one of two transactions that wait on each other; the review is then simply run again. */
async function withDeadlockRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      const text = e instanceof Error ? `${e.message} ${JSON.stringify((e as { meta?: unknown }).meta ?? "")}` : "";
      if (i >= attempts || !/deadlock|40P01|could not serialize|40001/i.test(text)) throw e;
    }
  }
}
