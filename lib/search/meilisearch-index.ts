import "server-only";
import type { IndexSwap, Settings, Task } from "meilisearch";
import type { CompiledQuery } from "@/lib/search/compile";
import type { SearchDocument } from "@/lib/search/documents";
import type { SearchFacets, SearchIndex, SearchResult } from "@/lib/search/index-port";
import { buildMeiliSearch, indexSettings, RETRIEVED_ATTRIBUTES, toMeiliDocument, type MeiliSearchRequest } from "@/lib/search/meilisearch-requests";

/**
 * The Meilisearch search index, used when MEILISEARCH_URL is set. Requests are built by
 * meilisearch-requests.ts; this file only talks to the server through the official client.
 * A rebuild fills a new index (`<uid>_build_<time>`), swaps it with the live one in one
 * Meilisearch task, and deletes the old contents.
 */

/** The parts of the official client this adapter uses (a fake stands in for it in unit tests). */
type TaskPromise = Promise<unknown> & { waitTask(options?: { timeout?: number; interval?: number }): Promise<Task> };
export interface MeiliIndexClient {
  search(q: string, params: MeiliSearchRequest["params"] | Record<string, unknown>): Promise<{
    hits: Record<string, unknown>[];
    totalHits?: number;
    facetDistribution?: Record<string, Record<string, number>>;
  }>;
  addDocuments(docs: object[], options?: { primaryKey?: string }): TaskPromise;
  deleteDocuments(ids: string[]): TaskPromise;
  updateSettings(settings: Settings): TaskPromise;
  getStats(): Promise<{ numberOfDocuments: number }>;
}
export interface MeiliClient {
  index(uid: string): MeiliIndexClient;
  createIndex(uid: string, options?: { primaryKey?: string }): TaskPromise;
  deleteIndex(uid: string): TaskPromise;
  getIndex(uid: string): Promise<unknown>;
  swapIndexes(swaps: IndexSwap[]): TaskPromise;
}

const TASK_WAIT = { timeout: 10 * 60_000, interval: 100 };
const BATCH = 5000;

async function done(task: TaskPromise, what: string): Promise<Task> {
  const result = await task.waitTask(TASK_WAIT);
  if (result.status !== "succeeded") {
    throw new Error(`Meilisearch: ${what} ${result.status}${result.error ? `: ${result.error.message}` : ""}`);
  }
  return result;
}

function isNotFound(e: unknown): boolean {
  const err = e as { cause?: { code?: string }; response?: { status?: number } };
  return err?.cause?.code === "index_not_found" || err?.response?.status === 404;
}

/**
 * Loads the official client. The package is an ES module; Jest's CommonJS runtime cannot load
 * it, so under Jest it is required through Node's own loader (Node ≥ 20.19 loads ES modules
 * with require).
 */
export async function loadMeilisearchModule(): Promise<typeof import("meilisearch")> {
  if (process.env.JEST_WORKER_ID) {
    const OuterFunction = setTimeout.constructor as FunctionConstructor;
    const nodeModule = new OuterFunction("return process.getBuiltinModule('node:module')")() as typeof import("node:module");
    return nodeModule.createRequire(`${process.cwd()}/`)("meilisearch");
  }
  return import("meilisearch");
}

export async function createMeiliClient(host: string, apiKey?: string): Promise<MeiliClient> {
  const { Meilisearch } = await loadMeilisearchModule();
  return new Meilisearch({ host, apiKey }) as unknown as MeiliClient;
}

export class MeilisearchIndex implements SearchIndex {
  readonly engine = "meilisearch" as const;
  private ready: Promise<void> | undefined;

  constructor(
    private readonly client: MeiliClient,
    readonly uid = "courses",
  ) {}

  /** Creates the live index with its settings the first time it is needed. */
  private ensureIndex(): Promise<void> {
    this.ready ??= (async () => {
      try {
        await this.client.getIndex(this.uid);
      } catch (e) {
        if (!isNotFound(e)) throw e;
        await done(this.client.createIndex(this.uid, { primaryKey: "code" }), `creating index ${this.uid}`);
      }
      await done(this.client.index(this.uid).updateSettings(indexSettings()), `settings of ${this.uid}`);
    })();
    this.ready.catch(() => {
      this.ready = undefined;
    });
    return this.ready;
  }

  async search(query: CompiledQuery): Promise<SearchResult> {
    if (query.none) return { hits: [], total: 0 };
    await this.ensureIndex();
    const request = buildMeiliSearch(query);
    const res = await this.client.index(this.uid).search(request.q, request.params);
    return { hits: res.hits.map(fromHit), total: res.totalHits ?? 0 };
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    if (!docs.length) return;
    await this.ensureIndex();
    for (let i = 0; i < docs.length; i += BATCH) {
      await done(this.client.index(this.uid).addDocuments(docs.slice(i, i + BATCH).map(toMeiliDocument), { primaryKey: "code" }), "adding documents");
    }
  }

  async remove(codes: string[]): Promise<void> {
    if (!codes.length) return;
    await this.ensureIndex();
    await done(this.client.index(this.uid).deleteDocuments(codes), "deleting documents");
  }

  async rebuild(batches: AsyncIterable<SearchDocument[]>): Promise<{ count: number }> {
    await this.ensureIndex();
    const build = `${this.uid}_build_${Date.now()}`;
    await done(this.client.createIndex(build, { primaryKey: "code" }), `creating index ${build}`);
    try {
      await done(this.client.index(build).updateSettings(indexSettings()), `settings of ${build}`);
      let count = 0;
      for await (const batch of batches) {
        if (!batch.length) continue;
        await done(this.client.index(build).addDocuments(batch.map(toMeiliDocument), { primaryKey: "code" }), `adding documents to ${build}`);
        count += batch.length;
      }
      // One task swaps the two indexes' contents: searches see the old documents or the new ones.
      await done(this.client.swapIndexes([{ indexes: [this.uid, build], rename: false }]), `swapping ${this.uid} and ${build}`);
      return { count: (await this.client.index(this.uid).getStats()).numberOfDocuments };
    } finally {
      // After the swap this holds the old documents; after a failure, the half-built ones.
      await done(this.client.deleteIndex(build), `deleting ${build}`).catch(() => undefined);
    }
  }

  async count(): Promise<number> {
    await this.ensureIndex();
    return (await this.client.index(this.uid).getStats()).numberOfDocuments;
  }

  async facets(): Promise<SearchFacets> {
    await this.ensureIndex();
    const res = await this.client.index(this.uid).search("", { limit: 0, facets: ["category", "tags"] });
    const keys = (name: string) => Object.keys(res.facetDistribution?.[name] ?? {}).sort();
    const tags = Object.entries(res.facetDistribution?.tags ?? {}).map(([name, count]) => ({ name, count }));
    tags.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { categories: keys("category"), tags };
  }
}

function fromHit(hit: Record<string, unknown>): SearchDocument {
  const doc = {} as Record<string, unknown>;
  for (const key of RETRIEVED_ATTRIBUTES) doc[key] = hit[key] ?? null;
  return doc as SearchDocument;
}
