// Course search benchmark: the search use case and the results page, on a large data set.
//
//   1. A database with 100,000 generated courses and its search index:
//        TEST_PG_PORT=54359 npx tsx --conditions=react-server tests/bench/search-setup.ts --db search_bench --courses 100000
//   2. For the page figures, a production build and server on that database (any port), e.g.
//        NEXT_DIST_DIR=.next-b npx next build && NEXT_DIST_DIR=.next-b PORT=3121 npm start
//      with DATABASE_URL and the settings of TEST_ENV (scripts/test.ts) in the environment.
//   3. DATABASE_URL=<from step 1> BASE_URL=http://localhost:3121 \
//        npx tsx --conditions=react-server tests/bench/search.ts [--duration 30] [--connections 20]
//
// Prints p50/p95 of searchCourses (in this process, straight to the database) over a fixed mix
// of ≥300 queries — two-character words, longer phrases, organizer names, course codes, and
// filtered, sorted page-2 searches — then requests/s and latency percentiles of the result
// pages of the same mix: first each URL once, one at a time (uncached), then all of them in turn
// under N concurrent connections (autocannon), when each process has the results cached. Without BASE_URL only the
// use case is measured. With --server-pid <pid[,pid…] of the server processes> it also prints
// their CPU time per request (a figure that depends little on what else the machine is doing).
// Several server processes: `WEB_CONCURRENCY=2 PORT=3121 npm run serve` (scripts/serve.ts).
//
// The mix also holds unspaced queries (國小數學工作坊, 性平研習), abbreviations (環教, 國教署,
// 108課綱), mixed Latin (AI數學) and unspaced queries with filters, taken from the relevance
// benchmark's queries (tests/bench/search-relevance-queries.ts). Each use-case query runs with
// the in-process result cache cleared first (lib/search/result-cache.ts), so the figures are
// those of the engine, not of the cache.
//
// Also printed:
// - the index's size: pg_total_relation_size of "SearchDocument" (table, TOAST and indexes),
//   each index, and the memory: this process's RSS, PostgreSQL's shared_buffers and how much of
//   it holds the index (pg_buffercache, created in the benchmark database if missing), and with
//   --server-pid the server processes' RSS;
// - with --rebuild (or --rebuild-first: before the use-case figures): a full index rebuild (tests/bench/search-rebuild.ts, in its own process as
//   the worker runs it) while this process keeps searching the mix without pause: latency per
//   10-second window, the longest single search, and the rebuild's time — searches that keep
//   answering in milliseconds prove the rebuild does not block them;
// - with BASE_URL (or --serve PORT: builds and starts the production server on this database,
//   tests/bench/support.ts, and stops it at the end): the result pages with the page cache and
//   the result cache really missed — every request a different search (query × county × stage ×
//   page × sort, each URL requested once) — under N connections (requests/s, p50/p90/p99), then
//   the existing first-request and cached phases.
//
// At 1,000,000 courses (tests/bench/search-setup.ts --courses 1000000 --index-once):
//   DATABASE_URL=…/search_1m npx tsx --conditions=react-server tests/bench/search.ts --rebuild
// Page figures on the demo data (20,000 courses):
//   DATABASE_URL=…/search_demo npx tsx --conditions=react-server tests/bench/search.ts --serve 3343
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Client as PgClient } from "pg";
import { TEST_ENV } from "../../scripts/test";
import { RELEVANCE_QUERIES } from "./search-relevance-queries";

/** The parts of autocannon used here (it ships no type declarations). */
type Histogram = { average: number; p50: number; p90: number; p99: number; max: number; total: number };
type AutocannonResult = { requests: Histogram; latency: Histogram; non2xx: number; errors: number; timeouts: number };
type RequestParams = { method: string; path?: string; headers?: Record<string, string>; setupRequest?: (req: { path: string }) => { path: string } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: (options: { url: string; connections: number; duration: number; headers?: Record<string, string>; requests: RequestParams[] }) => Promise<AutocannonResult> = require("autocannon");

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** A small deterministic random generator (mulberry32), so every run uses the same mix. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] };
}

/** Words teachers search for: stages, subjects, issues (two characters each). */
const TWO_CHARACTER = [
  "國中", "國小", "高中", "高職", "數學", "性平", "特教", "幼教", "英語", "閱讀", "環境", "資訊", "生命", "自然", "社會",
  "藝術", "體育", "輔導", "防災", "海洋", "雙語", "國際", "科技", "家庭", "戶外", "品德", "人權", "本土", "食農", "美感",
  "生涯", "語文", "物理", "化學", "歷史", "地理", "音樂", "美術", "健康", "公民", "課程", "評量", "探究", "桌遊", "班級",
];
const PHRASES = [
  "素養導向教學", "差異化教學", "生成式AI融入教學", "性別平等教育", "閱讀理解策略", "校園防災教育", "特殊教育學生", "學習扶助",
  "公開授課", "跨領域課程設計", "自主學習", "雙語教學", "數位學習精進方案", "校訂課程發展", "分組合作學習", "學習歷程檔案",
  "多元評量", "STEAM教學", "戶外教育課程設計", "食農教育", "原住民族文化", "新住民子女教育", "資訊安全", "班級經營研習",
  "台北市 國中 數學", "國小 英語文", "高中 物理", "特教 知能研習", "性平事件調查", "海洋教育教師增能",
];
const COUNTIES = ["臺北市", "新北市", "桃園市", "臺中市", "臺南市", "高雄市", "新竹縣", "彰化縣", "屏東縣", "花蓮縣"];
const STAGES = ["UNIVERSITY", "SENIOR_HIGH", "VOCATIONAL_HIGH", "JUNIOR_HIGH", "ELEMENTARY", "KINDERGARTEN", "SUBJECT_CENTER", "ADVISORY_GROUP", "GOVERNMENT"];

type Query = { kind: string; params: Record<string, string>; page: string };

async function buildMix(): Promise<Query[]> {
  const { db } = await import("../../lib/db");
  const rng = random(20261130);
  const codes = await db.$queryRawUnsafe<{ code: string }[]>(`SELECT code FROM "SearchDocument" ORDER BY md5(code) LIMIT 60`);
  const units = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT DISTINCT "organizerName" AS name FROM "SearchDocument" ORDER BY 1`);
  const titles = await db.$queryRawUnsafe<{ title: string }[]>(`SELECT title FROM "SearchDocument" ORDER BY md5(code) LIMIT 200`);
  const mix: Query[] = [];
  const add = (kind: string, params: Record<string, string>, page = "/courses") => mix.push({ kind, params, page });

  for (let i = 0; i < 75; i++) add("two-character", { q: TWO_CHARACTER[i % TWO_CHARACTER.length] });
  for (let i = 0; i < 30; i++) add("longer", { q: PHRASES[i] });
  for (let i = 0; i < 45; i++) {
    // A piece of a real title, 4 to 8 characters long (what someone half-remembers).
    const t = Array.from(rng.pick(titles).title.replace(/[（(【].*$/, ""));
    const len = 4 + Math.floor(rng.next() * 5);
    const start = Math.floor(rng.next() * Math.max(1, t.length - len));
    add("longer", { q: t.slice(start, start + len).join("") });
  }
  for (let i = 0; i < 50; i++) {
    const name = rng.pick(units).name;
    if (i % 2 === 0) add("organizer", { q: name, field: "organizer" });
    else add("organizer", { org: name.slice(-6) }, "/courses/advanced");
  }
  for (let i = 0; i < 50; i++) {
    const code = codes[i % codes.length].code;
    add("code", i % 2 === 0 ? { q: code } : { q: code, field: "code" });
  }
  // As teachers type: words run together, abbreviations, Latin mixed in; some with filters.
  const unspaced = RELEVANCE_QUERIES.filter((r) => r.kind === "unspaced" || r.kind === "mixed").map((r) => r.q);
  const abbreviations = RELEVANCE_QUERIES.filter((r) => r.kind === "abbreviation" || (r.kind === "organizer" && r.q.length <= 4)).map((r) => r.q);
  for (const q of unspaced) add("unspaced", { q });
  for (const q of abbreviations) add("abbreviation", { q });
  for (let i = 0; i < 30; i++) {
    const q = unspaced[(i * 7) % unspaced.length];
    if (i % 3 === 0) add("unspaced+filter", { q, county: rng.pick(COUNTIES) });
    else if (i % 3 === 1) add("unspaced+filter", { q, open: "1", sort: "start", order: "asc" }, "/courses/advanced");
    else add("unspaced+filter", { q, stage: rng.pick(STAGES), page: "2" });
  }
  for (let i = 0; i < 60; i++) {
    const county = rng.pick(COUNTIES);
    const stage = rng.pick(STAGES);
    switch (i % 6) {
      case 0:
        add("filtered page 2", { county, stage, sort: "start", order: "asc", page: "2" }, "/courses/map");
        break;
      case 1:
        add("filtered page 2", { q: rng.pick(TWO_CHARACTER), county, page: "2" });
        break;
      case 2:
        add("filtered page 2", { open: "1", county, sort: "start", page: "2" }, "/courses/advanced");
        break;
      case 3:
        add("filtered page 2", { stage, county, sort: "end", order: "desc", page: "2" }, "/courses/organizers");
        break;
      case 4:
        add("filtered page 2", { days: "30", sort: "start", order: "asc", page: "2" });
        break;
      default:
        add("filtered page 2", { q: rng.pick(TWO_CHARACTER), free: "1", type: "NON_CREDIT", sort: "code", page: "2" }, "/courses/advanced");
    }
  }
  return mix;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the benchmark database (tests/bench/search-setup.ts prints it).");
  Object.assign(process.env, { ...TEST_ENV, ...process.env });
  // The schema the search code expects (a no-op when the database is up to date).
  const { applyMigrations } = await import("../../scripts/db/migrate");
  await applyMigrations(process.env.DATABASE_URL);
  const { searchCourses } = await import("../../lib/search/search-courses");
  const { clearSearchCaches } = await import("../../lib/search/result-cache");
  const { db, disconnectDb } = await import("../../lib/db");
  const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "SearchDocument"`);
  const mix = await buildMix();
  console.log(`Search benchmark: ${n.toLocaleString("en-US")} courses in the index, ${mix.length} queries.`);
  const serverPids = flag("server-pid", "").split(",").filter(Boolean);
  await printSizes(db, serverPids);

  // Warm the connection pool and the database's caches with other queries first.
  for (const q of ["研習", "教師", "教學", "工作坊", "學校"]) await searchCourses({ q });
  const uncached = (params: Record<string, string>) => {
    clearSearchCaches();
    return searchCourses(params);
  };
  // --rebuild-first: the rebuild (with searches running) before the use-case figures, so that
  // one rebuild both brings an index made by older search code up to date and is timed.
  if (process.argv.includes("--rebuild-first")) {
    await rebuildWhileSearching(mix, uncached);
    await printSizes(db, serverPids, "", "after the rebuild");
  }

  const times: number[] = [];
  const slowest: { t: number; q: Query; total: number }[] = [];
  const byKind = new Map<string, number[]>();
  let totalHits = 0;
  for (const q of mix) {
    const started = performance.now();
    const result = await uncached(q.params);
    const t = performance.now() - started;
    totalHits += result.total;
    times.push(t);
    slowest.push({ t, q, total: result.total });
    byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), t]);
  }
  times.sort((a, b) => a - b);
  console.log(`\nsearchCourses (use case, result cache cleared before each, one query at a time), ${mix.length} queries, ${totalHits.toLocaleString("en-US")} matches in all:`);
  console.log(`  p50 ${ms(pct(times, 50))}   p95 ${ms(pct(times, 95))}   max ${ms(times[times.length - 1])}`);
  for (const [kind, list] of byKind) {
    list.sort((a, b) => a - b);
    console.log(`  ${kind.padEnd(16)} n=${String(list.length).padStart(3)}  p50 ${ms(pct(list, 50)).padStart(9)}  p95 ${ms(pct(list, 95)).padStart(9)}`);
  }
  slowest.sort((a, b) => b.t - a.t);
  console.log("  slowest:");
  for (const { t, q, total } of slowest.slice(0, 5)) console.log(`    ${ms(t).padStart(9)}  ${decodeURIComponent(new URLSearchParams(q.params).toString())}  (${total} matches)`);
  const zero = slowest.filter((x) => x.total === 0 && x.q.kind !== "code");
  console.log(`  zero results: ${zero.length} of ${mix.length}${zero.length ? ` (e.g. ${zero.slice(0, 8).map((x) => x.q.params.q ?? x.q.params.org).join("、")})` : ""}`);

  if (process.argv.includes("--rebuild") && !process.argv.includes("--rebuild-first")) await rebuildWhileSearching(mix, uncached);
  await printSizes(db, serverPids, "after the searches");
  await disconnectDb();

  let base = process.env.BASE_URL;
  let stopServer: (() => Promise<void>) | undefined;
  const servePort = flag("serve", "");
  if (!base && servePort) {
    const { startBenchApp } = await import("./support");
    const [{ courses }] = await db.$queryRawUnsafe<{ courses: number }[]>(`SELECT ("value"->>'courses')::int AS courses FROM "Setting" WHERE key = 'demoSeed'`);
    const app = await startBenchApp({ courses, port: Number(servePort) });
    base = app.baseUrl;
    stopServer = app.stop;
    // The process listening on the port and every process under it (cluster workers).
    const pids = withDescendants(findServerPids(Number(servePort)));
    if (pids.length && !serverPids.length) serverPids.push(...pids);
    console.log(`[bench] server processes: ${pids.join(", ")}`);
  }
  if (!base) {
    console.log("\nBASE_URL not set: result pages not measured.");
    return;
  }
  try {
    await measurePages(base, mix, serverPids);
  } finally {
    await stopServer?.();
  }
}

/** The pids of the server processes listening on a port (from /proc, Linux). */
function findServerPids(port: number): string[] {
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    try {
      for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
        const f = line.trim().split(/\s+/);
        if (f[1]?.endsWith(`:${hex}`) && f[3] === "0A") inodes.add(f[9]);
      }
    } catch {
      /* no such table */
    }
  }
  const pids: string[] = [];
  const { readdirSync, readlinkSync } = require("node:fs") as typeof import("node:fs");
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1])) {
          pids.push(pid);
          break;
        }
      }
    } catch {
      /* gone, or not ours */
    }
  }
  return pids;
}

/** CPU time (ms) of every process of the PostgreSQL server DATABASE_URL names, when it runs on this machine. */
async function postgresCpu(): Promise<Map<string, number> | null> {
  try {
    const c = new PgClient({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    const { rows } = await c.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
    // Read while the backend still runs (it ends with the connection).
    const postmaster = readFileSync(`/proc/${rows[0].pid}/stat`, "utf8").split(") ")[1].split(" ")[1];
    await c.end();
    const out = new Map<string, number>();
    for (const pid of withDescendants([postmaster])) {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
        out.set(pid, (Number(f[11]) + Number(f[12])) * 10);
      } catch {
        /* gone */
      }
    }
    return out;
  } catch (e) {
    console.log(`  (PostgreSQL CPU not measured: ${e instanceof Error ? e.message : e})`);
    return null;
  }
}

/** The pids and all their descendants (from /proc/<pid>/stat parent ids). */
function withDescendants(pids: string[]): string[] {
  const { readdirSync } = require("node:fs") as typeof import("node:fs");
  const parent = new Map<string, string>();
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      parent.set(pid, readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[1]);
    } catch {
      /* gone */
    }
  }
  const out = new Set(pids);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parent) if (out.has(ppid) && !out.has(pid)) (out.add(pid), (grew = true));
  }
  return [...out];
}

const rssMb = (pid: string | number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
};

type Db = { $queryRawUnsafe<T>(q: string): Promise<T> };

/** Index size (table, TOAST, each index) and memory (RSS, shared buffers). */
async function printSizes(db: Db, serverPids: string[], when = "", label = ""): Promise<void> {
  const mb = (b: number | string) => `${(Number(b) / 1048576).toFixed(1)} MB`;
  if (!when) {
    const [t] = await db.$queryRawUnsafe<{ total: string; heap: string; indexes: string; toast: string }[]>(
      `SELECT pg_total_relation_size('"SearchDocument"') AS total, pg_relation_size('"SearchDocument"') AS heap,
              pg_indexes_size('"SearchDocument"') AS indexes,
              COALESCE(pg_total_relation_size(NULLIF(reltoastrelid, 0)), 0) AS toast
       FROM pg_class WHERE oid = '"SearchDocument"'::regclass`,
    );
    const ix = await db.$queryRawUnsafe<{ name: string; size: string }[]>(
      `SELECT indexrelid::regclass::text AS name, pg_relation_size(indexrelid) AS size FROM pg_index WHERE indrelid = '"SearchDocument"'::regclass ORDER BY 2 DESC`,
    );
    console.log(`Index size${label ? ` ${label}` : ""}: pg_total_relation_size("SearchDocument") ${mb(t.total)} = table ${mb(t.heap)} + TOAST ${mb(t.toast)} + indexes ${mb(t.indexes)}`);
    console.log(`  ${ix.map((i) => `${i.name} ${mb(i.size)}`).join(", ")}`);
  }
  let buffers = "";
  try {
    await db.$queryRawUnsafe(`CREATE EXTENSION IF NOT EXISTS pg_buffercache`);
    const [b] = await db.$queryRawUnsafe<{ setting: string; used: string; index: string }[]>(
      `SELECT current_setting('shared_buffers') AS setting,
              (SELECT count(*) FROM pg_buffercache WHERE relfilenode IS NOT NULL) * 8192 AS used,
              (SELECT count(*) FROM pg_buffercache b JOIN pg_class c ON c.relfilenode = b.relfilenode
                 WHERE b.reldatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
                   AND (c.oid = '"SearchDocument"'::regclass OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = '"SearchDocument"'::regclass)
                        OR c.oid = (SELECT reltoastrelid FROM pg_class WHERE oid = '"SearchDocument"'::regclass))) * 8192 AS index`,
    );
    buffers = `PostgreSQL shared_buffers ${b.setting}: ${mb(b.used)} in use (all databases of the server), ${mb(b.index)} of it this search index`;
  } catch (e) {
    buffers = `pg_buffercache unavailable (${e instanceof Error ? e.message.split("\n")[0] : e})`;
  }
  const servers = serverPids.length ? `; server RSS ${serverPids.map((p) => `${rssMb(p).toFixed(0)} MB`).join(" + ")}` : "";
  console.log(`Memory${when ? ` ${when}` : ""}: this process (use case) RSS ${rssMb(process.pid).toFixed(0)} MB${servers}; ${buffers}`);
}

/**
 * A full rebuild in another process while this one keeps searching the mix, one query after
 * another: latency per 10-second window, and the rebuild's time.
 */
async function rebuildWhileSearching(mix: Query[], search: (params: Record<string, string>) => Promise<{ total: number }>): Promise<void> {
  console.log(`\nFull index rebuild (tests/bench/search-rebuild.ts, another process) while this process keeps searching:`);
  const root = path.resolve(__dirname, "../..");
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "tests/bench/search-rebuild.ts"], {
    cwd: root,
    env: process.env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number>((r) => child.on("exit", (code) => r(code ?? 1)));
  let done = false;
  void exited.then(() => (done = true));
  const started = performance.now();
  const windows: number[][] = [];
  let longest = { t: 0, at: 0, q: "" };
  const all: number[] = [];
  let errors = 0;
  for (let i = 0; !done; i++) {
    const q = mix[i % mix.length];
    const t0 = performance.now();
    try {
      await search(q.params);
    } catch (e) {
      if (errors++ < 3) console.log(`  search failed during the rebuild: ${e instanceof Error ? e.message.split("\n")[0] : e}`);
    }
    const t = performance.now() - t0;
    const w = Math.floor((t0 - started) / 10_000);
    (windows[w] ??= []).push(t);
    all.push(t);
    if (t > longest.t) longest = { t, at: (t0 - started) / 1000, q: decodeURIComponent(new URLSearchParams(q.params).toString()) };
  }
  const code = await exited;
  const wall = (performance.now() - started) / 1000;
  for (let w = 0; w < windows.length; w++) {
    const list = (windows[w] ?? []).sort((a, b) => a - b);
    if (!list.length) {
      console.log(`  ${String(w * 10).padStart(4)}–${w * 10 + 10} s: no search finished in this window`);
      continue;
    }
    console.log(`  ${String(w * 10).padStart(4)}–${w * 10 + 10} s: ${String(list.length).padStart(4)} searches  p50 ${ms(pct(list, 50)).padStart(9)}  p95 ${ms(pct(list, 95)).padStart(9)}  max ${ms(list[list.length - 1]).padStart(9)}`);
  }
  all.sort((a, b) => a - b);
  let result = "";
  try {
    const r = JSON.parse(output.trim().split("\n").pop() ?? "{}") as { count: number; seconds: number; skipped: boolean };
    result = r.skipped ? "skipped (another rebuild held the lock)" : `${r.count.toLocaleString("en-US")} documents in ${r.seconds.toFixed(1)} s (${(r.seconds / 60).toFixed(1)} min)`;
  } catch {
    result = `exit code ${code}`;
  }
  console.log(`  rebuild: ${result}; wall ${wall.toFixed(1)} s`);
  console.log(`  during it: ${all.length} searches (${errors} failed), p50 ${ms(pct(all, 50))}, p95 ${ms(pct(all, 95))}, p99 ${ms(pct(all, 99))}, longest ${ms(longest.t)} at ${longest.at.toFixed(0)} s (${longest.q})`);
}

/** Result pages: every request a different search (caches missed), then the original phases. */
async function measurePages(base: string, mix: Query[], serverPids: string[]): Promise<void> {
  const connections = Number(flag("connections", "20"));
  // What a browser sends (compressed answers), the same for every request of the run.
  // --accept-encoding gzip: what a client without brotli sends (to see what brotli costs).
  const BROWSER_HEADERS = { "accept-encoding": flag("accept-encoding", "gzip, deflate, br"), "accept-language": "zh-TW,zh;q=0.9" };
  const duration = Number(flag("duration", "30"));
  const paths = mix.map((q) => `${q.page}?${new URLSearchParams(q.params)}`);
  let next = 0;
  /** CPU time (user + system) of the server processes, in ms, from /proc (Linux). */
  const cpuMs = () =>
    serverPids.reduce((sum, pid) => {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return sum + (Number(fields[11]) + Number(fields[12])) * 10;
    }, 0);
  // Caches missed: every request a search not asked before (page cache keyed by the URL, result
  // cache by the compiled query): keyword × page × county × stage, in mixed radix, so no two are
  // alike; the four search pages in turn. Each URL is requested once.
  {
    const words = [...new Set([...TWO_CHARACTER, ...PHRASES, ...mix.filter((q) => q.kind === "unspaced" || q.kind === "abbreviation").map((q) => q.params.q)])];
    const counties = ["", ...COUNTIES];
    const stages = ["", ...STAGES];
    const pages = ["/courses", "/courses/advanced", "/courses/map", "/courses/organizers"];
    const distinct = (i: number) => {
      const q = words[i % words.length];
      let r = Math.floor(i / words.length);
      const page = (r % 3) + 1;
      r = Math.floor(r / 3);
      const county = counties[r % counties.length];
      r = Math.floor(r / counties.length);
      const stage = stages[r % stages.length];
      const params = new URLSearchParams({ q });
      if (county) params.set("county", county);
      if (stage) params.set("stage", stage);
      if (page > 1) params.set("page", String(page));
      return `${pages[i % pages.length]}?${params}`;
    };
    const limit = words.length * 3 * counties.length * stages.length;
    let i = 0;
    // Warm-up (JIT, connection pool, lazily loaded modules) on searches of its own, not counted.
    const warmup = Number(flag("warmup", "10"));
    if (warmup > 0) {
      await autocannon({
        url: base,
        headers: BROWSER_HEADERS,
        connections,
        duration: warmup,
        requests: [{ method: "GET", setupRequest: (req: { path: string }) => ({ ...req, path: distinct(i++ % limit) }) }],
      });
    }
    const warmed = i;
    // The size of a page as rendered (uncompressed) and as sent (gzip).
    {
      const sample = distinct(limit - 1);
      const plain = Buffer.byteLength(await (await fetch(`${base}${sample}`, { headers: { "accept-encoding": "identity" } })).text());
      const gz = await fetch(`${base}${distinct(limit - 2)}`, { headers: BROWSER_HEADERS });
      console.log(`\nA results page: ${(plain / 1024).toFixed(0)} KB rendered; content-encoding ${gz.headers.get("content-encoding") ?? "none"}`);
    }
    const pgBefore = await postgresCpu();
    const cpuBefore = cpuMs();
    const result = await autocannon({
      url: base,
      headers: BROWSER_HEADERS,
      connections,
      duration,
      requests: [{ method: "GET", setupRequest: (req: { path: string }) => ({ ...req, path: distinct(i++ % limit) }) }],
    });
    const l = result.latency;
    console.log(`\nResult pages, caches missed (every request a different search, ${connections} connections, ${duration} s, ${base}):`);
    console.log(`  ${result.requests.average.toFixed(1)} requests/s   latency p50 ${l.p50} ms   p90 ${l.p90} ms   p99 ${l.p99} ms   max ${l.max} ms`);
    console.log(`  ${result.requests.total} requests (${Math.min(i, limit) - warmed} distinct searches after ${warmed} of the ${warmup} s warm-up${i > limit ? ", WRAPPED: some repeated" : ""}), ${result.non2xx} not 2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
    if (serverPids.length) console.log(`  server CPU time: ${((cpuMs() - cpuBefore) / result.requests.total).toFixed(1)} ms per request; server RSS ${serverPids.map((p) => `${rssMb(p).toFixed(0)} MB`).join(" + ")}`);
    const pgAfter = await postgresCpu();
    if (pgBefore && pgAfter) {
      let used = 0;
      for (const [pid, ms] of pgAfter) used += ms - (pgBefore.get(pid) ?? 0);
      console.log(`  PostgreSQL CPU time (all its processes): ${(used / result.requests.total).toFixed(1)} ms per request`);
    }
  }
  if (process.argv.includes("--uncached-only")) return;

  // One request per URL, one at a time: the first (uncached) response of each page.
  const first: number[] = [];
  for (const path of paths) {
    const started = performance.now();
    const res = await fetch(`${base}${path}`, { headers: BROWSER_HEADERS });
    await res.text();
    if (!res.ok) throw new Error(`${base}${path} answered ${res.status}`);
    first.push(performance.now() - started);
  }
  first.sort((a, b) => a - b);
  console.log(`\nResult pages, first request of each URL, one at a time: p50 ${ms(pct(first, 50))}   p95 ${ms(pct(first, 95))}   p99 ${ms(pct(first, 99))}`);
  // With several server processes each keeps its own cache: warm them all.
  const warmPasses = Number(flag("warm-passes", "3"));
  for (let pass = 1; pass < warmPasses; pass++) {
    let i = 0;
    const fetchNext = async (): Promise<void> => {
      while (i < paths.length) await (await fetch(`${base}${paths[i++]}`, { headers: BROWSER_HEADERS })).text();
    };
    await Promise.all(Array.from({ length: 8 }, fetchNext));
  }
  const cpuBefore = cpuMs();
  const result = await autocannon({
    url: base,
    headers: BROWSER_HEADERS,
    connections,
    duration,
    requests: [{ method: "GET", setupRequest: (req: { path: string }) => ({ ...req, path: paths[next++ % paths.length] }) }],
  });
  const l = result.latency;
  console.log(`\nResult pages under load (${paths.length} URLs in turn, ${connections} connections, ${duration} s, ${base}; results cached for up to a minute after the pass above):`);
  console.log(`  ${result.requests.average.toFixed(1)} requests/s   latency p50 ${l.p50} ms   p90 ${l.p90} ms   p99 ${l.p99} ms   max ${l.max} ms`);
  console.log(`  ${result.requests.total} requests, ${result.non2xx} not 2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  if (serverPids.length) console.log(`  server CPU time: ${((cpuMs() - cpuBefore) / result.requests.total).toFixed(1)} ms per request`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
