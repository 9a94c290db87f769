/**
 * @jest-environment node
 */
import { useTestDatabase } from "../support/database";
import { signIn, isCaptchaRequired } from "@/lib/auth/sign-in";
import { createCaptcha } from "@/lib/auth/captcha";
import { changePassword } from "@/lib/auth/change-password";
import { actorById } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { actorOf, createUser, TEST_PASSWORD } from "../support/factories";

useTestDatabase();

let ipCounter = 0;
const freshIp = () => `10.0.0.${++ipCounter}`;
const minutes = (n: number) => n * 60 * 1000;

async function solvedCaptcha() {
  const c = await createCaptcha();
  return { captchaId: c.id, captchaAnswer: c.answer };
}

describe("sign-in", () => {
  test("a teacher signs in with the teacher account kind", async () => {
    const t = await createUser("TEACHER");
    const r = await signIn({ accountKind: "teacher", username: t.username.toUpperCase(), password: TEST_PASSWORD }, freshIp());
    expect(r).toMatchObject({ ok: true, actor: { id: t.id, role: "TEACHER" } });
  });

  test("the wrong account kind, a wrong password and an unknown account fail alike", async () => {
    const t = await createUser("TEACHER");
    const o = await createUser("ORGANIZER");
    const ip = freshIp();
    const wrongKind = await signIn({ accountKind: "business", username: t.username, password: TEST_PASSWORD }, ip);
    const wrongPassword = await signIn({ accountKind: "business", username: o.username, password: "nope" }, freshIp());
    const unknown = await signIn({ accountKind: "teacher", username: "no-such-user", password: "whatever" }, freshIp());
    for (const r of [wrongKind, wrongPassword, unknown]) expect(r).toEqual({ ok: false, code: "INVALID_CREDENTIALS", captchaRequired: false });
    const organizer = await signIn({ accountKind: "business", username: o.username, password: TEST_PASSWORD }, freshIp());
    expect(organizer).toMatchObject({ ok: true, actor: { role: "ORGANIZER" } });
  });

  test("after 3 failures for an account a captcha is required, and a solved one lets the right password in", async () => {
    const t = await createUser("TEACHER");
    const bad = { accountKind: "teacher", username: t.username, password: "wrong" };
    expect(await signIn(bad, freshIp())).toMatchObject({ code: "INVALID_CREDENTIALS", captchaRequired: false });
    expect(await signIn(bad, freshIp())).toMatchObject({ code: "INVALID_CREDENTIALS", captchaRequired: false });
    expect(await signIn(bad, freshIp())).toMatchObject({ code: "INVALID_CREDENTIALS", captchaRequired: true });

    const good = { accountKind: "teacher", username: t.username, password: TEST_PASSWORD };
    expect(await signIn(good, freshIp())).toEqual({ ok: false, code: "CAPTCHA_REQUIRED" });
    const c = await createCaptcha();
    expect(await signIn({ ...good, captchaId: c.id, captchaAnswer: "zzzz" }, freshIp())).toEqual({ ok: false, code: "CAPTCHA_WRONG" });
    // A challenge is good for one try only.
    expect(await signIn({ ...good, captchaId: c.id, captchaAnswer: c.answer }, freshIp())).toEqual({ ok: false, code: "CAPTCHA_WRONG" });
    expect(await signIn({ ...good, ...(await solvedCaptcha()) }, freshIp())).toMatchObject({ ok: true });
    // Success resets the count.
    expect(await isCaptchaRequired(freshIp(), t.username)).toBe(false);
  });

  test("after 3 failures from one address a captcha is required for any account", async () => {
    const ip = freshIp();
    for (const name of ["x1", "x2", "x3"]) await signIn({ accountKind: "teacher", username: name, password: "bad" }, ip);
    const t = await createUser("TEACHER");
    expect(await signIn({ accountKind: "teacher", username: t.username, password: TEST_PASSWORD }, ip)).toEqual({ ok: false, code: "CAPTCHA_REQUIRED" });
    expect(await isCaptchaRequired(freshIp(), t.username)).toBe(false);
  });

  test("after 10 failures in 15 minutes the account is locked for 15 minutes", async () => {
    const t = await createUser("TEACHER");
    const start = new Date();
    let last;
    for (let i = 0; i < 10; i++) {
      const extra = i >= 3 ? await solvedCaptcha() : {};
      last = await signIn({ accountKind: "teacher", username: t.username, password: `wrong${i}`, ...extra }, freshIp(), new Date(start.getTime() + i * 1000));
    }
    expect(last).toMatchObject({ ok: false, code: "LOCKED" });
    const lockedUntil = (last as { lockedUntil: Date }).lockedUntil;
    expect(lockedUntil.getTime() - (start.getTime() + 9000)).toBe(minutes(15));

    // Even the right password is refused while locked, with the same message for everyone.
    const good = { accountKind: "teacher", username: t.username, password: TEST_PASSWORD };
    expect(await signIn({ ...good, ...(await solvedCaptcha()) }, freshIp(), new Date(start.getTime() + minutes(5)))).toMatchObject({ code: "LOCKED" });
    // After the lock, the right password works again.
    expect(await signIn(good, freshIp(), new Date(start.getTime() + minutes(16)))).toMatchObject({ ok: true });
  });

  test("nine failures spread over more than 15 minutes do not lock", async () => {
    const t = await createUser("TEACHER");
    const start = Date.now();
    for (let i = 0; i < 12; i++) {
      const extra = await solvedCaptcha();
      const r = await signIn({ accountKind: "teacher", username: t.username, password: "bad", ...extra }, freshIp(), new Date(start + i * minutes(2)));
      expect(r).toMatchObject({ code: "INVALID_CREDENTIALS" });
    }
  });
});

describe("change password", () => {
  test("needs the current password, then only the new one works and older sessions end", async () => {
    const t = await createUser("TEACHER");
    const actor = actorOf(t);
    await new Promise((r) => setTimeout(r, 5));
    const signedInAt = Date.now();

    await expect(changePassword(actor, { currentPassword: "wrong", newPassword: "NewPass123", confirmPassword: "NewPass123" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { currentPassword: ["目前的密碼不正確"] },
    });
    await expect(changePassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "short", confirmPassword: "short" })).rejects.toBeInstanceOf(AppError);
    await expect(changePassword(null, { currentPassword: TEST_PASSWORD, newPassword: "NewPass123", confirmPassword: "NewPass123" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });

    expect(await actorById(t.id, signedInAt)).not.toBeNull();
    await changePassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "NewPass123", confirmPassword: "NewPass123" });
    expect(await signIn({ accountKind: "teacher", username: t.username, password: TEST_PASSWORD }, freshIp())).toMatchObject({ ok: false });
    expect(await signIn({ accountKind: "teacher", username: t.username, password: "NewPass123" }, freshIp())).toMatchObject({ ok: true });
    expect(await actorById(t.id, signedInAt)).toBeNull();
    expect(await actorById(t.id, Date.now() + 1)).not.toBeNull();
  });
});
