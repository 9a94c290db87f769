import "server-only";
import type { CompiledQuery } from "@/lib/search/compile";
import { getSearchIndex } from "@/lib/search/engine";
import type { SearchResult } from "@/lib/search/index-port";
import { getIndexStatus } from "@/lib/search/index-status";

/**
 * Search results are public and the same for everyone, so each process keeps recent ones for up
 * to a minute, keyed by the query and by the index's last update (資料更新時間): a sync anywhere
 * changes that time, which this process reads again every few seconds (a sync in this process
 * clears the caches at once), so a change is never hidden for longer than that.
 */
const STATUS_TTL_MS = 5_000;
const RESULT_TTL_MS = 60_000;
const MAX_RESULTS = 1_000;
type Cached<T> = { at: number; value: Promise<T> };
type Caches = { status?: Cached<Date | null>; results: Map<string, Cached<SearchResult>> };
const globalForCache = globalThis as unknown as { __inserviceSearchCache?: Caches };
const caches: Caches = (globalForCache.__inserviceSearchCache ??= { results: new Map() });

export function lastUpdated(): Promise<Date | null> {
  const now = Date.now();
  if (!caches.status || now - caches.status.at > STATUS_TTL_MS) {
    const value = getIndexStatus().then((s) => s?.lastSyncedAt ?? null);
    caches.status = { at: now, value };
    value.catch(() => (caches.status = undefined));
  }
  return caches.status.value;
}

export async function cachedSearch(compiled: CompiledQuery, version: Date | null): Promise<SearchResult> {
  // 報名中 depends on the moment: such results are kept per minute.
  const key = JSON.stringify({ ...compiled, openAt: compiled.openAt ? Math.floor(compiled.openAt.getTime() / 60_000) : null, version: version?.getTime() ?? 0 });
  const now = Date.now();
  const hit = caches.results.get(key);
  if (hit && now - hit.at < RESULT_TTL_MS) {
    caches.results.delete(key);
    caches.results.set(key, hit);
    return hit.value;
  }
  const value = getSearchIndex().then((index) => index.search(compiled));
  caches.results.set(key, { at: now, value });
  value.catch(() => caches.results.delete(key));
  if (caches.results.size > MAX_RESULTS) caches.results.delete(caches.results.keys().next().value as string);
  return value;
}

/** Forgets cached results and the cached update time (after a sync in this process). */
export function clearSearchCaches(): void {
  caches.status = undefined;
  caches.results.clear();
}

