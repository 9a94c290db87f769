import type { SearchDocument } from "@/lib/search/documents";
import type { CompiledQuery } from "@/lib/search/compile";

/**
 * The search index port. Two adapters implement it and pass one contract suite
 * (tests/integration/search-contract.test.ts): PostgreSQL (postgres-index.ts, the default) and
 * Meilisearch (meilisearch-index.ts, when MEILISEARCH_URL is set).
 */
export type SearchResult = { hits: SearchDocument[]; total: number };

/** A tag and how many documents of the index carry it. */
export type TagFacet = { name: string; count: number };

/** Tags are ordered by count (most first), then by name. */
export type SearchFacets = { categories: string[]; tags: TagFacet[] };

export interface SearchIndex {
  readonly engine: "postgres" | "meilisearch";
  search(query: CompiledQuery): Promise<SearchResult>;
  /** Adds or replaces documents (by course code). */
  upsert(docs: SearchDocument[]): Promise<void>;
  /** Removes documents by course code; unknown codes are ignored. */
  remove(codes: string[]): Promise<void>;
  /**
   * Builds a complete new index aside from the live one, from every document, then swaps it in
   * at once: searches see the old index until the swap and the new one after it.
   */
  rebuild(batches: AsyncIterable<SearchDocument[]>): Promise<{ count: number }>;
  /** Number of documents in the live index. */
  count(): Promise<number>;
  /** The 研習類別 that occur, and the 專案屬性標籤 with their counts of public courses, for the search forms. */
  facets(): Promise<SearchFacets>;
}
