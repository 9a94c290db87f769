import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { sql } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";

/**
 * The signed-in person for this request, read fresh from the database so that a changed
 * role, unit or password takes effect at once: a session issued before the last password
 * change is no longer valid.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions());
  const user = session?.user as { id?: number } | undefined;
  if (!user?.id) return null;
  return actorById(user.id, (session as { authAt?: number } | null)?.authAt);
});

/** `signedInAtMs`: when the session's sign-in happened; sessions older than the last password change end. */
export async function actorById(id: number, signedInAtMs?: number): Promise<Actor | null> {
  // Every signed-in request runs this: a plain query, not Prisma (see lib/db.ts).
  const [row] = await sql<{ id: number; role: Actor["role"]; name: string; unitId: number | null; regionCounties: string[]; changedMs: number }>(
    `SELECT id, role::text AS role, name, "unitId", "regionCounties", (extract(epoch FROM "passwordChangedAt") * 1000)::float8 AS "changedMs"
     FROM "User" WHERE id = $1`,
    [id],
  );
  if (!row) return null;
  if (signedInAtMs !== undefined && row.changedMs > signedInAtMs) return null;
  return { id: row.id, role: row.role, name: row.name, unitId: row.unitId, regionCounties: row.regionCounties };
}
