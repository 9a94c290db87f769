import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { forgotPasswordSchema } from "@/lib/auth/password-reset-schema";
import { dispatchMail, queuePasswordResetMail } from "@/lib/mail/outbox";

/**
 * 忘記密碼: e-mails a link to set a new password. Anyone may ask (no sign-in); the answer is the
 * same whether or not the username or e-mail address belongs to an account, so nobody learns
 * which accounts exist. The link carries 32 random bytes; only their SHA-256 is stored, and it
 * expires after 30 minutes (see reset-password.ts, which uses it once).
 *
 * Limits: an address (IP) may ask RATE_LIMIT_PER_IP times per 15 minutes (beyond that: 429,
 * which says nothing about accounts); an account gets at most MAX_MAILS_PER_ACCOUNT links per
 * hour (beyond that the request is accepted and nothing is sent, so the answer stays the same).
 * Every request is audited (password.reset-request), with the address and the account, if any.
 */
export const RESET_TOKEN_TTL_MS = 30 * 60 * 1000;
export const RATE_LIMIT_PER_IP = 10;
export const IP_WINDOW_MS = 15 * 60 * 1000;
export const MAX_MAILS_PER_ACCOUNT = 3;
export const ACCOUNT_WINDOW_MS = 60 * 60 * 1000;

export type RequestPasswordResetResult = { accepted: true };

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function requestPasswordReset(input: unknown, context: { ip: string; now?: Date }): Promise<RequestPasswordResetResult> {
  const { identifier } = parseInput(forgotPasswordSchema, input);
  const now = context.now ?? new Date();
  const ip = context.ip || "unknown";

  const [{ count }] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "AuditEvent"
    WHERE action = 'password.reset-request' AND "createdAt" > ${new Date(now.getTime() - IP_WINDOW_MS)}::timestamp
      AND detail->>'ip' = ${ip}`;
  if (count >= RATE_LIMIT_PER_IP) {
    throw new AppError("RATE_LIMITED", "重設密碼的申請次數過多，請 15 分鐘後再試。");
  }

  const key = identifier.toLowerCase();
  const users = await db.user.findMany({
    where: key.includes("@") ? { email: { equals: key, mode: "insensitive" } } : { username: key },
    select: { id: true, name: true, username: true, email: true },
    orderBy: { id: "asc" },
    take: 5,
  });

  const since = new Date(now.getTime() - ACCOUNT_WINDOW_MS);
  const recent = users.length
    ? await db.passwordResetToken.groupBy({ by: ["userId"], where: { userId: { in: users.map((u) => u.id) }, createdAt: { gt: since } }, _count: true })
    : [];
  const recentBy = new Map(recent.map((r) => [r.userId, r._count]));
  const via = key.includes("@") ? "email" : "username";

  let queued = 0;
  await db.$transaction(async (tx) => {
    if (users.length === 0) {
      await tx.auditEvent.create({ data: { action: "password.reset-request", detail: { ip, via, matched: false }, createdAt: now } });
      return;
    }
    for (const user of users) {
      const limited = (recentBy.get(user.id) ?? 0) >= MAX_MAILS_PER_ACCOUNT;
      const mailable = user.email.trim() !== "";
      if (!limited && mailable) {
        const token = randomBytes(32).toString("base64url");
        const expiresAt = new Date(now.getTime() + RESET_TOKEN_TTL_MS);
        await tx.passwordResetToken.create({ data: { tokenHash: hashResetToken(token), userId: user.id, expiresAt, createdAt: now } });
        const link = new URL(`/reset-password?token=${token}`, env().SITE_URL).toString();
        await queuePasswordResetMail(tx, { userId: user.id, toAddress: user.email, name: user.name, username: user.username, link, expiresAt });
        queued++;
      }
      await tx.auditEvent.create({
        data: {
          action: "password.reset-request",
          subjectUserId: user.id,
          detail: { ip, via, matched: true, mailed: !limited && mailable, ...(limited ? { limited: true } : {}) },
          createdAt: now,
        },
      });
    }
  });
  if (queued) await dispatchMail();
  return { accepted: true };
}
