// Where a search's time goes: each SQL statement searchCourses sends (in order), its time and
// rows, with the in-process caches cleared first. For profiling slow queries of search.ts.
//   DATABASE_URL=… npx tsx --conditions=react-server tests/bench/search-trace.ts "q=學科中心" "q=幼教&free=1&sort=code&page=2"
// --explain: also EXPLAIN (ANALYZE, BUFFERS) the slowest statement of each search.
import { Pool } from "pg";
import { TEST_ENV } from "../../scripts/test";

type Trace = { text: string; params: unknown[]; ms: number; rows: number };
let traces: Trace[] = [];
const original = Pool.prototype.query;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
(Pool.prototype as any).query = function (this: Pool, text: unknown, params?: unknown) {
  if (typeof text !== "string" || typeof params === "function") return (original as (...a: unknown[]) => unknown).apply(this, [text, params]);
  const started = performance.now();
  const p = (original as (...a: unknown[]) => Promise<{ rowCount: number | null; rows: unknown[] }>).apply(this, [text, params]);
  return p.then((r) => {
    traces.push({ text, params: (params as unknown[]) ?? [], ms: performance.now() - started, rows: r.rows?.length ?? 0 });
    return r;
  });
};

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL");
  Object.assign(process.env, { ...TEST_ENV, ...process.env });
  const { searchCourses } = await import("../../lib/search/search-courses");
  const { clearSearchCaches } = await import("../../lib/search/result-cache");
  const { sql, disconnectDb } = await import("../../lib/db");
  await searchCourses({ q: "研習" });
  for (const arg of process.argv.slice(2).filter((a) => !a.startsWith("--"))) {
    clearSearchCaches();
    traces = [];
    const started = performance.now();
    const result = await searchCourses(new URLSearchParams(arg));
    const total = performance.now() - started;
    const inSql = traces.reduce((s, t) => s + t.ms, 0);
    console.log(`\n${arg}: ${total.toFixed(1)} ms, ${result.total} matches, ${result.suggestions.length} suggestions; ${traces.length} statements, ${inSql.toFixed(1)} ms summed (they may overlap)`);
    for (const t of traces) console.log(`  ${t.ms.toFixed(1).padStart(8)} ms ${String(t.rows).padStart(5)} rows  ${t.text.replace(/\s+/g, " ").slice(0, 150)}`);
    if (process.argv.includes("--explain") && traces.length) {
      const slowest = [...traces].sort((a, b) => b.ms - a.ms)[0];
      const plan = await sql<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${slowest.text}`, slowest.params);
      console.log(plan.map((r) => `    ${r["QUERY PLAN"]}`).join("\n"));
    }
  }
  await disconnectDb();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
