/**
 * @jest-environment node
 */
import { useTestDatabase } from "../support/database";
import { sql } from "@/lib/db";
import { getBoss, QUEUES, stopBoss } from "@/lib/jobs/queue";

useTestDatabase();
jest.setTimeout(60_000);

// The queue is stately (one job waiting at most): each test starts from an empty one.
beforeEach(async () => {
  await getBoss("worker");
  await sql(`DELETE FROM pgboss.job WHERE name = $1`, [QUEUES.idempotencyPurge]);
});
afterAll(() => stopBoss(1_000));

const jobState = async (id: string) =>
  (await sql<{ state: string; output: unknown }>(`SELECT state::text AS state, output FROM pgboss.job WHERE id = $1`, [id]))[0];

// A process that stops (a deploy's SIGTERM: scripts/serve.ts, scripts/worker.ts) must not leave
// the job it was running "active": nothing would run it, and a stately queue such as the search
// rebuild would take no other job until the stale one expired, an hour later.
test("stopping the job worker hands a job it cannot finish in time back to its queue, to be retried", async () => {
  const boss = await getBoss("worker");
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  // A job that outlasts the grace period (released at the end, so that pg-boss's worker loop ends).
  await boss.work(QUEUES.idempotencyPurge, { pollingIntervalSeconds: 0.5 }, async () => {
    started();
    await held;
  });
  const id = await boss.send(QUEUES.idempotencyPurge, {});
  expect(id).toBeTruthy();
  await running;
  expect((await jobState(id!)).state).toBe("active");

  const t0 = Date.now();
  await stopBoss(1_000);
  const waited = Date.now() - t0;
  expect(waited).toBeGreaterThanOrEqual(900); // the grace period was given
  expect(waited).toBeLessThan(10_000); // and no longer than about that

  const after = await jobState(id!);
  expect(after.state).toBe("retry");
  expect(JSON.stringify(after.output)).toContain("shut down");

  release();
  await new Promise((r) => setTimeout(r, 1_500)); // pg-boss checks its stopped workers every second
});

test("a job that finishes within the grace period completes normally", async () => {
  const boss = await getBoss("worker");
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  await boss.work(QUEUES.idempotencyPurge, { pollingIntervalSeconds: 0.5 }, async () => {
    started();
    await new Promise((r) => setTimeout(r, 300));
  });
  const id = await boss.send(QUEUES.idempotencyPurge, {});
  await running;
  await stopBoss(5_000);
  expect((await jobState(id!)).state).toBe("completed");
});
