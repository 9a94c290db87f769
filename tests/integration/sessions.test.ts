/**
 * @jest-environment node
 */
import type { JWT } from "next-auth/jwt";
import { useTestDatabase } from "../support/database";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { authOptions } from "@/lib/auth/options";
import { actorFromCookies, actorFromCookieHeader } from "@/lib/auth/session-actor";
import { encodeSessionToken, sessionCookieName } from "@/lib/auth/session-token";
import { purgeEndedSessions, revokeSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_SECONDS, startSession } from "@/lib/auth/sessions";
import { changePassword } from "@/lib/auth/change-password";
import { CLIENT_ADDRESS_HEADER } from "@/lib/net/client-address";
import { actorOf, createUser, TEST_PASSWORD } from "../support/factories";

useTestDatabase();

const HOUR = 60 * 60 * 1000;

async function cookiesFor(claims: Record<string, unknown>) {
  const token = await encodeSessionToken({ token: claims, secret: env().NEXTAUTH_SECRET, maxAge: 600 });
  return [{ name: sessionCookieName(), value: token }];
}

/** What next-auth does at sign-in: the jwt callback with the user authorize() returned. */
async function signedInToken(user: { id: number; role: string; name: string }): Promise<JWT> {
  const jwt = authOptions().callbacks!.jwt!;
  return jwt({ token: {}, user: { id: String(user.id), role: user.role, name: user.name } as never, account: null } as never);
}

/** What /api/auth/session does with a token: the jwt callback again (throws for an ended session). */
async function refreshed(token: JWT): Promise<JWT> {
  return authOptions().callbacks!.jwt!({ token } as never);
}

describe("sessions", () => {
  test("signing in creates a session; the token names it; signing out ends it for every copy of the cookie", async () => {
    const t = await createUser("TEACHER");
    const token = await signedInToken(t);
    expect(token).toMatchObject({ uid: t.id, role: "TEACHER", sid: expect.any(String) });
    const row = await db.session.findUniqueOrThrow({ where: { id: token.sid as string } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(SESSION_ABSOLUTE_MS);
    const cookies = await cookiesFor(token);
    expect(await actorFromCookies(cookies)).toMatchObject({ id: t.id, role: "TEACHER" });
    await expect(refreshed(token)).resolves.toMatchObject({ sid: token.sid });

    // next-auth's sign-out calls events.signOut with the decoded token.
    await authOptions().events!.signOut!({ token } as never);
    expect(await actorFromCookies(cookies)).toBeNull();
    await expect(refreshed(token)).rejects.toThrow();
  });

  test("a token without a session (issued before sessions, or forged claims) is no session", async () => {
    const t = await createUser("TEACHER");
    expect(await actorFromCookies(await cookiesFor({ uid: t.id, authAt: Date.now() }))).toBeNull();
    expect(await actorFromCookies(await cookiesFor({ uid: t.id, sid: "no-such-session" }))).toBeNull();
    // Another person's session id does not make the token theirs.
    const other = await createUser("TEACHER");
    const { sid } = await startSession(other.id, "TEACHER");
    expect(await actorFromCookies(await cookiesFor({ uid: t.id, sid }))).toBeNull();
  });

  test("a session past its absolute end is refused, however fresh its token", async () => {
    const t = await createUser("TEACHER");
    await db.user.update({ where: { id: t.id }, data: { passwordChangedAt: new Date(Date.now() - 2 * SESSION_ABSOLUTE_MS) } });
    const { sid } = await startSession(t.id, "TEACHER", new Date(Date.now() - SESSION_ABSOLUTE_MS - 1000));
    const cookies = await cookiesFor({ uid: t.id, sid });
    expect(await actorFromCookies(cookies)).toBeNull();
    await expect(refreshed({ uid: t.id, sid })).rejects.toThrow();
    const live = await startSession(t.id, "TEACHER", new Date(Date.now() - SESSION_ABSOLUTE_MS + HOUR));
    expect(await actorFromCookies(await cookiesFor({ uid: t.id, sid: live.sid }))).toMatchObject({ id: t.id });
  });

  test("the token idles out after SESSION_IDLE_SECONDS (renewed by /api/auth/session), the session row living on", async () => {
    expect(authOptions().session?.maxAge).toBe(SESSION_IDLE_SECONDS);
    expect(authOptions().jwt?.maxAge).toBe(SESSION_IDLE_SECONDS);
    const t = await createUser("TEACHER");
    const { sid } = await startSession(t.id, "TEACHER");
    const idle = await encodeSessionToken({ token: { uid: t.id, sid }, secret: env().NEXTAUTH_SECRET, maxAge: -60 });
    expect(await actorFromCookies([{ name: sessionCookieName(), value: idle }])).toBeNull();
    expect(await actorFromCookies(await cookiesFor({ uid: t.id, sid }))).toMatchObject({ id: t.id });
  });

  test("a role change ends the session", async () => {
    const o = await createUser("ORGANIZER");
    const { sid } = await startSession(o.id, "ORGANIZER");
    const cookies = await cookiesFor({ uid: o.id, sid });
    expect(await actorFromCookies(cookies)).toMatchObject({ role: "ORGANIZER" });
    await db.user.update({ where: { id: o.id }, data: { role: "TEACHER" } });
    expect(await actorFromCookies(cookies)).toBeNull();
    await expect(refreshed({ uid: o.id, sid })).rejects.toThrow();
  });

  test("disabling the account ends its sessions", async () => {
    const t = await createUser("TEACHER");
    const { sid } = await startSession(t.id, "TEACHER");
    const cookies = await cookiesFor({ uid: t.id, sid });
    expect(await actorFromCookies(cookies)).not.toBeNull();
    await db.user.update({ where: { id: t.id }, data: { disabledAt: new Date() } });
    expect(await actorFromCookies(cookies)).toBeNull();
  });

  test("a password change revokes every session of the person, other browsers too", async () => {
    const t = await createUser("TEACHER");
    const a = await startSession(t.id, "TEACHER");
    const b = await startSession(t.id, "TEACHER");
    await changePassword(actorOf(t), { currentPassword: TEST_PASSWORD, newPassword: "NewPass123", confirmPassword: "NewPass123" });
    for (const { sid } of [a, b]) {
      expect(await actorFromCookies(await cookiesFor({ uid: t.id, sid }))).toBeNull();
      expect(await db.session.findUniqueOrThrow({ where: { id: sid } })).toMatchObject({ revokedAt: expect.any(Date) });
    }
  });

  test("many requests at once are read in one batch, each getting its own answer", async () => {
    const people = await Promise.all([createUser("TEACHER"), createUser("ORGANIZER"), createUser("TEACHER")]);
    const sessions = await Promise.all(people.map((p) => startSession(p.id, p.role)));
    await revokeSession(sessions[2].sid);
    const headers = await Promise.all(
      people.map(async (p, i) => `${sessionCookieName()}=${(await cookiesFor({ uid: p.id, sid: sessions[i].sid }))[0].value}`),
    );
    const actors = await Promise.all(headers.map((h) => actorFromCookieHeader(h)));
    expect(actors.map((a) => a?.id ?? null)).toEqual([people[0].id, people[1].id, null]);
  });

  test("the purge removes ended sessions and keeps live ones", async () => {
    const t = await createUser("TEACHER");
    const live = await startSession(t.id, "TEACHER");
    const revoked = await startSession(t.id, "TEACHER");
    await revokeSession(revoked.sid, new Date(Date.now() - 1000));
    const expired = await startSession(t.id, "TEACHER", new Date(Date.now() - SESSION_ABSOLUTE_MS - HOUR));
    expect(await purgeEndedSessions()).toBeGreaterThanOrEqual(2);
    const left = (await db.session.findMany({ where: { id: { in: [live.sid, revoked.sid, expired.sid] } } })).map((s) => s.id);
    expect(left).toEqual([live.sid]);
  });
});

describe("the client address of a sign-in", () => {
  test("a forged X-Forwarded-For does not change the counted address; the stamped one counts", async () => {
    const provider = authOptions().providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } };
    const authorize = provider.options.authorize;
    const bad = { accountKind: "teacher", username: "xff-probe", password: "wrong" };
    for (let i = 0; i < 3; i++) {
      await expect(
        authorize(bad, { headers: { "x-forwarded-for": `198.51.100.${i + 1}`, "x-real-ip": "198.51.100.99", [CLIENT_ADDRESS_HEADER]: "203.0.113.7" } }),
      ).rejects.toThrow();
    }
    const rows = await db.loginAttempt.findMany({ where: { username: "xff-probe" }, select: { ip: true } });
    expect(rows.map((r) => r.ip)).toEqual(["203.0.113.7", "203.0.113.7", "203.0.113.7"]);
    // Without the server's stamp, no header the client wrote is believed.
    await expect(authorize({ ...bad, username: "xff-probe-2" }, { headers: { "x-forwarded-for": "198.51.100.5" } })).rejects.toThrow();
    expect(await db.loginAttempt.findFirstOrThrow({ where: { username: "xff-probe-2" } })).toMatchObject({ ip: "unknown" });
  });
});
