// Summarises V8 CPU profiles (.cpuprofile, e.g. BENCH_PROF=dir of tests/bench/support.ts): self
// time by area of the code (Next, React, the search code, jieba/opencc, pg, GC, idle …) and the
// functions with the most self time.
//   npx tsx tests/bench/cpuprofile-summary.ts /tmp/bench-prof [--top 25]
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const AREAS: [string, RegExp][] = [
  ["search code (lib/search)", /\/lib\/search\//],
  ["other app code (lib, app, components)", /\/(lib|app|components)\//],
  ["jieba / opencc", /jieba|opencc/],
  ["pg driver", /node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//],
  ["prisma", /prisma/],
  ["react-dom / react server", /react-dom|react-server|react\.|\/react\//],
  ["next", /next\/dist|\.next-bench/],
  ["node internals", /^node:|internal\//],
];

function area(node: Node): string {
  const { functionName, url } = node.callFrame;
  if (!url) {
    if (functionName === "(garbage collector)") return "GC";
    if (functionName === "(idle)") return "idle";
    if (functionName === "(program)") return "(program: native, compile)";
    return `native ${functionName || "(anonymous)"}`.slice(0, 40);
  }
  for (const [name, re] of AREAS) if (re.test(url)) return name;
  return "other node_modules";
}

const dir = process.argv[2];
const top = Number(process.argv[process.argv.indexOf("--top") + 1]) || 25;
for (const file of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
  const p = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    areas.set(area(n), (areas.get(area(n)) ?? 0) + us);
    const key = `${n.callFrame.functionName || "(anonymous)"}  ${n.callFrame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(lib|app|components|scripts)\//, "$1/")}:${n.callFrame.lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
  }
  const idle = areas.get("idle") ?? 0;
  const busy = total - idle;
  console.log(`\n${file}: ${(total / 1e6).toFixed(1)} s profiled, ${(busy / 1e6).toFixed(1)} s busy (not idle)`);
  for (const [name, us] of [...areas].sort((a, b) => b[1] - a[1])) {
    if (name === "idle") continue;
    console.log(`  ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${(us / 1e3).toFixed(0).padStart(7)} ms  ${name}`);
  }
  console.log("  top functions by self time:");
  for (const [name, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    if (name.startsWith("(idle)")) continue;
    console.log(`  ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${name.slice(0, 140)}`);
  }
}
