// Prepares a database for the search benchmark and precision measurements: creates it on the
// test-profile PostgreSQL (TEST_PG_PORT, started if needed, left as it was found), applies the
// migrations, generates the demo data and builds the search index, timing the rebuild.
//   TEST_PG_PORT=54359 npx tsx --conditions=react-server tests/bench/search-setup.ts --db search_bench --courses 100000
// Prints the DATABASE_URL to use with tests/bench/search.ts and tests/bench/search-precision.ts.
// --reindex: keep the database and its data, only rebuild the search index (twice, timed).
import { Client } from "pg";
import { startPostgres } from "../../scripts/db/postgres";
import { applyMigrations } from "../../scripts/db/migrate";
import { TEST_ENV } from "../../scripts/test";

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main() {
  const name = flag("db", "search_bench");
  const courses = Number(flag("courses", "100000"));
  if (!/^[a-z_][a-z0-9_]*$/.test(name) || name.startsWith("inservice")) throw new Error("--db must be a new lower-case name (not inservice*)");
  const reindex = process.argv.includes("--reindex");
  const pg = await startPostgres("test");
  try {
    const url = new URL(pg.adminUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    if (!reindex) {
      const admin = new Client({ connectionString: pg.adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
    }
    await applyMigrations(databaseUrl);
    Object.assign(process.env, TEST_ENV, { DATABASE_URL: databaseUrl });
    if (!reindex) {
      const { seedDemoData } = await import("../../prisma/seed/index");
      await seedDemoData(databaseUrl, { seed: 1, courses, force: true });
    }
    const { rebuildSearchIndex } = await import("../../lib/search/sync");
    const { disconnectDb } = await import("../../lib/db");
    const first = await rebuildSearchIndex();
    console.log(`Search index built: ${first.count} documents in ${first.seconds.toFixed(1)} s`);
    const second = await rebuildSearchIndex();
    console.log(`Rebuilt aside and swapped: ${second.count} documents in ${second.seconds.toFixed(1)} s`);
    await disconnectDb();
    console.log(`DATABASE_URL=${databaseUrl}`);
  } finally {
    await pg.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
