import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireUser, type Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { changePasswordSchema } from "@/lib/auth/password-schema";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { parseInput } from "@/lib/validation";

/**
 * 變更登入密碼. Needs the current password. Every session issued before the change ends (its
 * Session row is revoked, and passwordChangedAt is later than its sign-in; see
 * lib/auth/session-actor.ts), this one included: the person signs in again with the new password.
 */
export async function changePassword(actor: Actor | null, input: unknown): Promise<{ changedAt: Date }> {
  const user = requireUser(actor);
  const data = parseInput(changePasswordSchema, input);
  const row = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!row) throw new AppError("UNAUTHENTICATED", "請重新登入。");
  if (!(await verifyPassword(row.passwordHash, data.currentPassword))) {
    throw new AppError("VALIDATION", "目前的密碼不正確。", { currentPassword: ["目前的密碼不正確"] });
  }
  const changedAt = new Date();
  const passwordHash = await hashPassword(data.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: changedAt } });
    await revokeUserSessions(user.id, changedAt, tx);
  });
  return { changedAt };
}
