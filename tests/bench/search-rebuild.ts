// One full rebuild of the search index (rebuildSearchIndex, as the hourly job runs it in the
// worker process), in its own process: tests/bench/search.ts --rebuild starts it and keeps
// searching meanwhile. Prints one line of JSON: { count, seconds, skipped }.
//   DATABASE_URL=… npx tsx --conditions=react-server tests/bench/search-rebuild.ts
import { TEST_ENV } from "../../scripts/test";

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL");
  Object.assign(process.env, { ...TEST_ENV, ...process.env });
  const { rebuildSearchIndex } = await import("../../lib/search/sync");
  const { disconnectDb } = await import("../../lib/db");
  const result = await rebuildSearchIndex();
  console.log(JSON.stringify(result));
  await disconnectDb();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
