import "server-only";
import { getSearchIndex } from "@/lib/search/engine";
import type { SearchFacets } from "@/lib/search/index-port";

let cache: { at: number; value: Promise<SearchFacets> } | undefined;
const TEN_MINUTES = 10 * 60_000;

/** The 研習類別 and 專案屬性標籤 found in the index, for the advanced search form (cached 10 minutes). */
export async function listSearchOptions(): Promise<SearchFacets> {
  const now = Date.now();
  if (!cache || now - cache.at > TEN_MINUTES) {
    const value = getSearchIndex().then((index) => index.facets());
    cache = { at: now, value };
    value.catch(() => (cache = undefined));
  }
  return cache.value;
}
