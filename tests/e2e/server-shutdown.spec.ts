import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { Client } from "pg";
import PgBoss from "pg-boss";
import { INDEX_LOCK } from "../../lib/search/locks";
import { expect, test } from "./helpers";

// The production server (scripts/serve.ts) told to stop, as a deploy does (SIGTERM). Each test
// runs a server of its own, on its own empty database from the migrated template, so that the
// end-to-end server cannot take its jobs.

const PORT = Number(process.env.E2E_PORT ?? 3100) + 7;
const root = path.resolve(__dirname, "../..");

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

type Served = { url: string; db: Client; server: ChildProcess; exited: Promise<number | null>; stop: () => Promise<void> };

/** A fresh database and serve.ts on it, up with its job worker; `stop` removes both. */
async function serve(name: string): Promise<Served> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  const template = process.env.TEST_TEMPLATE_DB;
  if (!adminUrl || !template) throw new Error("These tests need the databases that `npm test` prepares: run them with npm test (or npm run test:e2e).");
  const database = `${template.replace(/_template$/, "")}_${name}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`);
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  const url = u.toString();
  const server = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/serve.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, SITE_URL: `http://localhost:${PORT}`, PORT: String(PORT), WEB_CONCURRENCY: "1", PAGE_CACHE: "off", NODE_ENV: "production" },
    stdio: "ignore",
    detached: true,
  });
  const exited = new Promise<number | null>((r) => server.on("exit", (code) => r(code)));
  const db = new Client({ connectionString: url });
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      try {
        process.kill(-server.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }
    await db.end().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
    await admin.end();
  };
  try {
    await until("the server", async () => ((await fetch(`http://localhost:${PORT}/api/health`)).ok ? true : undefined), 60_000);
    await db.connect();
    // Its job worker is up once it has built the (empty) index at start-up.
    await until("the job worker", async () => ((await db.query(`SELECT 1 FROM "SearchIndexState" WHERE id = 1`)).rowCount ? true : undefined), 60_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, db, server, exited, stop };
}

test.beforeEach(() => {
  test.setTimeout(90_000);
});

// The rebuild queue takes one job at a time: a job left "active" by a server that was gone held
// every later rebuild back until it expired, an hour later. The test holds the index lock, so that
// the rebuild is still running when the signal comes.
test("a server told to stop hands the search rebuild it is running back to the queue", async () => {
  const s = await serve("shutdown");
  const lock = new Client({ connectionString: s.url });
  try {
    await lock.connect();
    await lock.query(`SELECT pg_advisory_lock($1::bigint)`, [INDEX_LOCK]);
    const boss = new PgBoss({ connectionString: s.url, supervise: false, schedule: false, migrate: false });
    await boss.start();
    const id = await boss.send("search-rebuild", {});
    await boss.stop({ graceful: false });
    expect(id).toBeTruthy();
    const state = async () => (await s.db.query<{ state: string; output: unknown }>(`SELECT state::text AS state, output FROM pgboss.job WHERE id = $1`, [id])).rows[0];
    await until("the rebuild to start", async () => ((await state())?.state === "active" ? true : undefined));

    const signalled = Date.now();
    process.kill(-s.server.pid!, "SIGTERM");
    expect(await s.exited).toBe(0);
    const tookMs = Date.now() - signalled;
    expect(tookMs).toBeGreaterThan(4_000); // the rebuild was given its grace period
    expect(tookMs).toBeLessThan(10_000); // within what `npm run demo` waits before SIGKILL

    const after = await state();
    expect(after.state).toBe("retry");
    expect(JSON.stringify(after.output)).toContain("shut down");
  } finally {
    await lock.end().catch(() => {});
    await s.stop();
  }
});

// A request under way when the signal comes (here one whose body is still arriving) gets its
// answer; the server does not take new connections meanwhile.
test("a server told to stop still answers the request under way", async () => {
  const s = await serve("shutdown_request");
  const socket = net.connect(PORT, "127.0.0.1");
  try {
    await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (received += chunk));
    const ended = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    const body = JSON.stringify({ answers: {} });
    socket.write(
      `PUT /api/courses/9999999/registration HTTP/1.1\r\nHost: localhost:${PORT}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`,
    );
    await new Promise((r) => setTimeout(r, 300));
    process.kill(-s.server.pid!, "SIGTERM");
    // Past the moment a server without this care would have exited.
    await new Promise((r) => setTimeout(r, 1_500));
    await expect(fetch(`http://localhost:${PORT}/api/health`)).rejects.toThrow(); // no new connections
    socket.write(body.slice(5));
    await until("the answer", async () => (received.includes("\r\n\r\n{") && received.trim().endsWith("}") ? true : undefined), 5_000);
    expect(received).toMatch(/^HTTP\/1\.1 401 /); // not signed in: the door's own answer
    expect(received).toContain("請先登入");
    await ended;
    expect(await s.exited).toBe(0);
  } finally {
    socket.destroy();
    await s.stop();
  }
});
