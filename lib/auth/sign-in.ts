import "server-only";
import { z } from "@/lib/zod";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { verifySignInChallenge } from "@/lib/auth/challenge";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/generated/prisma/enums";

/**
 * Sign-in rules:
 * - one message for a wrong username or a wrong password, so nobody learns which accounts exist;
 * - after 3 failures for a username or for an address (within 15 minutes, since the last
 *   success), a 驗證碼 (a proof-of-work challenge, lib/auth/challenge.ts) is required;
 * - after 10 failures for a username from one address within 15 minutes, that username is
 *   locked for 15 minutes from that address only: someone elsewhere cannot lock the owner out
 *   (the challenge, required per username, still slows them down);
 * - a disabled account (User.disabledAt) cannot sign in.
 * Attempts are counted by the username as typed, whether or not such an account exists.
 * `ip` is the client address from lib/net/client-address.ts, never a header the client wrote.
 */
export const CAPTCHA_AFTER_FAILURES = 3;
export const LOCK_AFTER_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

/** 教師個人帳號 / 業務帳號, as on the real login page. */
export const ACCOUNT_KINDS = {
  teacher: { label: "教師個人帳號", roles: ["TEACHER"] as Role[] },
  business: { label: "業務帳號", roles: ["ORGANIZER", "REGION_ADMIN"] as Role[] },
} as const;
export type AccountKind = keyof typeof ACCOUNT_KINDS;

export const signInSchema = z.object({
  accountKind: z.enum(["teacher", "business"], { error: "請選擇身份" }),
  username: z.string().trim().min(1, "請輸入帳號").max(100, "帳號過長"),
  password: z.string().min(1, "請輸入密碼").max(200, "密碼過長"),
  /** The solved challenge, as the widget submits it (base64 JSON). */
  challenge: z.string().max(4000).optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

export type SignInFailure =
  | { code: "INVALID_INPUT" }
  | { code: "INVALID_CREDENTIALS"; captchaRequired: boolean }
  | { code: "CAPTCHA_REQUIRED" }
  | { code: "CAPTCHA_WRONG" }
  | { code: "DISABLED" }
  | { code: "LOCKED"; lockedUntil: Date };

export type SignInResult = { ok: true; actor: Actor } | ({ ok: false } & SignInFailure);

// Verifying against a real hash when the account does not exist keeps the answer time the same.
let dummyHash: Promise<string> | undefined;
function timingDummy(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password-" + Math.random());
  return dummyHash;
}

async function failuresSinceLastSuccess(where: { username: string } | { ip: string } | { username: string; ip: string }, now: Date): Promise<number> {
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { ...where, succeeded: true },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const since = lastSuccess && lastSuccess.createdAt > windowStart ? lastSuccess.createdAt : windowStart;
  return db.loginAttempt.count({ where: { ...where, succeeded: false, createdAt: { gt: since } } });
}

/** Whether the next attempt for this username (if given) from this address needs a 驗證碼. */
export async function isCaptchaRequired(ip: string, username?: string, now = new Date()): Promise<boolean> {
  if ((await failuresSinceLastSuccess({ ip }, now)) >= CAPTCHA_AFTER_FAILURES) return true;
  if (username) {
    const name = username.trim().toLowerCase();
    if ((await failuresSinceLastSuccess({ username: name }, now)) >= CAPTCHA_AFTER_FAILURES) return true;
  }
  return false;
}

export async function signIn(rawInput: unknown, ip: string, now = new Date()): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(rawInput);
  if (!parsed.success) return { ok: false, code: "INVALID_INPUT" };
  const input = parsed.data;
  const username = input.username.toLowerCase();

  const lock = await db.accountLock.findUnique({ where: { username_ip: { username, ip } } });
  if (lock && lock.lockedUntil > now) return { ok: false, code: "LOCKED", lockedUntil: lock.lockedUntil };

  if (await isCaptchaRequired(ip, username, now)) {
    if (!input.challenge) return { ok: false, code: "CAPTCHA_REQUIRED" };
    if ((await verifySignInChallenge(input.challenge, now)) !== "ok") return { ok: false, code: "CAPTCHA_WRONG" };
  }

  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, role: true, name: true, unitId: true, regionCounties: true, passwordHash: true, disabledAt: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await timingDummy()), input.password);
  const kindOk = !!user && ACCOUNT_KINDS[input.accountKind].roles.includes(user.role);

  if (user && passwordOk && kindOk) {
    if (user.disabledAt) return { ok: false, code: "DISABLED" };
    await db.$transaction([
      db.loginAttempt.create({ data: { username, ip, succeeded: true, createdAt: now } }),
      db.accountLock.deleteMany({ where: { username, ip } }),
    ]);
    return {
      ok: true,
      actor: { id: user.id, role: user.role, name: user.name, unitId: user.unitId, regionCounties: user.regionCounties },
    };
  }

  await db.loginAttempt.create({ data: { username, ip, succeeded: false, createdAt: now } });
  const failures = await failuresSinceLastSuccess({ username, ip }, now);
  if (failures >= LOCK_AFTER_FAILURES) {
    const lockedUntil = new Date(now.getTime() + LOCK_MS);
    await db.accountLock.upsert({
      where: { username_ip: { username, ip } },
      create: { username, ip, lockedUntil },
      update: { lockedUntil },
    });
    return { ok: false, code: "LOCKED", lockedUntil };
  }
  return { ok: false, code: "INVALID_CREDENTIALS", captchaRequired: await isCaptchaRequired(ip, username, now) };
}

/** Sign-in attempts older than the rules look back (15 minutes) are kept a day, then purged (hourly). */
export const LOGIN_ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Removes sign-in attempts older than a day and lock-outs that have ended; returns how many attempts went. */
export async function purgeSignInRecords(now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_MS);
  const { count } = await db.loginAttempt.deleteMany({ where: { createdAt: { lt: before } } });
  await db.accountLock.deleteMany({ where: { lockedUntil: { lt: now } } });
  return count;
}
