// Shared by the benchmarks: a database with demo data and a production build of the app,
// started here and stopped at the end. Uses DATABASE_URL when set (and then starts no database).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { startPostgres, type RunningPostgres } from "../../scripts/db/postgres";
import { applyMigrations } from "../../scripts/db/migrate";
import { TEST_ENV, recreateDatabase } from "../../scripts/test";

export const root = path.resolve(__dirname, "../..");

export type BenchApp = { baseUrl: string; databaseUrl: string; stop(): Promise<void> };

/** In its own process group, so stopping it stops the server processes it started too. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, inherit = true): ChildProcess {
  return spawn(cmd, args, { cwd: root, env, stdio: inherit ? "inherit" : "ignore", detached: true });
}

/**
 * Starts PostgreSQL (profile "test", its own database `inservice_bench`), migrates, seeds the
 * demo data (`courses` of them) unless already there, builds the app into .next-bench unless
 * BENCH_SKIP_BUILD=1 and a build exists, and serves it on `port`.
 */
export async function startBenchApp(options: { courses: number; port: number; poolSize?: number }): Promise<BenchApp> {
  let pg: RunningPostgres | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    pg = await startPostgres("test", (l) => console.log(`[bench] ${l}`));
    const u = new URL(pg.adminUrl);
    u.pathname = "/inservice_bench";
    const c = new Client({ connectionString: pg.adminUrl });
    await c.connect();
    const exists = (await c.query(`SELECT 1 FROM pg_database WHERE datname = 'inservice_bench'`)).rowCount;
    await c.end();
    if (!exists) await recreateDatabase(pg.adminUrl, "inservice_bench");
    databaseUrl = u.toString();
  }
  Object.assign(process.env, TEST_ENV, { DATABASE_URL: databaseUrl });
  await applyMigrations(databaseUrl);
  const { seedDemoData } = await import("../../prisma/seed/index");
  await seedDemoData(databaseUrl, { seed: 1, courses: options.courses, log: (l) => console.log(`[bench] ${l}`) });

  const baseUrl = `http://localhost:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...TEST_ENV,
    DATABASE_URL: databaseUrl,
    SITE_URL: baseUrl,
    NEXT_DIST_DIR: ".next-bench",
    DATABASE_POOL_SIZE: String(options.poolSize ?? 20),
    NODE_ENV: "production",
  };
  if (!(process.env.BENCH_SKIP_BUILD === "1" && existsSync(path.join(root, ".next-bench")))) {
    console.log("[bench] next build …");
    const code = await new Promise<number>((r) => run("npx", ["next", "build"], env).on("exit", (c) => r(c ?? 1)));
    if (code !== 0) throw new Error("next build failed");
  }
  // The production server (scripts/serve.ts, as `npm run demo` serves). BENCH_WORKERS=N: N
  // server processes on the port, as production runs one per core; default one. BENCH_PROF=dir:
  // V8 CPU profiles of the server processes, written to dir when they stop.
  const workers = Number(process.env.BENCH_WORKERS ?? 1);
  // tsx itself, not npx: npx exits at once on SIGTERM, and stop() would stop PostgreSQL under
  // server processes still finishing their work.
  const server = run(path.join(root, "node_modules", ".bin", "tsx"), [...(process.env.BENCH_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []), "scripts/serve.ts"], { ...env, PORT: String(options.port), WEB_CONCURRENCY: String(workers) }, false);
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`[bench] app on ${baseUrl} (${workers} server process${workers > 1 ? "es" : ""})`);
  return {
    baseUrl,
    databaseUrl,
    stop: async () => {
      const exited = new Promise((r) => server.on("exit", r));
      try {
        process.kill(-server.pid!, "SIGTERM");
      } catch {
        /* already gone */
      }
      await exited;
      await pg?.stop();
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Signs a teacher in through next-auth's CSRF flow; returns the Cookie header to use. */
export async function signInCookie(baseUrl: string, username: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
  const body = new URLSearchParams({ csrfToken, accountKind: "teacher", username, password, json: "true", callbackUrl: baseUrl });
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body,
    redirect: "manual",
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.includes("inservice.session="));
  if (!session) throw new Error(`sign-in failed for ${username} (status ${res.status})`);
  return session;
}

/** Runs `fn` over items with at most `limit` at a time. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}
