/**
 * @jest-environment node
 */
import { useTestDatabase } from "../support/database";
import { db } from "@/lib/db";
import { actorBySession } from "@/lib/auth/session";
import { startSession } from "@/lib/auth/sessions";
import { verifyPassword } from "@/lib/auth/password";
import { signIn } from "@/lib/auth/sign-in";
import { requestPasswordReset, RATE_LIMIT_PER_IP, MAX_MAILS_PER_ACCOUNT, RESET_TOKEN_TTL_MS } from "@/lib/auth/request-password-reset";
import { isPasswordResetLinkUsable, resetPassword } from "@/lib/auth/reset-password";
import { createUser, TEST_PASSWORD } from "../support/factories";

useTestDatabase();

const NEW_PASSWORD = "NewPassw0rd";
let ipCounter = 0;
const ip = () => `10.0.0.${++ipCounter}`;

/** The token in the newest reset mail to this user (the mail is the only place it exists). */
async function tokenFromMail(userId: number): Promise<string> {
  const mail = await db.mailMessage.findFirstOrThrow({ where: { userId, kind: "password-reset" }, orderBy: { id: "desc" } });
  const m = mail.text.match(/\/reset-password\?token=([A-Za-z0-9_-]{43})/);
  expect(m).not.toBeNull();
  return m![1];
}

test("a request by username queues one mail with a link whose token is stored only as its SHA-256, valid 30 minutes", async () => {
  const user = await createUser("TEACHER");
  const before = Date.now();
  expect(await requestPasswordReset({ identifier: `  ${user.username.toUpperCase()} ` }, { ip: ip() })).toEqual({ accepted: true });
  const mail = await db.mailMessage.findFirstOrThrow({ where: { userId: user.id } });
  expect(mail).toMatchObject({ kind: "password-reset", toAddress: user.email, status: "QUEUED", subject: "【全國教師在職進修資訊網】重設密碼通知" });
  expect(mail.text).toContain(user.username);
  const token = await tokenFromMail(user.id);
  const rows = await db.passwordResetToken.findMany({ where: { userId: user.id } });
  expect(rows).toHaveLength(1);
  expect(rows[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
  expect(rows[0].tokenHash).not.toContain(token);
  expect(rows[0].expiresAt.getTime() - before).toBeGreaterThanOrEqual(RESET_TOKEN_TTL_MS - 1000);
  expect(rows[0].expiresAt.getTime() - before).toBeLessThanOrEqual(RESET_TOKEN_TTL_MS + 5000);
  const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "password.reset-request", subjectUserId: user.id } });
  expect(audit.detail).toMatchObject({ matched: true, mailed: true, via: "username" });
});

test("a request by e-mail address (any case) works too", async () => {
  const user = await createUser("ORGANIZER");
  await requestPasswordReset({ identifier: user.email.toUpperCase() }, { ip: ip() });
  expect(await db.mailMessage.count({ where: { userId: user.id, kind: "password-reset" } })).toBe(1);
});

test("the answer is the same whether or not the account exists, and nothing is mailed for an unknown one", async () => {
  const user = await createUser("TEACHER");
  const mailsBefore = await db.mailMessage.count();
  const known = await requestPasswordReset({ identifier: user.username }, { ip: ip() });
  const unknown = await requestPasswordReset({ identifier: "nobody-here" }, { ip: ip() });
  const unknownEmail = await requestPasswordReset({ identifier: "nobody@example.edu.tw" }, { ip: ip() });
  expect(unknown).toEqual(known);
  expect(unknownEmail).toEqual(known);
  expect(await db.mailMessage.count()).toBe(mailsBefore + 1);
  expect(await db.auditEvent.count({ where: { action: "password.reset-request", subjectUserId: null } })).toBeGreaterThanOrEqual(2);
});

test("the link sets a new password once: the old password stops working, the new one signs in, earlier sessions end", async () => {
  const user = await createUser("TEACHER");
  await db.user.update({ where: { id: user.id }, data: { passwordChangedAt: new Date(Date.now() - 3600_000) } });
  const { sid } = await startSession(user.id, "TEACHER", new Date(Date.now() - 1000));
  expect(await actorBySession(sid, user.id)).not.toBeNull();
  await requestPasswordReset({ identifier: user.username }, { ip: ip() });
  const token = await tokenFromMail(user.id);
  expect(await isPasswordResetLinkUsable(token)).toBe(true);

  expect(await resetPassword({ token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, { ip: "10.9.9.9" })).toEqual({ username: user.username });
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(await verifyPassword(row.passwordHash, NEW_PASSWORD)).toBe(true);
  expect(await verifyPassword(row.passwordHash, TEST_PASSWORD)).toBe(false);
  // A session from before the reset is over; one signed in afterwards is fine.
  expect(await actorBySession(sid, user.id)).toBeNull();
  expect(await db.session.findUniqueOrThrow({ where: { id: sid } })).toMatchObject({ revokedAt: expect.any(Date) });
  const later = await startSession(user.id, "TEACHER", new Date(Date.now() + 1));
  expect(await actorBySession(later.sid, user.id)).not.toBeNull();
  expect(await signIn({ accountKind: "teacher", username: user.username, password: NEW_PASSWORD }, "10.9.9.9")).toMatchObject({ ok: true });
  const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "password.reset", subjectUserId: user.id } });
  expect(audit).toMatchObject({ actorId: user.id });

  // Single use: the same link again is refused and changes nothing.
  expect(await isPasswordResetLinkUsable(token)).toBe(false);
  await expect(resetPassword({ token, newPassword: "Another1pass", confirmPassword: "Another1pass" })).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("已失效") });
  const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
});

test("two submissions of one link at once: exactly one succeeds", async () => {
  const user = await createUser("TEACHER");
  await requestPasswordReset({ identifier: user.username }, { ip: ip() });
  const token = await tokenFromMail(user.id);
  const results = await Promise.allSettled([
    resetPassword({ token, newPassword: "FirstPass1", confirmPassword: "FirstPass1" }),
    resetPassword({ token, newPassword: "SecondPass2", confirmPassword: "SecondPass2" }),
  ]);
  expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
});

test("a link expires after 30 minutes", async () => {
  const user = await createUser("TEACHER");
  const asked = new Date(Date.now() - RESET_TOKEN_TTL_MS - 60_000);
  await requestPasswordReset({ identifier: user.username }, { ip: ip(), now: asked });
  const token = await tokenFromMail(user.id);
  expect(await isPasswordResetLinkUsable(token)).toBe(false);
  await expect(resetPassword({ token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).rejects.toMatchObject({ code: "VALIDATION" });
  // Still inside the 30 minutes it would have worked.
  expect(await isPasswordResetLinkUsable(token, new Date(asked.getTime() + RESET_TOKEN_TTL_MS - 1000))).toBe(true);
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(await verifyPassword(row.passwordHash, TEST_PASSWORD)).toBe(true);
});

test("after a reset, the account's other links stop working too", async () => {
  const user = await createUser("TEACHER");
  await requestPasswordReset({ identifier: user.username }, { ip: ip() });
  const first = await tokenFromMail(user.id);
  await requestPasswordReset({ identifier: user.username }, { ip: ip() });
  const second = await tokenFromMail(user.id);
  expect(second).not.toBe(first);
  await resetPassword({ token: second, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
  expect(await isPasswordResetLinkUsable(first)).toBe(false);
});

test("the new password follows the password rules, field by field", async () => {
  const user = await createUser("TEACHER");
  await requestPasswordReset({ identifier: user.username }, { ip: ip() });
  const token = await tokenFromMail(user.id);
  await expect(resetPassword({ token, newPassword: "short1", confirmPassword: "short1" })).rejects.toMatchObject({
    code: "VALIDATION",
    fieldErrors: { newPassword: ["新密碼至少需要 8 個字元"] },
  });
  await expect(resetPassword({ token, newPassword: "NoDigitsHere", confirmPassword: "NoDigitsHere" })).rejects.toMatchObject({ fieldErrors: { newPassword: ["新密碼需包含數字"] } });
  await expect(resetPassword({ token, newPassword: NEW_PASSWORD, confirmPassword: "Different1" })).rejects.toMatchObject({ fieldErrors: { confirmPassword: ["兩次輸入的新密碼不一致"] } });
  // The refused tries did not use the link up.
  expect(await isPasswordResetLinkUsable(token)).toBe(true);
});

test("rate limits: an account gets a few links an hour (same answer after that); an address is refused after too many requests", async () => {
  const user = await createUser("TEACHER");
  for (let i = 0; i < MAX_MAILS_PER_ACCOUNT + 2; i++) {
    expect(await requestPasswordReset({ identifier: user.username }, { ip: ip() })).toEqual({ accepted: true });
  }
  expect(await db.mailMessage.count({ where: { userId: user.id, kind: "password-reset" } })).toBe(MAX_MAILS_PER_ACCOUNT);
  expect(await db.auditEvent.count({ where: { action: "password.reset-request", subjectUserId: user.id } })).toBe(MAX_MAILS_PER_ACCOUNT + 2);

  const address = "192.0.2.77";
  for (let i = 0; i < RATE_LIMIT_PER_IP; i++) await requestPasswordReset({ identifier: `someone${i}` }, { ip: address });
  await expect(requestPasswordReset({ identifier: "someone-else" }, { ip: address })).rejects.toMatchObject({ code: "RATE_LIMITED" });
  // Another address is not affected.
  await expect(requestPasswordReset({ identifier: "someone-else" }, { ip: "192.0.2.78" })).resolves.toEqual({ accepted: true });
});

test("an empty identifier is a field error", async () => {
  await expect(requestPasswordReset({ identifier: "   " }, { ip: ip() })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { identifier: ["請輸入帳號或電子郵件"] } });
});
