import "server-only";
import { env } from "@/lib/env";
import type { SearchIndex } from "@/lib/search/index-port";
import { createMeiliClient, MeilisearchIndex } from "@/lib/search/meilisearch-index";
import { PostgresSearchIndex } from "@/lib/search/postgres-index";

/**
 * The search index in use: Meilisearch when MEILISEARCH_URL is set, otherwise PostgreSQL.
 * One per process.
 */
const globalForSearch = globalThis as unknown as { __inserviceSearchIndex?: Promise<SearchIndex> };

export function getSearchIndex(): Promise<SearchIndex> {
  globalForSearch.__inserviceSearchIndex ??= (async () => {
    const { MEILISEARCH_URL, MEILISEARCH_KEY, MEILISEARCH_INDEX } = env();
    if (MEILISEARCH_URL) return new MeilisearchIndex(await createMeiliClient(MEILISEARCH_URL, MEILISEARCH_KEY), MEILISEARCH_INDEX);
    return new PostgresSearchIndex();
  })();
  return globalForSearch.__inserviceSearchIndex;
}
