import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";

/**
 * The job queue: pg-boss in the application's own PostgreSQL (schema "pgboss").
 *
 * Any process can send jobs (`sendJob`); it starts a small pg-boss instance for that on first
 * use. Jobs are worked by `startJobs` (lib/jobs/start.ts), which runs in the app's own process
 * (instrumentation.ts, JOBS_MODE=app, the default) or in scripts/worker.ts (JOBS_MODE=worker).
 */
export const QUEUES = {
  /** { codes: string[] }: bring these courses' search documents up to date. */
  searchSync: "search-sync",
  /** {}: rebuild the whole search index aside and swap it in (hourly, and at start-up). */
  searchRebuild: "search-rebuild",
  /** {}: send the mail waiting in the outbox (MailMessage rows with status QUEUED); also every minute. */
  mailSend: "mail-send",
  /** {}: remove idempotency records past their 24 hours (hourly). */
  idempotencyPurge: "idempotency-purge",
  /** {}: remove ended sessions, expired used challenges, old rate-limit counters and sign-in attempts (hourly). */
  authPurge: "auth-purge",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

type BossState = { boss: PgBoss; started: Promise<PgBoss>; role: "sender" | "worker" };
const globalForJobs = globalThis as unknown as { __inserviceBoss?: BossState };

export function bossOptions(role: "sender" | "worker"): PgBoss.ConstructorOptions {
  return {
    connectionString: env().DATABASE_URL,
    application_name: `inservice-jobs-${role}`,
    max: role === "worker" ? 4 : 2,
    // Only workers keep the queue tidy and fire cron schedules.
    supervise: role === "worker",
    schedule: role === "worker",
    migrate: true,
  };
}

const QUEUE_OPTIONS: Record<QueueName, PgBoss.Queue> = {
  [QUEUES.searchSync]: { name: QUEUES.searchSync, retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 15 * 60 },
  // "stately": at most one rebuild waiting and one running; more requests collapse into them.
  // "stately": one send waiting and one running; repeated kicks collapse into them.
  [QUEUES.mailSend]: { name: QUEUES.mailSend, policy: "stately", retryLimit: 10, retryDelay: 30, retryBackoff: true, expireInSeconds: 10 * 60 },
  [QUEUES.searchRebuild]: { name: QUEUES.searchRebuild, policy: "stately", retryLimit: 2, retryDelay: 60, expireInSeconds: 60 * 60 },
  [QUEUES.idempotencyPurge]: { name: QUEUES.idempotencyPurge, policy: "stately", retryLimit: 2, retryDelay: 60, expireInSeconds: 15 * 60 },
  [QUEUES.authPurge]: { name: QUEUES.authPurge, policy: "stately", retryLimit: 2, retryDelay: 60, expireInSeconds: 15 * 60 },
};

/** Creates the queues if they do not exist yet (idempotent, also when processes race). */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const [name, options] of Object.entries(QUEUE_OPTIONS)) {
    if (await boss.getQueue(name)) continue;
    try {
      await boss.createQueue(name, options);
    } catch (e) {
      if (!(await boss.getQueue(name))) throw e;
    }
  }
}

/** The process's pg-boss instance, started (as a sender unless startJobs made it a worker). */
export function getBoss(role: "sender" | "worker" = "sender"): Promise<PgBoss> {
  const current = globalForJobs.__inserviceBoss;
  if (current && (current.role === "worker" || role === "sender")) return current.started;
  if (current && role === "worker") {
    // Replace a sending-only instance by a working one.
    const old = current;
    globalForJobs.__inserviceBoss = undefined;
    return old.started.then((b) => b.stop({ graceful: false, wait: true })).then(() => getBoss("worker"));
  }
  const boss = new PgBoss(bossOptions(role));
  boss.on("error", (error) => console.error(`[jobs] ${error.message}`));
  const started = boss.start().then(async (b) => {
    await ensureQueues(b);
    return b;
  });
  const state: BossState = { boss, started, role };
  globalForJobs.__inserviceBoss = state;
  started.catch(() => {
    if (globalForJobs.__inserviceBoss === state) globalForJobs.__inserviceBoss = undefined;
  });
  return started;
}

export async function sendJob(queue: QueueName, data: object): Promise<string | null> {
  const boss = await getBoss();
  return boss.send(queue, data);
}

/**
 * Stops the process's pg-boss instance (tests, worker and server shutdown). The jobs this
 * process is running get `graceMs` to finish; then they are failed back to their queue, which
 * retries them (in another process, or after the restart). Without that, a job whose process
 * ended stays "active" until its expiry, and a stately queue (one rebuild at a time) takes no
 * other job meanwhile: up to an hour without a search rebuild.
 */
export async function stopBoss(graceMs = 10_000): Promise<void> {
  const current = globalForJobs.__inserviceBoss;
  globalForJobs.__inserviceBoss = undefined;
  if (!current) return;
  const boss = await current.started.catch(() => undefined);
  await boss?.stop({ graceful: true, wait: true, timeout: graceMs });
}
