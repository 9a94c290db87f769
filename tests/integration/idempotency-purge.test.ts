/**
 * @jest-environment node
 */
import { useTestDatabase } from "../support/database";
import { createTeachers } from "../support/factories";
import { db } from "@/lib/db";
import { purgeExpiredIdempotencyRecords } from "@/lib/idempotency";
import { getBoss, QUEUES, sendJob } from "@/lib/jobs/queue";
import { IDEMPOTENCY_PURGE_CRON, startJobs, stopJobs } from "@/lib/jobs/start";

useTestDatabase();
jest.setTimeout(60_000);

const HOUR = 60 * 60 * 1000;

async function records(userId: number, expiries: Record<string, number>, now: number) {
  await db.idempotencyRecord.createMany({
    data: Object.entries(expiries).map(([key, offset]) => ({ userId, key, scope: "enrol:1", requestHash: "h", state: "COMPLETED" as const, expiresAt: new Date(now + offset) })),
  });
}

const keysOf = async (userId: number) => (await db.idempotencyRecord.findMany({ where: { userId }, select: { key: true }, orderBy: { key: "asc" } })).map((r) => r.key);

test("records past their 24 hours go, in slices; live ones stay", async () => {
  const [t] = await createTeachers(1);
  const now = Date.now();
  await records(t.id, { "old-1": -25 * HOUR, "old-2": -2 * HOUR, "old-3": -1000, "old-4": -1, "live-1": 1000, "live-2": 23 * HOUR }, now);
  expect(await purgeExpiredIdempotencyRecords(new Date(now), 3)).toBe(4);
  expect(await keysOf(t.id)).toEqual(["live-1", "live-2"]);
  expect(await purgeExpiredIdempotencyRecords(new Date(now))).toBe(0);
  // An hour later the first live one has expired too.
  expect(await purgeExpiredIdempotencyRecords(new Date(now + HOUR))).toBe(1);
  expect(await keysOf(t.id)).toEqual(["live-2"]);
});

test("the worker schedules the purge hourly, and the job removes expired records", async () => {
  const [t] = await createTeachers(1);
  await records(t.id, { "gone-key": -HOUR, "kept-key": HOUR }, Date.now());
  await startJobs({ pollingIntervalSeconds: 0.5, prepareIndex: false, log: () => {} });
  try {
    const schedules = await (await getBoss()).getSchedules();
    expect(schedules).toEqual(expect.arrayContaining([expect.objectContaining({ name: QUEUES.idempotencyPurge, cron: IDEMPOTENCY_PURGE_CRON, options: expect.objectContaining({ tz: "Asia/Taipei" }) })]));
    await sendJob(QUEUES.idempotencyPurge, {});
    const deadline = Date.now() + 20_000;
    while ((await keysOf(t.id)).length > 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await keysOf(t.id)).toEqual(["kept-key"]);
  } finally {
    await stopJobs();
  }
});
