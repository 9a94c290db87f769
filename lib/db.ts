import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";

/**
 * The one PrismaClient, on the pg driver adapter. Kept on globalThis so that Next's dev
 * server reloading modules does not open a new pool each time.
 */
const globalForDb = globalThis as unknown as { __inserviceDb?: PrismaClient };

function createClient(): PrismaClient {
  const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
  const adapter = new PrismaPg({ connectionString: DATABASE_URL, max: DATABASE_POOL_SIZE });
  // Minimal error messages: the pretty format reads source files and costs tens of
  // milliseconds per error, which a rush of refusals cannot afford.
  return new PrismaClient({ adapter, errorFormat: "minimal" });
}

export function getDb(): PrismaClient {
  globalForDb.__inserviceDb ??= createClient();
  return globalForDb.__inserviceDb;
}

/** Lazily created on first property access, so importing this module needs no environment. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  if (globalForDb.__inserviceDb) {
    await globalForDb.__inserviceDb.$disconnect();
    globalForDb.__inserviceDb = undefined;
  }
}

export type { PrismaClient };
