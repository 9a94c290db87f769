// The rush: N distinct demo teachers sign in, then all send 我要報名 for one 100-seat course
// at the same moment. Prints requests/s, p50/p99 latency, the count of each response status,
// the final counts in the database, the CPU time the app, PostgreSQL and the load client spent
// on the burst, and the WAL PostgreSQL wrote for it. Runs an automatic (先到先得) and a
// manual-review course, after an unmeasured warm-up on a third course; BENCH_ROUNDS=n (default
// 3) runs n of each, alternating, each on a fresh course, and ends with the median and worst
// figures per mode (this machine's speed varies from one burst to the next by a fifth or more).
//   npm run bench:rush            (BENCH_TEACHERS=2000 by default; DATABASE_URL to use your own DB)
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { DEMO_PASSWORD, teacherUsername } from "../../prisma/seed/accounts";
import { encodeRequest, rawBurst } from "./raw-client";
import { percentile, pool, root, signInCookie, startBenchApp } from "./support";

const TEACHERS = Number(process.env.BENCH_TEACHERS ?? 2000);
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const CAPACITY = 100;
const WAITLIST = 100;

async function prepareCourse(databaseUrl: string, code: string, mode: "AUTOMATIC" | "MANUAL_REVIEW"): Promise<number> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query(`DELETE FROM "RegistrationEvent" WHERE "registrationId" IN (SELECT r.id FROM "Registration" r JOIN "Course" c ON c.id = r."courseId" WHERE c.code = $1)`, [code]);
    await c.query(`DELETE FROM "Registration" WHERE "courseId" IN (SELECT id FROM "Course" WHERE code = $1)`, [code]);
    await c.query(`DELETE FROM "Course" WHERE code = $1`, [code]);
    const unit = (await c.query(`SELECT id FROM "Unit" WHERE code = '999001'`)).rows[0].id;
    const r = await c.query(
      `INSERT INTO "Course" (code, title, "classType", category, "subjectPath", "schoolYear", semester, "startDate", "endDate", "timeSlot", venue, "venueCounty",
         hours, description, audience, "classCount", "seatsPerClass", capacity, "organizerId", "contactName", "contactPhone", "contactEmail",
         "registrationOpensAt", "registrationClosesAt", "onlineRegistration", "formFields", "admissionMode", "waitlistLimit", status, "publishedAt", "updatedAt")
       VALUES ($1, $2, 'NON_CREDIT', '一般研習', '國中 / 教學', 115, 1, current_date + 30, current_date + 30, 'WEEKDAY_DAYTIME', '臺北市中正區示範路1號', '臺北市',
         3, '壓力測試用課程', '全國教師', 1, $3, $3, $4, '承辦人', '02-23110000', 'bench@example.edu.tw',
         now() - interval '1 hour', now() + interval '7 days', true, '{}', $5, $6, 'PUBLISHED', now(), now())
       RETURNING id`,
      [code, `【壓力測試】熱門研習（${mode === "AUTOMATIC" ? "先到先得" : "人工審核"}）`, CAPACITY, unit, mode, WAITLIST],
    );
    return r.rows[0].id;
  } finally {
    await c.end();
  }
}

/**
 * Every run starts from the same tables: the idempotency records of earlier runs' bursts (tens
 * of thousands after a few runs, and their dead rows) go, and the tables the rush writes are
 * vacuumed, so that autovacuum does not start in the middle of a measured burst.
 */
async function forgetEarlierRuns(databaseUrl: string): Promise<void> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const gone = await c.query(`DELETE FROM "IdempotencyRecord" WHERE scope LIKE 'enrol:910____'`);
    await c.query(`VACUUM ANALYZE "IdempotencyRecord", "Registration", "RegistrationEvent", "Course"`);
    console.log(`[bench] removed ${gone.rowCount} idempotency records of earlier runs; vacuumed`);
  } finally {
    await c.end();
  }
}

/**
 * The bench writes its courses straight into the tables, so it also brings them into the search
 * index as the app's own use cases would (announceCourseChange). Otherwise each start of the
 * app finds the index behind the courses and rebuilds it, and the rebuild (all public courses,
 * seconds of CPU) would run during the burst being measured.
 */
async function syncIntoIndex(code: string): Promise<void> {
  const { syncCourses } = await import("../../lib/search/sync");
  await syncCourses([code]);
}

/**
 * Waits until no search job is queued or running in the app (a rebuild at start-up, say).
 * Jobs left "active" by an app stopped before `appStarted` (an earlier run) run nowhere; they
 * are cancelled first, or they would hold the queue until pg-boss expires them.
 */
async function waitForIdleJobs(databaseUrl: string, appStarted: Date): Promise<void> {
  const { QUEUES } = await import("../../lib/jobs/queue");
  const queues = [QUEUES.searchRebuild, QUEUES.searchSync];
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const stale = await c.query(
      `UPDATE pgboss.job SET state = 'cancelled', completed_on = now() WHERE name = ANY($1) AND state = 'active' AND started_on < $2`,
      [queues, appStarted],
    );
    if (stale.rowCount) console.log(`[bench] cancelled ${stale.rowCount} search job(s) left active by an earlier run`);
    const started = Date.now();
    let told = false;
    for (;;) {
      const { n } = (
        await c.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ANY($1) AND state IN ('created', 'retry', 'active') AND start_after <= now()`, [queues])
      ).rows[0];
      if (n === 0) break;
      if (!told) console.log(`[bench] waiting for the app's search index jobs to finish (${n} queued or running) …`);
      told = true;
      if (Date.now() - started > 300_000) throw new Error("the app's search jobs did not finish within 5 minutes");
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await c.end();
  }
}

async function finalCounts(databaseUrl: string, courseId: number) {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const rows = (await c.query(`SELECT status::text AS status, count(*)::int AS n FROM "Registration" WHERE "courseId" = $1 GROUP BY 1 ORDER BY 1`, [courseId])).rows;
    const course = (await c.query(`SELECT "approvedCount", "waitlistedCount", "activeCount" FROM "Course" WHERE id = $1`, [courseId])).rows[0];
    const dups = (await c.query(`SELECT count(*)::int AS n FROM (SELECT "userId" FROM "Registration" WHERE "courseId" = $1 GROUP BY 1 HAVING count(*) > 1) d`, [courseId])).rows[0].n;
    const events = (await c.query(`SELECT count(*)::int AS n FROM "RegistrationEvent" e JOIN "Registration" r ON r.id = e."registrationId" WHERE r."courseId" = $1`, [courseId])).rows[0].n;
    return { byStatus: Object.fromEntries(rows.map((r) => [r.status, r.n])), counters: course, duplicateTeachers: dups, auditEvents: events };
  } finally {
    await c.end();
  }
}

/**
 * Where PostgreSQL's write-ahead log is now, in bytes: the WAL a burst writes (the difference
 * of two positions) is the database's write work, steadier than its CPU time.
 */
async function walPosition(databaseUrl: string): Promise<bigint> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const [hi, lo] = (await c.query(`SELECT pg_current_wal_lsn()::text AS lsn`)).rows[0].lsn.split("/");
    return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
  } finally {
    await c.end();
  }
}

/**
 * CPU seconds (user + system) used so far by the processes whose command line matches, from
 * /proc: where a burst's time goes (the app's processes, PostgreSQL's, this client's).
 */
function cpuSeconds(match: RegExp): number {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      if (!match.test(readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " "))) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      total += (Number(fields[11]) + Number(fields[12])) / tick;
    } catch {
      /* gone meanwhile */
    }
  }
  return total;
}

/** The machine's idle and stolen time (seconds, all cores): time the hypervisor gave elsewhere. */
function machineSeconds(): { idle: number; steal: number } {
  const f = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  return { idle: f[3] / 100, steal: (f[7] ?? 0) / 100 };
}

function cpuNow() {
  const own = process.cpuUsage();
  return { app: cpuSeconds(/scripts\/serve\.ts/), database: cpuSeconds(/^postgres/), client: (own.user + own.system) / 1e6, ...machineSeconds() };
}

/**
 * All requests are issued at the same moment. They reach the server over at most
 * BENCH_CONNECTIONS keep-alive connections (default 256, as a load balancer in front would),
 * one request at a time per connection, and each request's latency counts from the burst's
 * start, queueing for a connection included. The client is plain sockets with prebuilt
 * requests (raw-client.ts) so that it takes little of the CPU the server shares with it.
 */
async function burst(baseUrl: string, code: string, cookies: string[]) {
  const host = new URL(baseUrl).host;
  const body = JSON.stringify({ answers: {} });
  const requests = cookies.map((cookie) =>
    encodeRequest(host, {
      method: "PUT",
      path: `/api/courses/${code}/registration`,
      headers: { "Content-Type": "application/json", Cookie: cookie, "Idempotency-Key": randomUUID() },
      body,
    }),
  );
  const { results, seconds } = await rawBurst(baseUrl, requests, Number(process.env.BENCH_CONNECTIONS ?? 256));
  const statuses: Record<string, number> = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  return { requests: cookies.length, seconds: +seconds.toFixed(2), rps: Math.round(cookies.length / seconds), p50: Math.round(percentile(latencies, 50)), p99: Math.round(percentile(latencies, 99)), max: Math.round(latencies[latencies.length - 1]), statuses };
}

async function main() {
  const appStarted = new Date();
  const app = await startBenchApp({ courses: Number(process.env.BENCH_COURSES ?? 20000), port: PORT });
  try {
    // Sessions last 8 hours: a re-run within 6 reuses them (sign-in is argon2, slow on purpose).
    const cacheFile = path.join(root, "test-results", "bench-sessions.json");
    let cookies: string[] = [];
    try {
      const cached = JSON.parse(readFileSync(cacheFile, "utf8"));
      if (cached.baseUrl === app.baseUrl && Date.now() - cached.at < 6 * 3600_000 && cached.cookies.length >= TEACHERS) cookies = cached.cookies.slice(0, TEACHERS);
    } catch {
      /* no cache */
    }
    if (cookies.length) console.log(`[bench] reusing ${cookies.length} sessions from ${cacheFile}`);
    else {
      console.log(`[bench] signing in ${TEACHERS} demo teachers …`);
      const t0 = performance.now();
      const usernames = Array.from({ length: TEACHERS }, (_, i) => teacherUsername(i + 1));
      cookies = await pool(usernames, 16, (u) => signInCookie(app.baseUrl, u, DEMO_PASSWORD));
      console.log(`[bench] ${cookies.length} sessions in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      mkdirSync(path.dirname(cacheFile), { recursive: true });
      writeFileSync(cacheFile, JSON.stringify({ baseUrl: app.baseUrl, at: Date.now(), cookies }));
    }

    // A server that has been up: its processes have compiled the hot code and opened their
    // database connections. Unmeasured bursts of every teacher on a course of their own do
    // that (BENCH_WARMUP bursts, default 3, automatic and manual in turn): measured bursts kept
    // getting faster, by up to a third, over the first 6,000 requests of a fresh server.
    await forgetEarlierRuns(app.databaseUrl);
    for (let i = 0; i < Math.max(1, Number(process.env.BENCH_WARMUP ?? 3)); i++) {
      // Afresh each time, so that every warm-up takes places too, not only refuses.
      await prepareCourse(app.databaseUrl, "9100000", i % 2 ? "MANUAL_REVIEW" : "AUTOMATIC");
      await syncIntoIndex("9100000");
      await waitForIdleJobs(app.databaseUrl, appStarted);
      const warm = await burst(app.baseUrl, "9100000", cookies);
      console.log(`[bench] warm-up ${i + 1}: ${warm.requests} enrol requests on course 9100000 (${warm.rps} requests/s, p99 ${warm.p99} ms, not counted)`);
    }

    const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
    const figures: Record<string, { rps: number; p50: number; p99: number; fivexx: number }[]> = { AUTOMATIC: [], MANUAL_REVIEW: [] };
    for (let round = 0; round < rounds; round++) {
      for (const [offset, mode] of [[1, "AUTOMATIC"], [2, "MANUAL_REVIEW"]] as const) {
        const code = String(9100000 + 2 * round + offset);
        const courseId = await prepareCourse(app.databaseUrl, code, mode);
        await syncIntoIndex(code);
        await waitForIdleJobs(app.databaseUrl, appStarted);
        const wal = await walPosition(app.databaseUrl);
        const before = cpuNow();
        const r = await burst(app.baseUrl, code, cookies);
        const after = cpuNow();
        const walBytes = Number((await walPosition(app.databaseUrl)) - wal);
        const db = await finalCounts(app.databaseUrl, courseId);
        const fivexx = Object.entries(r.statuses).reduce((n, [s, k]) => (s.startsWith("5") || s === "network-error" ? n + k : n), 0);
        figures[mode].push({ rps: r.rps, p50: r.p50, p99: r.p99, fivexx });
        console.log(`\nrush ${mode} course ${code}: capacity ${CAPACITY}, waitlist limit ${WAITLIST}, ${r.requests} enrol requests in one burst over ${process.env.BENCH_CONNECTIONS ?? 256} connections`);
        console.log(`  throughput   ${r.rps} requests/s (${r.seconds} s)`);
        console.log(`  latency      p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms`);
        const cpu = (k: keyof typeof before) => `${(after[k] - before[k]).toFixed(2)} s (${(((after[k] - before[k]) / r.requests) * 1000).toFixed(2)} ms/request)`;
        console.log(`  CPU          app ${cpu("app")}, PostgreSQL ${cpu("database")}, this client ${cpu("client")}; machine idle ${(after.idle - before.idle).toFixed(2)} s, stolen ${(after.steal - before.steal).toFixed(2)} s`);
        console.log(`  WAL          ${(walBytes / 1e6).toFixed(2)} MB (${Math.round(walBytes / r.requests)} bytes/request)`);
        console.log(`  responses    ${Object.entries(r.statuses).map(([s, n]) => `${s}: ${n}`).join(", ")}`);
        console.log(`  database     ${JSON.stringify(db.byStatus)}; counters ${JSON.stringify(db.counters)}; duplicate teachers ${db.duplicateTeachers}; audit events ${db.auditEvents}`);
      }
    }
    {
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
      console.log(`\nover ${rounds} rounds`);
      for (const [mode, fs] of Object.entries(figures)) {
        console.log(
          `  ${mode.padEnd(13)} median ${median(fs.map((f) => f.rps))} requests/s, p50 ${median(fs.map((f) => f.p50))} ms, p99 ${median(fs.map((f) => f.p99))} ms; ` +
            `worst p99 ${Math.max(...fs.map((f) => f.p99))} ms, best p99 ${Math.min(...fs.map((f) => f.p99))} ms; 5xx or network errors ${fs.reduce((n, f) => n + f.fivexx, 0)}`,
        );
      }
    }
  } finally {
    await app.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
