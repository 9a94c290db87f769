import "server-only";
import { z } from "@/lib/zod";
import { db } from "@/lib/db";
import { sendJob, QUEUES } from "@/lib/jobs/queue";
import { allDocumentBatches, loadDocuments } from "@/lib/search/documents";
import { getSearchIndex } from "@/lib/search/engine";
import { getIndexStatus } from "@/lib/search/index-status";
import { clearSearchCaches } from "@/lib/search/result-cache";
import { INDEX_LOCK, REBUILD_LOCK } from "@/lib/search/locks";

export { getIndexStatus, type IndexStatus } from "@/lib/search/index-status";

/**
 * Keeps the search index in line with the course tables.
 *
 * - `enqueueCourseSync(codes)`: what course use cases call after every publish, edit or
 *   cancellation. It queues a pg-boss job; a worker runs `syncCourses` within seconds (well
 *   within the promised minute).
 * - `syncCourses(codes)`: brings those courses' documents up to date now (added, replaced, or
 *   removed when the course is no longer public).
 * - `rebuildSearchIndex()`: the hourly full rebuild (and at start-up when needed): builds a new index aside
 *   from every public course and swaps it in, repairing anything a sync missed.
 *
 * Syncs and rebuilds take a PostgreSQL advisory lock (lib/search/locks.ts; syncs shared, a rebuild exclusive) so that
 * a sync never writes into an index that a rebuild is about to replace: a sync that arrives
 * during a rebuild waits for the swap and then applies its change to the new index.
 */

const codesSchema = z.array(z.string().regex(/^\d{1,20}$/, "course codes are digits")).max(10_000);

async function withIndexLock<T>(mode: "shared" | "exclusive", timeoutMs: number, work: () => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$queryRawUnsafe(`SELECT 1 FROM pg_advisory_xact_lock${mode === "shared" ? "_shared" : ""}($1::bigint)`, INDEX_LOCK);
      return work();
    },
    { timeout: timeoutMs, maxWait: 30_000 },
  );
}

async function markSynced(engine: string, rebuilt?: { count: number }): Promise<void> {
  const now = new Date();
  await db.searchIndexState.upsert({
    where: { id: 1 },
    create: { id: 1, engine, lastSyncedAt: now, lastRebuiltAt: rebuilt ? now : null, documentCount: rebuilt?.count ?? 0 },
    update: rebuilt ? { engine, lastSyncedAt: now, lastRebuiltAt: now, documentCount: rebuilt.count } : { engine, lastSyncedAt: now },
  });
  clearSearchCaches();
}

/** Updates the index for these courses now. Returns how many documents were written and removed. */
export async function syncCourses(codes: string[]): Promise<{ upserted: number; removed: number }> {
  const unique = [...new Set(codesSchema.parse(codes))];
  if (!unique.length) return { upserted: 0, removed: 0 };
  const index = await getSearchIndex();
  return withIndexLock("shared", 10 * 60_000, async () => {
    // Read inside the lock: after a rebuild that ran meanwhile, this is still the newest state.
    const { upsert, remove } = await loadDocuments(unique);
    await index.upsert(upsert);
    await index.remove(remove);
    await markSynced(index.engine);
    return { upserted: upsert.length, removed: remove.length };
  });
}

/** Queues a sync of these courses (a pg-boss job, run within seconds by the job worker). */
export async function enqueueCourseSync(codes: string[]): Promise<void> {
  const unique = [...new Set(codesSchema.parse(codes))];
  if (!unique.length) return;
  await sendJob(QUEUES.searchSync, { codes: unique });
}

/**
 * Rebuilds the whole index aside and swaps it in. When another rebuild is already running
 * (another app instance), returns { skipped: true } at once.
 */
export async function rebuildSearchIndex(): Promise<{ count: number; skipped: boolean; seconds: number }> {
  const started = Date.now();
  const index = await getSearchIndex();
  return db.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(`SELECT pg_try_advisory_xact_lock($1::bigint) AS locked`, REBUILD_LOCK);
      if (!locked) return { count: 0, skipped: true, seconds: 0 };
      const { count } = await withIndexLock("exclusive", 60 * 60_000, () => index.rebuild(allDocumentBatches()));
      await markSynced(index.engine, { count });
      return { count, skipped: false, seconds: (Date.now() - started) / 1000 };
    },
    { timeout: 60 * 60_000, maxWait: 30_000 },
  );
}

/**
 * At start-up: builds the index now when it has never been built (so the first search finds
 * courses); queues a rebuild when courses changed without a sync while the app was down (more or
 * fewer public courses than documents, or a course updated after the last sync); otherwise
 * leaves the index to the syncs and the hourly rebuild.
 */
export async function prepareSearchIndex(log: (line: string) => void = console.log): Promise<void> {
  const status = await getIndexStatus();
  const index = await getSearchIndex();
  if (!status || status.engine !== index.engine) {
    const { count, seconds, skipped } = await rebuildSearchIndex();
    if (!skipped) log(`[search] built the ${index.engine} index: ${count} courses in ${seconds.toFixed(1)} s`);
    return;
  }
  const [courses] = await db.$queryRawUnsafe<{ n: number; latest: Date | null }[]>(
    `SELECT count(*)::int AS n, max("updatedAt") AS latest FROM "Course" WHERE status IN ('PUBLISHED', 'CANCELLED')`,
  );
  const documents = await index.count();
  if (courses.n !== documents || (courses.latest && courses.latest > status.lastSyncedAt)) {
    log(`[search] the index is behind the courses (${documents} documents, ${courses.n} public courses): rebuilding`);
    await sendJob(QUEUES.searchRebuild, {});
  }
}
