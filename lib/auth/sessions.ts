import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Role } from "@/generated/prisma/enums";

/**
 * Sign-in sessions, kept in PostgreSQL (table Session) so that the server can end them.
 *
 * The session cookie is still next-auth's encrypted token; it now names a Session row (`sid`).
 * A session is alive while all of these hold (lib/auth/session-actor.ts checks them on every
 * request, in the one batched person query):
 * - it was not revoked (sign-out, password change or reset, account disabled);
 * - its absolute lifetime (SESSION_ABSOLUTE_MS from sign-in) has not passed;
 * - the person's role is still the one it was created with, the account is not disabled, and
 *   the password has not changed since the sign-in;
 * - and the cookie's token itself has not expired: SESSION_IDLE_SECONDS, renewed whenever the
 *   browser asks /api/auth/session (next-auth's sliding expiry).
 */
export const SESSION_IDLE_SECONDS = 2 * 60 * 60;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

export function newSessionId(): string {
  return randomBytes(24).toString("base64url");
}

/** Starts a session at sign-in; returns its id for the token. */
export async function startSession(userId: number, role: Role, now: Date = new Date()): Promise<{ sid: string; expiresAt: Date }> {
  const sid = newSessionId();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await db.session.create({ data: { id: sid, userId, role, createdAt: now, expiresAt } });
  return { sid, expiresAt };
}

/** Ends one session (sign-out). Ending an ended or unknown session changes nothing. */
export async function revokeSession(sid: string, now: Date = new Date()): Promise<void> {
  await db.session.updateMany({ where: { id: sid, revokedAt: null }, data: { revokedAt: now } });
}

/**
 * Ends every session of a person (password change or reset, account disabled). `tx`: run it
 * in the caller's transaction.
 */
export async function revokeUserSessions(
  userId: number,
  now: Date = new Date(),
  tx: Pick<typeof db, "session"> = db,
): Promise<number> {
  const { count } = await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}

/**
 * Ended sessions go (hourly): past their absolute end, or revoked. A token naming a session
 * that is gone is no session, exactly as one naming a revoked session. Returns how many went.
 */
export async function purgeEndedSessions(now: Date = new Date()): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { revokedAt: { lt: now } }] } });
  return count;
}
