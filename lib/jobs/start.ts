import "server-only";
import { handleAuthPurge, handleIdempotencyPurge, handleMailSend, handleSearchRebuild, handleSearchSync } from "@/lib/jobs/handlers";
import { getBoss, QUEUES, stopBoss } from "@/lib/jobs/queue";
import { prepareSearchIndex } from "@/lib/search/sync";

/** The hourly full rebuild of the search index, on the hour, Taipei time. */
export const REBUILD_CRON = "0 * * * *";
/** The outbox sweep: every minute, so mail queued while the queue was unreachable still goes. */
export const MAIL_SWEEP_CRON = "* * * * *";
/** Expired idempotency records go hourly, at minute 17 (away from the rebuild on the hour). */
export const IDEMPOTENCY_PURGE_CRON = "17 * * * *";
/** Ended sessions, used challenges, rate-limit counters and old sign-in attempts go hourly, at minute 23. */
export const AUTH_PURGE_CRON = "23 * * * *";

export type StartJobsOptions = {
  /** How often an idle worker looks for new jobs (seconds; pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
  /** Build or catch up the search index at start (default true). */
  prepareIndex?: boolean;
  log?: (line: string) => void;
};

/**
 * Starts the job worker in this process: the queues, the hourly schedule and the handlers.
 * Runs in the app's own process (instrumentation.ts) or in scripts/worker.ts.
 */
export async function startJobs(options: StartJobsOptions = {}): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  const boss = await getBoss("worker");
  await boss.schedule(QUEUES.searchRebuild, REBUILD_CRON, {}, { tz: "Asia/Taipei" });
  await boss.schedule(QUEUES.mailSend, MAIL_SWEEP_CRON, {}, { tz: "Asia/Taipei" });
  await boss.schedule(QUEUES.idempotencyPurge, IDEMPOTENCY_PURGE_CRON, {}, { tz: "Asia/Taipei" });
  await boss.schedule(QUEUES.authPurge, AUTH_PURGE_CRON, {}, { tz: "Asia/Taipei" });
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  await boss.work(QUEUES.searchSync, { batchSize: 200, pollingIntervalSeconds }, handleSearchSync);
  await boss.work(QUEUES.searchRebuild, { batchSize: 1, pollingIntervalSeconds }, handleSearchRebuild);
  await boss.work(QUEUES.mailSend, { batchSize: 1, pollingIntervalSeconds }, handleMailSend);
  await boss.work(QUEUES.idempotencyPurge, { batchSize: 1, pollingIntervalSeconds }, handleIdempotencyPurge);
  await boss.work(QUEUES.authPurge, { batchSize: 1, pollingIntervalSeconds }, handleAuthPurge);
  // Mail that waited while no worker ran goes now, not at the next sweep.
  await boss.send(QUEUES.mailSend, {});
  log(`[jobs] worker started: ${QUEUES.searchSync}, ${QUEUES.searchRebuild} (hourly at minute 0), ${QUEUES.mailSend} (and every minute), ${QUEUES.idempotencyPurge} (hourly at minute 17), ${QUEUES.authPurge} (hourly at minute 23)`);
  if (options.prepareIndex ?? true) await prepareSearchIndex(log);
}

/** Stops the job worker: running jobs get `graceMs` to finish, then go back to their queue (stopBoss). */
export async function stopJobs(graceMs?: number): Promise<void> {
  await stopBoss(graceMs);
}
