import "server-only";
import type PgBoss from "pg-boss";
import { rebuildSearchIndex, syncCourses } from "@/lib/search/sync";
import { sendQueuedMail } from "@/lib/mail/send-outbox";
import { purgeExpiredIdempotencyRecords } from "@/lib/idempotency";
import { purgeAuthRecords } from "@/lib/auth/purge";

/**
 * Job handlers. pg-boss hands a worker a batch of jobs; a handler that throws fails them all,
 * and pg-boss retries them (see the queue options in queue.ts).
 */

/** search-sync: one sync for all the courses named by the batch. */
export async function handleSearchSync(jobs: PgBoss.Job<{ codes?: unknown }>[]): Promise<void> {
  const codes = jobs.flatMap((j) => (Array.isArray(j.data?.codes) ? j.data.codes.filter((c): c is string => typeof c === "string") : []));
  if (codes.length) await syncCourses(codes);
}

/** search-rebuild: the hourly full rebuild. */
export async function handleSearchRebuild(): Promise<void> {
  const { count, skipped, seconds } = await rebuildSearchIndex();
  if (!skipped) console.log(`[jobs] search index rebuilt: ${count} courses in ${seconds.toFixed(1)} s`);
}

/** mail-send: deliver what waits in the outbox (after each use case that queues mail, and every minute). */
export async function handleMailSend(): Promise<void> {
  const r = await sendQueuedMail();
  if (r.notConfigured) return;
  if (r.sent || r.retrying || r.failed) {
    console.log(`[jobs] mail: ${r.sent} sent, ${r.retrying} to retry, ${r.failed} failed for good`);
  }
}

/** idempotency-purge: records past their 24 hours go (hourly). */
export async function handleIdempotencyPurge(): Promise<void> {
  const n = await purgeExpiredIdempotencyRecords();
  if (n) console.log(`[jobs] idempotency: ${n} expired records removed`);
}

/** auth-purge: what sign-in leaves behind goes (hourly; lib/auth/purge.ts). */
export async function handleAuthPurge(): Promise<void> {
  const r = await purgeAuthRecords();
  if (r.sessions || r.challenges || r.rateLimitHits || r.loginAttempts) {
    console.log(`[jobs] sign-in records removed: ${r.sessions} sessions, ${r.challenges} used challenges, ${r.rateLimitHits} rate-limit counters, ${r.loginAttempts} attempts`);
  }
}
