import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { Client } from "pg";
import PgBoss from "pg-boss";
import { INDEX_LOCK } from "../../lib/search/locks";

// The production server (scripts/serve.ts) told to stop, as a deploy does (SIGTERM), while its
// job worker runs a search rebuild: the rebuild is handed back to the queue to be retried, not
// left "active" in a process that is gone. (The rebuild queue takes one job at a time, so a
// stale active one held every later rebuild back until it expired, an hour later.)
// A server of its own, on its own empty database from the migrated template, so that the
// end-to-end server cannot take the job instead; the test holds the index lock, so that the
// rebuild is still running when the signal comes.

const PORT = Number(process.env.E2E_PORT ?? 3100) + 7;
const root = path.resolve(__dirname, "../..");

function databaseUrl(database: string): string {
  const u = new URL(process.env.TEST_PG_ADMIN_URL!);
  u.pathname = `/${database}`;
  return u.toString();
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test("a server told to stop hands the search rebuild it is running back to the queue", async ({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one server, whatever the screen");
  test.setTimeout(90_000);
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  const template = process.env.TEST_TEMPLATE_DB;
  test.skip(!adminUrl || !template, "needs the databases that npm test prepares");

  const database = `${template!.replace(/_template$/, "")}_shutdown`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`);
  const url = databaseUrl(database);

  let server: ChildProcess | undefined;
  const lock = new Client({ connectionString: url });
  const db = new Client({ connectionString: url });
  try {
    server = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/serve.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, SITE_URL: `http://localhost:${PORT}`, PORT: String(PORT), WEB_CONCURRENCY: "1", PAGE_CACHE: "off", NODE_ENV: "production" },
      stdio: "ignore",
      detached: true,
    });
    const exited = new Promise<number | null>((r) => server!.on("exit", (code) => r(code)));
    await until("the server", async () => ((await fetch(`http://localhost:${PORT}/api/health`)).ok ? true : undefined), 60_000);
    await db.connect();
    // Its job worker is up once it has built the (empty) index at start-up.
    await until("the job worker", async () => ((await db.query(`SELECT 1 FROM "SearchIndexState" WHERE id = 1`)).rowCount ? true : undefined), 60_000);

    await lock.connect();
    await lock.query(`SELECT pg_advisory_lock($1::bigint)`, [INDEX_LOCK]);
    const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false, migrate: false });
    await boss.start();
    const id = await boss.send("search-rebuild", {});
    await boss.stop({ graceful: false });
    expect(id).toBeTruthy();
    const state = async () => (await db.query<{ state: string; output: unknown }>(`SELECT state::text AS state, output FROM pgboss.job WHERE id = $1`, [id])).rows[0];
    await until("the rebuild to start", async () => ((await state())?.state === "active" ? true : undefined));

    const signalled = Date.now();
    process.kill(-server.pid!, "SIGTERM");
    expect(await exited).toBe(0);
    const tookMs = Date.now() - signalled;
    expect(tookMs).toBeGreaterThan(4_000); // the rebuild was given its grace period
    expect(tookMs).toBeLessThan(10_000); // within what `npm run demo` waits before SIGKILL

    const after = await state();
    expect(after.state).toBe("retry");
    expect(JSON.stringify(after.output)).toContain("shut down");
  } finally {
    if (server && server.exitCode === null && server.signalCode === null) {
      try {
        process.kill(-server.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }
    await lock.end().catch(() => {});
    await db.end().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
});
