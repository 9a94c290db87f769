import { Client } from "pg";

/**
 * Integration tests: each test file gets a fresh database copied from the migrated
 * template that `npm test` prepares (TEST_PG_ADMIN_URL, TEST_TEMPLATE_DB), so files never
 * see each other's rows and never touch the demo data. Call at the top of the file.
 */
export function useTestDatabase(): { url: () => string } {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  const template = process.env.TEST_TEMPLATE_DB;
  if (!adminUrl || !template) {
    throw new Error("Integration tests need the database that `npm test` starts: run them with npm test (or npm run test:jest).");
  }
  const name = `${template.replace(/_template$/, "")}_w${process.env.JEST_WORKER_ID ?? "1"}`;
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  process.env.DATABASE_URL = url;

  beforeAll(async () => {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    } finally {
      await c.end();
    }
  });

  afterAll(async () => {
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
  });

  return { url: () => url };
}
