import "server-only";
import { parse } from "cookie";
import { env } from "@/lib/env";
import { batched, sql } from "@/lib/db";
import { decodeSessionToken, sessionCookieName, sessionTokenFromCookies } from "@/lib/auth/session-token";
import type { Actor } from "@/lib/auth/actor";

/**
 * The signed-in person of a request, from its cookies: the session cookie's token (next-auth's
 * format, lib/auth/session-token.ts) names a session (`sid`, lib/auth/sessions.ts), and the
 * session and its person are read fresh from the database, so that a sign-out, a changed role,
 * a disabled account or a changed password takes effect at once. An unreadable, forged or
 * expired token, or a session that has ended, is no session.
 * Without Next (lib/auth/session.ts reads Next's cookies with it; scripts/serve.ts a raw header).
 */
export async function actorFromCookies(all: { name: string; value: string }[]): Promise<Actor | null> {
  const token = sessionTokenFromCookies(sessionCookieName(), all);
  if (!token) return null;
  let claims: Record<string, unknown> | null;
  try {
    claims = await decodeSessionToken({ token, secret: env().NEXTAUTH_SECRET });
  } catch {
    return null;
  }
  if (typeof claims?.uid !== "number" || typeof claims.sid !== "string") return null;
  return actorBySession(claims.sid, claims.uid);
}

export function actorFromCookieHeader(header: string | undefined | null): Promise<Actor | null> {
  if (!header) return Promise.resolve(null);
  const parsed = parse(header);
  return actorFromCookies(Object.entries(parsed).flatMap(([name, value]) => (value === undefined ? [] : [{ name, value }])));
}

type PersonRow = { sid: string; id: number; role: Actor["role"]; name: string; unitId: number | null; regionCounties: string[] };

// Every signed-in request reads its session and person: one query for all that arrive together
// (lib/db.ts). A session that has ended (revoked, past its absolute end, another role than at
// sign-in, account disabled, password changed since) finds no row.
const personBySession = batched<string, PersonRow | null>(async (sids) => {
  const rows = await sql<PersonRow>(
    `SELECT s.id AS sid, u.id, u.role::text AS role, u.name, u."unitId", u."regionCounties"
     FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s.id = ANY($1::text[])
       AND s."revokedAt" IS NULL
       AND s."expiresAt" > (now() AT TIME ZONE 'UTC')
       AND u.role = s.role
       AND u."disabledAt" IS NULL
       AND u."passwordChangedAt" <= s."createdAt"`,
    [[...new Set(sids)]],
  );
  const bySid = new Map(rows.map((r) => [r.sid, r]));
  return sids.map((sid) => bySid.get(sid) ?? null);
});

/** The person of a live session, or null; `userId`: who the token says it belongs to. */
export async function actorBySession(sid: string, userId: number): Promise<Actor | null> {
  const row = await personBySession(sid);
  if (!row || row.id !== userId) return null;
  return { id: row.id, role: row.role, name: row.name, unitId: row.unitId, regionCounties: row.regionCounties };
}
