import "server-only";
import DataLoader from "dataloader";
import { Pool } from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";

/**
 * The one database module: a pg pool, and the one PrismaClient on top of it (driver adapter).
 * Kept on globalThis so that Next's dev server reloading modules does not open new pools.
 *
 * `sql` runs a query on the same pool without Prisma. It exists for the few hot paths that
 * a rush goes through (the session's person, idempotency keys, enrol): Prisma costs about a
 * millisecond of CPU per query, which at thousands of requests a second is the bottleneck.
 * Everything else uses `db`.
 */
type Held = { pool: Pool; client: PrismaClient };
const globalForDb = globalThis as unknown as { __inserviceDb?: Held };

function create(): Held {
  const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
  const pool = new Pool({ connectionString: DATABASE_URL, max: DATABASE_POOL_SIZE });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // Minimal error messages: the pretty format reads source files and costs tens of
  // milliseconds per error, which a rush of refusals cannot afford.
  return { pool, client: new PrismaClient({ adapter, errorFormat: "minimal" }) };
}

function held(): Held {
  globalForDb.__inserviceDb ??= create();
  return globalForDb.__inserviceDb;
}

export function getDb(): PrismaClient {
  return held().client;
}

/** Lazily created on first property access, so importing this module needs no environment. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** A parameterised query on the shared pool ($1, $2 … placeholders). */
export async function sql<T extends object>(text: string, params: unknown[] = []): Promise<T[]> {
  const result = await held().pool.query(text, params);
  return result.rows as T[];
}

/**
 * Natural batching for a hot query: the calls made while the event loop handles one round of
 * I/O (every request that reached this step meanwhile) become one call of `run` with all their
 * keys, on the next turn of the loop. Under a rush that is one round trip instead of hundreds;
 * alone, a call waits for nothing but that turn. Nothing is cached: every call reads afresh.
 * `run` answers each key in order, with a value or an Error for that key alone.
 */
export function batched<K, V>(run: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>, maxBatchSize = 500): (key: K) => Promise<V> {
  const loader = new DataLoader<K, V>(run, { cache: false, maxBatchSize, batchScheduleFn: (dispatch) => setImmediate(dispatch) });
  return (key) => loader.load(key);
}

export async function disconnectDb(): Promise<void> {
  const h = globalForDb.__inserviceDb;
  if (h) {
    globalForDb.__inserviceDb = undefined;
    await h.client.$disconnect();
    await h.pool.end().catch(() => {});
  }
}

export type { PrismaClient };
