/** @jest-environment node */
// Course changes reach the search index through pg-boss jobs within a minute, and the hourly
// rebuild repairs what no job announced. The job worker runs in this process, as it does in the
// app (instrumentation.ts) or in scripts/worker.ts.
import { useTestDatabase } from "../support/database";
import { createCourse, createUnit } from "../support/factories";
import { db } from "@/lib/db";
import { getBoss, QUEUES, sendJob } from "@/lib/jobs/queue";
import { REBUILD_CRON, startJobs, stopJobs } from "@/lib/jobs/start";
import { searchCourses } from "@/lib/search/search-courses";
import { enqueueCourseSync, getIndexStatus, rebuildSearchIndex, syncCourses } from "@/lib/search/sync";

useTestDatabase();

const MINUTE = 60_000;
jest.setTimeout(3 * MINUTE);

async function find(params: Record<string, string>) {
  return (await searchCourses({ size: "100", ...params })).hits;
}

/** Polls until `check` passes; returns the milliseconds it took. Fails after 60 s. */
async function within60s(check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < MINUTE) {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the index did not follow within 60 seconds");
}

let unitId: number;

beforeAll(async () => {
  unitId = (await createUnit({ name: "臺北市立同步測試國民中學", county: "臺北市" })).id;
  await createCourse(unitId, { code: "8200001", title: "同步測試既有研習" });
  await rebuildSearchIndex();
  await startJobs({ pollingIntervalSeconds: 0.5, prepareIndex: false, log: () => {} });
});

afterAll(async () => {
  await stopJobs();
});

it("finds a course published a moment ago, without waiting for the hourly rebuild", async () => {
  const course = await createCourse(unitId, { code: "8200002", title: "天文觀測教學研習", status: "SUBMITTED" });
  await enqueueCourseSync([course.code]);
  await new Promise((r) => setTimeout(r, 1500));
  expect(await find({ q: "天文觀測" })).toEqual([]);

  // 區管中心 approves: the course is published and the use case announces it.
  await db.course.update({ where: { id: course.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
  await enqueueCourseSync([course.code]);
  const ms = await within60s(async () => (await find({ q: "天文觀測" })).some((h) => h.code === "8200002"));
  expect(ms).toBeLessThan(MINUTE);
});

it("follows an edit and a cancellation", async () => {
  const course = await createCourse(unitId, { code: "8200003", title: "植物分類教學研習" });
  await syncCourses([course.code]);
  expect((await find({ q: "植物分類" })).map((h) => h.code)).toEqual(["8200003"]);

  await db.course.update({ where: { id: course.id }, data: { title: "昆蟲生態教學研習" } });
  await enqueueCourseSync([course.code]);
  await within60s(async () => (await find({ q: "昆蟲生態" })).length === 1);
  expect(await find({ q: "植物分類" })).toEqual([]);

  await db.course.update({ where: { id: course.id }, data: { status: "CANCELLED", cancelledAt: new Date(), statusNote: "報名人數不足，本研習取消" } });
  await enqueueCourseSync([course.code]);
  await within60s(async () => (await find({ q: "昆蟲生態" }))[0]?.status === "CANCELLED");
  // Cancelled courses stay findable (marked 已取消) but are never 報名中.
  const [hit] = await find({ q: "昆蟲生態" });
  expect(hit.registrationOpen).toBe(false);
  expect(await find({ q: "昆蟲生態", open: "1" })).toEqual([]);
});

it("drops a course that is no longer public", async () => {
  const course = await createCourse(unitId, { code: "8200004", title: "化石採集教學研習" });
  await syncCourses([course.code]);
  expect(await find({ q: "化石採集" })).toHaveLength(1);
  await db.course.update({ where: { id: course.id }, data: { status: "DRAFT" } });
  await enqueueCourseSync([course.code]);
  await within60s(async () => (await find({ q: "化石採集" })).length === 0);
});

it("lets the hourly rebuild repair a change that no job announced", async () => {
  await db.course.update({ where: { code: "8200001" }, data: { title: "同步測試改名研習" } });
  await new Promise((r) => setTimeout(r, 1500));
  expect(await find({ q: "改名" })).toEqual([]);

  const schedules = await (await getBoss()).getSchedules();
  expect(schedules).toEqual(
    expect.arrayContaining([expect.objectContaining({ name: QUEUES.searchRebuild, cron: REBUILD_CRON, options: expect.objectContaining({ tz: "Asia/Taipei" }) })]),
  );
  // What the schedule sends on the hour:
  await sendJob(QUEUES.searchRebuild, {});
  await within60s(async () => (await find({ q: "改名" })).length === 1);
  expect(await find({ q: "既有" })).toEqual([]);
});

it("applies a sync that arrives during a rebuild to the new index", async () => {
  const course = await createCourse(unitId, { code: "8200005", title: "岩石鑑定教學研習" });
  await db.course.update({ where: { id: course.id }, data: { title: "礦物鑑定教學研習" } });
  await Promise.all([rebuildSearchIndex(), syncCourses([course.code])]);
  expect((await find({ q: "礦物鑑定" })).map((h) => h.code)).toEqual(["8200005"]);
});

it("records when the index was last updated (資料更新時間)", async () => {
  const before = await getIndexStatus();
  await new Promise((r) => setTimeout(r, 20));
  expect(await syncCourses(["8200001", "8299999"])).toEqual({ upserted: 1, removed: 1 });
  const after = await getIndexStatus();
  expect(after?.engine).toBe(process.env.MEILISEARCH_URL ? "meilisearch" : "postgres");
  expect(after!.lastSyncedAt.getTime()).toBeGreaterThan(before!.lastSyncedAt.getTime());
  expect(after!.documentCount).toBeGreaterThan(0);
});

it("refuses course codes that are not codes", async () => {
  await expect(enqueueCourseSync(["12; DROP TABLE"])).rejects.toThrow();
  await expect(syncCourses([])).resolves.toEqual({ upserted: 0, removed: 0 });
});
