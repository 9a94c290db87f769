// Load on one course page: requests/s and latency under 50 concurrent connections.
//   npm run bench:course-page
// Starts PostgreSQL, seeds the demo data (100,000 courses by default), builds and serves the app
// (see course-page-server.ts for the settings), or uses BASE_URL. Prints three runs:
//   page   GET /courses/{code}: the cached, server-rendered page (the target:
//          ≥ 300 requests/s, p99 ≤ 200 ms)
//   live   GET /courses/{code}/live: what each page view fetches afterwards (seats left and the
//          viewer's own state; never cached)
//   mixed  page and live alternately, as browsers load them
//   BENCH_CODE (default 9000001), BENCH_CONNECTIONS (50), BENCH_SECONDS (20)
import { startCoursePageServer, warm } from "./course-page-server";

// autocannon ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: (options: object) => Promise<unknown> = require("autocannon");

const CODE = process.env.BENCH_CODE ?? "9000001";
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

type Result = {
  requests: { average: number };
  latency: { p50: number; p99: number; max: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
  duration: number;
};

async function load(name: string, requests: { path: string }[], baseUrl: string) {
  const result = (await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: requests.map((r) => ({ method: "GET", path: r.path })),
  })) as unknown as Result;
  return {
    run: name,
    "requests/s": Math.round(result.requests.average),
    "p50 ms": result.latency.p50,
    "p99 ms": result.latency.p99,
    "max ms": result.latency.max,
    "2xx": result["2xx"],
    "non-2xx": result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function main() {
  const server = await startCoursePageServer();
  try {
    const page = `/courses/${CODE}`;
    const live = `/courses/${CODE}/live`;
    await warm(`${server.baseUrl}${page}`);
    await warm(`${server.baseUrl}${live}`);
    const rows = [];
    rows.push(await load("page", [{ path: page }], server.baseUrl));
    rows.push(await load("live", [{ path: live }], server.baseUrl));
    rows.push(await load("mixed", [{ path: page }, { path: live }], server.baseUrl));
    console.log(`\nCourse page ${page}: ${CONNECTIONS} connections, ${SECONDS} s per run`);
    console.table(rows);
    const p = rows[0];
    const ok = p["requests/s"] >= 300 && p["p99 ms"] <= 200 && p.errors === 0 && p["non-2xx"] === 0;
    console.log(`Target for the page (≥ 300 requests/s, p99 ≤ 200 ms): ${ok ? "met" : "NOT met"}.`);
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
