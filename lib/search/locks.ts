/**
 * The PostgreSQL advisory locks of the search index (lib/search/sync.ts): syncs take INDEX_LOCK
 * shared and a rebuild takes it exclusively, so that a sync never writes into an index about to
 * be replaced; REBUILD_LOCK keeps to one rebuild at a time. A module of its own so that tests
 * outside Next (tests/e2e/server-shutdown.spec.ts) can hold them.
 */
export const INDEX_LOCK = 730_001;
export const REBUILD_LOCK = 730_002;
