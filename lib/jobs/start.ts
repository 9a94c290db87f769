import "server-only";
import { handleSearchRebuild, handleSearchSync } from "@/lib/jobs/handlers";
import { getBoss, QUEUES, stopBoss } from "@/lib/jobs/queue";
import { prepareSearchIndex } from "@/lib/search/sync";

/** The hourly full rebuild of the search index, on the hour, Taipei time. */
export const REBUILD_CRON = "0 * * * *";

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
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  await boss.work(QUEUES.searchSync, { batchSize: 200, pollingIntervalSeconds }, handleSearchSync);
  await boss.work(QUEUES.searchRebuild, { batchSize: 1, pollingIntervalSeconds }, handleSearchRebuild);
  log(`[jobs] worker started: ${QUEUES.searchSync}, ${QUEUES.searchRebuild} (hourly at minute 0)`);
  if (options.prepareIndex ?? true) await prepareSearchIndex(log);
}

export async function stopJobs(): Promise<void> {
  await stopBoss();
}
