// `npm test`: every test, starting what the tests need.
//   1. schema.prisma has no change without a migration;
//   2. a PostgreSQL of its own (embedded, port 54339, .pgdata/test) unless DATABASE_URL is set
//      (then databases named <name>_test… on that server), never the demo data;
//   3. a template database migrated from empty; each Jest worker copies it;
//   4. Jest: unit and integration tests;
//   5. an e2e database seeded with a small deterministic data set, a mail catcher
//      (scripts/mail/dev-smtp.ts, read on /dev/mail), `next build`, Playwright.
// Usage: tsx scripts/test.ts [all|jest|e2e] [extra args for jest or playwright]
// Parallel runs on one machine: set TEST_PG_PORT, E2E_PORT and E2E_DIST_DIR (e.g. 54349, 3110, .next-test-2).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { startPostgres, PostgresStartError, type RunningPostgres } from "./db/postgres";
import { applyMigrations, checkMigrations } from "./db/migrate";
import { repoRoot } from "./env-file";
import { startMailCatcher, type MailCatcher } from "./mail/dev-smtp";

const log = (line: string) => console.log(`[test] ${line}`);
const RESULTS = path.join(repoRoot, "test-results");
const JEST_JSON = path.join(RESULTS, "jest.json");
const PLAYWRIGHT_JSON = path.join(RESULTS, "playwright.json");

/** Adds up what Jest and Playwright report, for one closing line. */
function tally(): { passed: number; failed: number; skipped: number } {
  const t = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(JEST_JSON)) {
    const j = JSON.parse(readFileSync(JEST_JSON, "utf8"));
    t.passed += j.numPassedTests;
    t.failed += j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0);
    t.skipped += j.numPendingTests;
  }
  if (existsSync(PLAYWRIGHT_JSON)) {
    const p = JSON.parse(readFileSync(PLAYWRIGHT_JSON, "utf8")).stats ?? {};
    t.passed += (p.expected ?? 0) + (p.flaky ?? 0);
    t.failed += p.unexpected ?? 0;
    t.skipped += p.skipped ?? 0;
  }
  return t;
}

/** Fixed, non-secret settings for tests only. */
export const TEST_ENV = {
  NEXTAUTH_SECRET: "test-secret-test-secret-test-secret-0123456789",
  NATIONAL_ID_KEYS: `k1:${Buffer.alloc(32, 7).toString("base64")},k0:${Buffer.alloc(32, 3).toString("base64")}`,
  NATIONAL_ID_KEY_ID: "k1",
  NATIONAL_ID_HASH_KEY: "test-hash-key-test-hash-key-test-hash-key-0123",
  NEXT_TELEMETRY_DISABLED: "1",
};

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function recreateDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  } finally {
    await c.end();
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, env, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const [mode = "all", ...extra] = process.argv.slice(2);
  const started = Date.now();
  const missing = await checkMigrations();
  if (missing) {
    console.error("prisma/schema.prisma has changes without a migration. Run: npm run db:migration:create -- <name>\n" + missing);
    process.exit(1);
  }

  rmSync(JEST_JSON, { force: true });
  rmSync(PLAYWRIGHT_JSON, { force: true });
  mkdirSync(RESULTS, { recursive: true });
  let pg: RunningPostgres;
  try {
    pg = await startPostgres("test", log);
  } catch (e) {
    // One sentence saying what went wrong and what to do (scripts/db/embedded-server.ts).
    console.error(e instanceof PostgresStartError ? e.message : `PostgreSQL could not be started: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  // Stopped from outside (a CI timeout, Ctrl+C): stop the database too, not only this process.
  const stopOnSignal = () => void pg.stop().finally(() => process.exit(1));
  process.once("SIGTERM", stopOnSignal);
  process.once("SIGINT", stopOnSignal);
  let catcher: MailCatcher | undefined;
  let code = 0;
  try {
    const base = new URL(pg.url).pathname.slice(1);
    const template = `${base}_template`;
    await recreateDatabase(pg.adminUrl, template);
    const applied = await applyMigrations(withDatabase(pg.url, template));
    log(`Template database ${template}: ${applied.length} migrations applied from empty.`);
    const env = { ...process.env, ...TEST_ENV, TEST_PG_ADMIN_URL: pg.adminUrl, TEST_TEMPLATE_DB: template };

    if (mode === "all" || mode === "jest") {
      log("Jest: unit and integration tests …");
      const args = ["jest", "--json", `--outputFile=${JEST_JSON}`, ...(process.env.CI ? ["--ci"] : []), ...(mode === "jest" ? extra : [])];
      code = await run("npx", args, { ...env, NODE_ENV: "test" });
    }

    if (code === 0 && (mode === "all" || mode === "e2e")) {
      const e2eDb = `${base}_e2e`;
      await recreateDatabase(pg.adminUrl, e2eDb, template);
      const e2eUrl = withDatabase(pg.url, e2eDb);
      log("Seeding the end-to-end database …");
      Object.assign(process.env, TEST_ENV, { DATABASE_URL: e2eUrl });
      const { seedDemoData } = await import("../prisma/seed/index");
      await seedDemoData(e2eUrl, { seed: 1, courses: 2000, today: undefined, force: true, log });
      // The app under test always mails the development catcher (never a real server), one per
      // slot: its folder is named after E2E_PORT and its port is E2E_PORT + 1000 when free.
      const e2ePort = Number(process.env.E2E_PORT ?? 3100);
      const mailDir = path.join(repoRoot, ".mail", `e2e-${e2ePort}`);
      rmSync(mailDir, { recursive: true, force: true });
      catcher = await startMailCatcher({ port: e2ePort + 1000, dir: mailDir });
      log(`Mail catcher: ${catcher.url}, messages in ${path.relative(repoRoot, mailDir)}`);
      const e2eEnv = {
        ...env,
        DATABASE_URL: e2eUrl,
        SITE_URL: `http://localhost:${e2ePort}`,
        NEXT_DIST_DIR: process.env.E2E_DIST_DIR || ".next-test",
        NODE_ENV: "production",
        SMTP_URL: catcher.url,
        MAIL_CATCHER_DIR: mailDir,
      } as NodeJS.ProcessEnv;
      log("Building the app for end-to-end tests …");
      code = await run("npx", ["next", "build"], e2eEnv);
      if (code === 0) {
        log("Playwright (Chromium) …");
        code = await run("npx", ["playwright", "test", ...(mode === "e2e" ? extra : [])], { ...e2eEnv, NODE_ENV: "test" });
      }
    }
  } finally {
    await catcher?.close();
    await pg.stop();
  }
  const t = tally();
  log(`${code === 0 ? "All tests passed" : "Tests failed"} in ${Math.round((Date.now() - started) / 1000)} s.`);
  console.log(`${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
  process.exit(code);
}

if (require.main === module) void main();
