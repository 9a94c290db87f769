// Lighthouse 12 (mobile preset, Debian's Chromium) on course pages; prints the four scores of
// each run and their median.
//   npm run bench:lighthouse
// Starts what it needs like course-page-load.ts (see course-page-server.ts), or uses BASE_URL.
//   LIGHTHOUSE_CODES (default 9000001,9000008,9000007), LIGHTHOUSE_RUNS (default 3),
//   CHROME_PATH (default /usr/bin/chromium). Reports go to test-results/lighthouse/.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { root, startCoursePageServer, warm } from "./course-page-server";

const CODES = (process.env.LIGHTHOUSE_CODES ?? "9000001,9000008,9000007").split(",");
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const OUT = path.join(root, "test-results", "lighthouse");
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync";

function lighthouse(url: string, output: string): Promise<number> {
  const args = [
    "lighthouse",
    url,
    `--only-categories=${CATEGORIES.join(",")}`,
    "--output=json",
    `--output-path=${output}`,
    `--chrome-flags=${CHROME_FLAGS}`,
    "--quiet",
  ];
  const child = spawn("npx", args, { cwd: root, stdio: "inherit", env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" } });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  mkdirSync(OUT, { recursive: true });
  const server = await startCoursePageServer();
  const rows: Record<string, string | number>[] = [];
  const failures: string[] = [];
  try {
    for (const code of CODES) {
      const url = `${server.baseUrl}/courses/${code}`;
      await warm(url, 3);
      const scores: Record<string, number[]> = Object.fromEntries(CATEGORIES.map((c) => [c, []]));
      for (let run = 1; run <= RUNS; run++) {
        const file = path.join(OUT, `course-${code}-${run}.json`);
        if ((await lighthouse(url, file)) !== 0) throw new Error(`lighthouse failed on ${url}`);
        const report = JSON.parse(readFileSync(file, "utf8"));
        const row: Record<string, string | number> = { page: `/courses/${code}`, run };
        for (const c of CATEGORIES) {
          const score = Math.round(report.categories[c].score * 100);
          scores[c].push(score);
          row[c] = score;
        }
        row["LCP ms"] = Math.round(report.audits["largest-contentful-paint"].numericValue);
        row["TBT ms"] = Math.round(report.audits["total-blocking-time"].numericValue);
        rows.push(row);
        for (const c of CATEGORIES) {
          for (const ref of report.categories[c].auditRefs) {
            const audit = report.audits[ref.id];
            if (ref.weight > 0 && audit.score !== null && audit.score < 1 && c !== "performance") failures.push(`${code} ${c}: ${audit.id} (${audit.title})`);
          }
        }
      }
      rows.push({ page: `/courses/${code}`, run: "median", ...Object.fromEntries(CATEGORIES.map((c) => [c, median(scores[c])])) });
    }
    console.log(`\nLighthouse ${JSON.parse(readFileSync(path.join(root, "node_modules/lighthouse/package.json"), "utf8")).version}, mobile preset (default), ${server.baseUrl}`);
    console.table(rows);
    if (failures.length) console.log(`Audits below full marks:\n  ${[...new Set(failures)].join("\n  ")}`);
    console.log("Targets: performance ≥ 90, accessibility 100, best practices ≥ 95, SEO 100.");
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
