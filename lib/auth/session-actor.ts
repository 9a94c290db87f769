import "server-only";
import { parse } from "cookie";
import { env } from "@/lib/env";
import { batched, sql } from "@/lib/db";
import { decodeSessionToken, sessionCookieName, sessionTokenFromCookies } from "@/lib/auth/session-token";
import type { Actor } from "@/lib/auth/actor";

/**
 * The signed-in person of a request, from its cookies: the session cookie's token (next-auth's
 * format, lib/auth/session-token.ts), then the person read fresh from the database so that a
 * changed role, unit or password takes effect at once: a session issued before the last
 * password change is no longer valid. An unreadable, forged or expired token is no session.
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
  if (typeof claims?.uid !== "number") return null;
  return actorById(claims.uid, typeof claims.authAt === "number" ? claims.authAt : undefined);
}

export function actorFromCookieHeader(header: string | undefined | null): Promise<Actor | null> {
  if (!header) return Promise.resolve(null);
  const parsed = parse(header);
  return actorFromCookies(Object.entries(parsed).flatMap(([name, value]) => (value === undefined ? [] : [{ name, value }])));
}

type PersonRow = { id: number; role: Actor["role"]; name: string; unitId: number | null; regionCounties: string[]; changedMs: number };

// Every signed-in request reads its person: one query for all that arrive together (lib/db.ts).
const personById = batched<number, PersonRow | null>(async (ids) => {
  const rows = await sql<PersonRow>(
    `SELECT id, role::text AS role, name, "unitId", "regionCounties", (extract(epoch FROM "passwordChangedAt") * 1000)::float8 AS "changedMs"
     FROM "User" WHERE id = ANY($1::int[])`,
    [[...new Set(ids)]],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
});

/** `signedInAtMs`: when the session's sign-in happened; sessions older than the last password change end. */
export async function actorById(id: number, signedInAtMs?: number): Promise<Actor | null> {
  const row = await personById(id);
  if (!row) return null;
  if (signedInAtMs !== undefined && row.changedMs > signedInAtMs) return null;
  return { id: row.id, role: row.role, name: row.name, unitId: row.unitId, regionCounties: row.regionCounties };
}
