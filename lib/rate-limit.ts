import "server-only";
import { sql } from "@/lib/db";

/**
 * A fixed-window request counter in PostgreSQL (table RateLimitHit), shared by every app
 * instance: one row per bucket, key (e.g. a client address) and window, counted up by one
 * upsert. The table grows by at most one row per key and window, and the hourly purge
 * (purgeRateLimitHits) removes windows that ended long ago.
 */
export type RateLimitRule = {
  /** Which limit, e.g. "sign-in-challenge". */
  bucket: string;
  /** How many hits a key may make per window. */
  limit: number;
  windowMs: number;
};

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

/** Windows longer than this are not supported (the purge keeps a day of rows). */
export const MAX_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Counts a hit of `key` and says whether it is within the limit. */
export async function hitRateLimit(rule: RateLimitRule, key: string, now: Date = new Date()): Promise<RateLimitResult> {
  if (rule.windowMs <= 0 || rule.windowMs > MAX_WINDOW_MS) throw new Error(`rate limit window of ${rule.windowMs} ms is not supported`);
  const start = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs;
  const [row] = await sql<{ count: number }>(
    `INSERT INTO "RateLimitHit" (bucket, key, "windowStart", count)
     VALUES ($1, $2, $3::timestamptz AT TIME ZONE 'UTC', 1)
     ON CONFLICT (bucket, key, "windowStart") DO UPDATE SET count = "RateLimitHit".count + 1
     RETURNING count`,
    [rule.bucket, key.slice(0, 200), new Date(start).toISOString()],
  );
  const retryAfterSeconds = Math.max(1, Math.ceil((start + rule.windowMs - now.getTime()) / 1000));
  return { allowed: row.count <= rule.limit, count: row.count, retryAfterSeconds };
}

/** Removes counters of windows that started more than a day before `now`; returns how many. */
export async function purgeRateLimitHits(now: Date = new Date()): Promise<number> {
  const rows = await sql<{ n: number }>(
    `WITH gone AS (DELETE FROM "RateLimitHit" WHERE "windowStart" < $1::timestamptz AT TIME ZONE 'UTC' RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [new Date(now.getTime() - MAX_WINDOW_MS).toISOString()],
  );
  return rows[0].n;
}
