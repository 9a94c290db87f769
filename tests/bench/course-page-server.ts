// Shared by the course-page benchmarks: PostgreSQL with the demo data, a production build of
// the app, served on its own port; everything started here is stopped by stop().
// With BASE_URL set, nothing is started and that server is used as it is.
//
//   BENCH_COURSES      demo courses to generate (default 100000; generated once, then reused)
//   BENCH_PORT         port of the app (default 3160)
//   BENCH_SKIP_BUILD=1 reuse the last build in .next-test-bench-course-page
//   DATABASE_URL       use this PostgreSQL server instead of starting one
//   TEST_PG_PORT       port of the embedded PostgreSQL otherwise (default 54339)
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { startPostgres, ensureDatabase, type RunningPostgres } from "../../scripts/db/postgres";
import { applyMigrations } from "../../scripts/db/migrate";
import { TEST_ENV } from "../../scripts/test";

export const root = path.resolve(__dirname, "../..");
const DIST_DIR = ".next-test-bench-course-page";
const DATABASE = "inservice_bench_course_page";

export type CoursePageServer = { baseUrl: string; stop(): Promise<void> };

const log = (line: string) => console.log(`[bench] ${line}`);

function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

export async function startCoursePageServer(): Promise<CoursePageServer> {
  if (process.env.BASE_URL) {
    log(`using the server at ${process.env.BASE_URL} (nothing started)`);
    return { baseUrl: process.env.BASE_URL.replace(/\/$/, ""), stop: async () => {} };
  }
  const courses = Number(process.env.BENCH_COURSES ?? 100_000);
  const port = Number(process.env.BENCH_PORT ?? 3160);
  let pg: RunningPostgres | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    pg = await startPostgres("test", log);
    await ensureDatabase(pg.adminUrl, DATABASE);
    const u = new URL(pg.adminUrl);
    u.pathname = `/${DATABASE}`;
    databaseUrl = u.toString();
  }
  Object.assign(process.env, TEST_ENV, { DATABASE_URL: databaseUrl });
  await applyMigrations(databaseUrl);
  const { seedDemoData } = await import("../../prisma/seed/index");
  await seedDemoData(databaseUrl, { seed: 1, courses, log });

  const baseUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, ...TEST_ENV, DATABASE_URL: databaseUrl, SITE_URL: baseUrl, NEXT_DIST_DIR: DIST_DIR, NODE_ENV: "production" };
  if (!(process.env.BENCH_SKIP_BUILD === "1" && existsSync(path.join(root, DIST_DIR, "BUILD_ID")))) {
    log(`next build into ${DIST_DIR} …`);
    if ((await exitCode(spawn("npx", ["next", "build"], { cwd: root, env, stdio: "inherit" }))) !== 0) {
      await pg?.stop();
      throw new Error("next build failed");
    }
  }
  // The production server (`npm start`: scripts/serve.ts, one process per core unless
  // WEB_CONCURRENCY says otherwise), in its own process group, so stop() ends it and nothing else.
  const server = spawn("npx", ["tsx", "scripts/serve.ts"], { cwd: root, env: { ...env, PORT: String(port) }, stdio: "ignore", detached: true });
  let up = false;
  for (let i = 0; i < 120 && !up; i++) {
    try {
      up = (await fetch(`${baseUrl}/api/health`)).ok;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const stop = async () => {
    if (server.exitCode === null && server.pid) {
      const exited = exitCode(server);
      process.kill(-server.pid, "SIGTERM");
      await exited;
    }
    await pg?.stop();
  };
  if (!up) {
    await stop();
    throw new Error(`the app did not start on ${baseUrl}`);
  }
  log(`app on ${baseUrl}`);
  return { baseUrl, stop };
}

/** Requests a URL until it answers 200 `times` times (first render, then cached). */
export async function warm(url: string, times = 20): Promise<void> {
  for (let i = 0; i < times; i++) {
    const res = await fetch(url);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  }
}
