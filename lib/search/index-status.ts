import "server-only";
import { db } from "@/lib/db";

export type IndexStatus = { engine: string; lastSyncedAt: Date; lastRebuiltAt: Date | null; documentCount: number };

/** When the index was last brought up to date, or null when it was never built. */
export async function getIndexStatus(): Promise<IndexStatus | null> {
  const row = await db.searchIndexState.findUnique({ where: { id: 1 } });
  return row && { engine: row.engine, lastSyncedAt: row.lastSyncedAt, lastRebuiltAt: row.lastRebuiltAt, documentCount: row.documentCount };
}
