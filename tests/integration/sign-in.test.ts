/**
 * @jest-environment node
 */
import { useTestDatabase } from "../support/database";
import { signIn, isCaptchaRequired } from "@/lib/auth/sign-in";
import { createSignInChallenge } from "@/lib/auth/challenge";
import { changePassword } from "@/lib/auth/change-password";
import { actorBySession } from "@/lib/auth/session";
import { startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { actorOf, createUser, TEST_PASSWORD } from "../support/factories";
import { encodePayload, solvedChallenge, solveFor } from "../support/challenge";

useTestDatabase();

let ipCounter = 0;
const freshIp = () => `10.0.0.${++ipCounter}`;
const minutes = (n: number) => n * 60 * 1000;

async function solvedCaptcha(now?: Date) {
  return { challenge: await solvedChallenge(now) };
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
    // A solved challenge is good for one try only, right or wrong.
    const solved = await solvedCaptcha();
    expect(await signIn({ ...bad, ...solved }, freshIp())).toMatchObject({ code: "INVALID_CREDENTIALS", captchaRequired: true });
    expect(await signIn({ ...good, ...solved }, freshIp())).toEqual({ ok: false, code: "CAPTCHA_WRONG" });
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

  test("after 10 failures from one address in 15 minutes the account is locked there for 15 minutes", async () => {
    const t = await createUser("TEACHER");
    const attacker = freshIp();
    const start = new Date();
    let last;
    for (let i = 0; i < 10; i++) {
      const extra = i >= 3 ? await solvedCaptcha() : {};
      last = await signIn({ accountKind: "teacher", username: t.username, password: `wrong${i}`, ...extra }, attacker, new Date(start.getTime() + i * 1000));
    }
    expect(last).toMatchObject({ ok: false, code: "LOCKED" });
    const lockedUntil = (last as { lockedUntil: Date }).lockedUntil;
    expect(lockedUntil.getTime() - (start.getTime() + 9000)).toBe(minutes(15));

    // From that address even the right password is refused while locked.
    const good = { accountKind: "teacher", username: t.username, password: TEST_PASSWORD };
    expect(await signIn({ ...good, ...(await solvedCaptcha()) }, attacker, new Date(start.getTime() + minutes(5)))).toMatchObject({ code: "LOCKED" });
    // After the lock, the right password works again there.
    expect(await signIn(good, attacker, new Date(start.getTime() + minutes(16)))).toMatchObject({ ok: true });
  });

  test("a lock-out is no denial of service: the owner signs in from another address (solving the challenge)", async () => {
    const t = await createUser("TEACHER");
    const attacker = freshIp();
    const start = new Date();
    for (let i = 0; i < 10; i++) {
      const extra = i >= 3 ? await solvedCaptcha() : {};
      await signIn({ accountKind: "teacher", username: t.username, password: `guess${i}`, ...extra }, attacker, new Date(start.getTime() + i * 1000));
    }
    const at = new Date(start.getTime() + minutes(1));
    const good = { accountKind: "teacher", username: t.username, password: TEST_PASSWORD };
    expect(await signIn({ ...good, ...(await solvedCaptcha()) }, attacker, at)).toMatchObject({ code: "LOCKED" });
    // The owner elsewhere: the username still wants the challenge, but is not locked.
    const owner = freshIp();
    expect(await signIn(good, owner, at)).toEqual({ ok: false, code: "CAPTCHA_REQUIRED" });
    expect(await signIn({ ...good, ...(await solvedCaptcha()) }, owner, at)).toMatchObject({ ok: true, actor: { id: t.id } });
  });

  test("a disabled account cannot sign in, with a message that says so only to the right password", async () => {
    const t = await createUser("TEACHER");
    await db.user.update({ where: { id: t.id }, data: { disabledAt: new Date() } });
    expect(await signIn({ accountKind: "teacher", username: t.username, password: "wrong" }, freshIp())).toMatchObject({ code: "INVALID_CREDENTIALS" });
    expect(await signIn({ accountKind: "teacher", username: t.username, password: TEST_PASSWORD }, freshIp())).toEqual({ ok: false, code: "DISABLED" });
  });

  test("nine failures spread over more than 15 minutes do not lock", async () => {
    const t = await createUser("TEACHER");
    const start = Date.now();
    const ip = freshIp();
    for (let i = 0; i < 12; i++) {
      const at = new Date(start + i * minutes(2));
      const r = await signIn({ accountKind: "teacher", username: t.username, password: "bad", ...(await solvedCaptcha(at)) }, ip, at);
      expect(r).toMatchObject({ code: "INVALID_CREDENTIALS" });
    }
  });
});

describe("the challenge (驗證碼)", () => {
  async function needingChallenge() {
    const t = await createUser("TEACHER");
    const ip = freshIp();
    for (const name of ["y1", "y2", "y3"]) await signIn({ accountKind: "teacher", username: name, password: "bad" }, ip);
    return { good: { accountKind: "teacher", username: t.username, password: TEST_PASSWORD }, ip, t };
  }

  test("a script that reads the challenge and submits it without doing the work fails", async () => {
    const { good, ip } = await needingChallenge();
    const challenge = await createSignInChallenge();
    // What a page-reading script can send: the challenge, with no solution or a guessed one.
    const attempts = [
      encodePayload({ challenge }),
      encodePayload({ challenge, solution: { counter: 0, derivedKey: challenge.parameters.keyPrefix } }),
      encodePayload({ challenge, solution: { counter: 1, derivedKey: challenge.parameters.keyPrefix + "00".repeat(16) } }),
      "not base64 json",
      JSON.stringify(challenge),
    ];
    for (const payload of attempts) expect(await signIn({ ...good, challenge: payload }, ip)).toEqual({ ok: false, code: "CAPTCHA_WRONG" });
    expect(await signIn({ ...good, challenge: await solveFor(challenge) }, ip)).toMatchObject({ ok: true });
  });

  test("a forged, expired or reused solution fails; a correct one passes once", async () => {
    const { good, ip } = await needingChallenge();
    // Forged: parameters changed after signing (an easier prefix), or an unsigned challenge.
    const real = await createSignInChallenge();
    const easier = { ...real, parameters: { ...real.parameters, keyPrefix: "0" } };
    expect(await signIn({ ...good, challenge: await solveFor(easier) }, ip)).toEqual({ ok: false, code: "CAPTCHA_WRONG" });
    const { signature: _dropped, ...unsigned } = real;
    void _dropped;
    expect(await signIn({ ...good, challenge: await solveFor(unsigned) }, ip)).toEqual({ ok: false, code: "CAPTCHA_WRONG" });
    // Expired: handed out 6 minutes ago (they last 5).
    const old = await solvedChallenge(new Date(Date.now() - minutes(6)));
    expect(await signIn({ ...good, challenge: old }, ip)).toEqual({ ok: false, code: "CAPTCHA_WRONG" });
    // Correct, then reused.
    const solved = await solvedChallenge();
    expect(await signIn({ ...good, challenge: solved }, ip)).toMatchObject({ ok: true });
    for (const name of ["z1", "z2", "z3"]) await signIn({ accountKind: "teacher", username: name, password: "bad" }, ip);
    expect(await signIn({ ...good, challenge: solved }, ip)).toEqual({ ok: false, code: "CAPTCHA_WRONG" });
  });

  test("handing out challenges writes nothing", async () => {
    const before = await db.usedChallenge.count();
    for (let i = 0; i < 20; i++) await createSignInChallenge();
    expect(await db.usedChallenge.count()).toBe(before);
  });
});

describe("change password", () => {
  test("needs the current password, then only the new one works and older sessions end", async () => {
    const t = await createUser("TEACHER");
    const actor = actorOf(t);
    await new Promise((r) => setTimeout(r, 5));
    const { sid } = await startSession(t.id, "TEACHER");

    await expect(changePassword(actor, { currentPassword: "wrong", newPassword: "NewPass123", confirmPassword: "NewPass123" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { currentPassword: ["目前的密碼不正確"] },
    });
    await expect(changePassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "short", confirmPassword: "short" })).rejects.toBeInstanceOf(AppError);
    await expect(changePassword(null, { currentPassword: TEST_PASSWORD, newPassword: "NewPass123", confirmPassword: "NewPass123" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });

    expect(await actorBySession(sid, t.id)).not.toBeNull();
    await changePassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "NewPass123", confirmPassword: "NewPass123" });
    expect(await signIn({ accountKind: "teacher", username: t.username, password: TEST_PASSWORD }, freshIp())).toMatchObject({ ok: false });
    expect(await signIn({ accountKind: "teacher", username: t.username, password: "NewPass123" }, freshIp())).toMatchObject({ ok: true });
    expect(await actorBySession(sid, t.id)).toBeNull();
    const later = await startSession(t.id, "TEACHER", new Date(Date.now() + 1));
    expect(await actorBySession(later.sid, t.id)).not.toBeNull();
  });
});
