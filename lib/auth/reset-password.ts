import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { hashPassword } from "@/lib/auth/password";
import { resetPasswordSchema, resetTokenRule } from "@/lib/auth/password-reset-schema";
import { hashResetToken } from "@/lib/auth/request-password-reset";
import { revokeUserSessions } from "@/lib/auth/sessions";

/**
 * 重設密碼 with the e-mailed link: sets a new password (the same rules as 變更登入密碼) and uses
 * the link up. The token is taken by one conditional update, so two submissions of one link
 * cannot both succeed; every other link of the account stops working too. Like a password
 * change, it ends every earlier session (revoked, and passwordChangedAt; see
 * lib/auth/session-actor.ts), and it lifts every sign-in lock-out on the account. Audited as password.reset.
 */
export const INVALID_LINK_MESSAGE = "這個重設密碼連結已失效（超過 30 分鐘或已使用過）。請重新申請忘記密碼，並使用最新一封信中的連結。";

export type ResetPasswordResult = { username: string };

export async function resetPassword(input: unknown, context: { ip?: string; now?: Date } = {}): Promise<ResetPasswordResult> {
  const data = parseInput(resetPasswordSchema, input);
  const now = context.now ?? new Date();
  const tokenHash = hashResetToken(data.token);
  // Hash first: argon2 takes a while and must not run inside the transaction.
  const passwordHash = await hashPassword(data.newPassword);

  return db.$transaction(async (tx) => {
    const [taken] = await tx.$queryRaw<{ userId: number }[]>`
      UPDATE "PasswordResetToken" SET "usedAt" = ${now}::timestamp
      WHERE "tokenHash" = ${tokenHash} AND "usedAt" IS NULL AND "expiresAt" > ${now}::timestamp
      RETURNING "userId"`;
    if (!taken) throw new AppError("VALIDATION", INVALID_LINK_MESSAGE);
    const user = await tx.user.update({
      where: { id: taken.userId },
      data: { passwordHash, passwordChangedAt: now },
      select: { id: true, username: true },
    });
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    await revokeUserSessions(user.id, now, tx);
    await tx.accountLock.deleteMany({ where: { username: user.username } });
    await tx.auditEvent.create({
      data: { action: "password.reset", actorId: user.id, subjectUserId: user.id, detail: { ip: context.ip ?? "unknown" }, createdAt: now },
    });
    return { username: user.username };
  });
}

/** Whether a link can still be used, so the page can say so before anyone types a password. */
export async function isPasswordResetLinkUsable(token: unknown, now = new Date()): Promise<boolean> {
  const parsed = resetTokenRule.safeParse(token);
  if (!parsed.success) return false;
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashResetToken(parsed.data) }, select: { usedAt: true, expiresAt: true } });
  return !!row && !row.usedAt && row.expiresAt > now;
}
