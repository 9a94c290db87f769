// Precision (and recall) of two-character queries on the demo data.
//
//   TEST_PG_PORT=54359 npx tsx --conditions=react-server tests/bench/search-setup.ts --db search_demo --courses 20000
//   DATABASE_URL=<printed above> npx tsx --conditions=react-server tests/bench/search-precision.ts [國中 數學 性平 …]
//
// For each query, every result of the search use case (all pages) is judged against the course
// tables, without the search code: a result is a real match when its title, organizer name or
// tags (as stored, 台 read as 臺) contain the query or its long form (國中 → 國民中學, 性平 →
// 性別平等), and not only inside 全國中… (全國中小學 is not 國中). Recall: the share of the
// public courses judged to match that the search returns.
import { TEST_ENV } from "../../scripts/test";

const LONG_FORMS: Record<string, string[]> = {
  國中: ["國中", "國民中學"],
  國小: ["國小", "國民小學"],
  高中: ["高中", "高級中學"],
  性平: ["性平", "性別平等"],
  特教: ["特教", "特殊教育"],
  幼教: ["幼教", "幼兒教育"],
};

type Course = { code: string; title: string; organizer: string; tags: string[] };

function realMatch(c: Course, query: string): boolean {
  const forms = LONG_FORMS[query] ?? [query];
  const texts = [c.title, c.organizer, ...c.tags].map((t) => t.replace(/台/g, "臺"));
  return texts.some((t) =>
    forms.some((f) => {
      for (let at = t.indexOf(f); at >= 0; at = t.indexOf(f, at + 1)) if (!(f.startsWith("國") && t[at - 1] === "全")) return true;
      return false;
    }),
  );
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the demo database (tests/bench/search-setup.ts prints it).");
  Object.assign(process.env, { ...TEST_ENV, ...process.env });
  const queries = process.argv.slice(2).length ? process.argv.slice(2) : ["國中", "數學", "性平"];
  const { db, disconnectDb } = await import("../../lib/db");
  const { searchCourses } = await import("../../lib/search/search-courses");
  const rows = await db.$queryRawUnsafe<Course[]>(
    `SELECT c.code, c.title, u.name AS organizer, c.tags FROM "Course" c JOIN "Unit" u ON u.id = c."organizerId" WHERE c.status IN ('PUBLISHED', 'CANCELLED')`,
  );
  const byCode = new Map(rows.map((r) => [r.code, r]));
  console.log(`Precision on the demo data: ${rows.length.toLocaleString("en-US")} public courses.\n`);
  console.log("query  results  real matches  precision  precision@30 (first page)  recall");
  for (const q of queries) {
    const codes: string[] = [];
    for (let page = 1; page <= 1000; page++) {
      const result = await searchCourses({ q, size: "100", page: String(page) });
      codes.push(...result.hits.map((h) => h.code));
      if (page >= result.pageCount) break;
    }
    const judged = codes.map((code) => ({ code, real: realMatch(byCode.get(code) as Course, q) }));
    const real = judged.filter((j) => j.real).length;
    const firstPage = judged.slice(0, 30);
    const relevant = rows.filter((r) => realMatch(r, q)).length;
    const found = new Set(codes);
    const recalled = rows.filter((r) => realMatch(r, q) && found.has(r.code)).length;
    const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : "n/a");
    console.log(
      `${q.padEnd(5)}${String(codes.length).padStart(8)}${String(real).padStart(14)}${pct(real, codes.length).padStart(11)}` +
        `${pct(firstPage.filter((j) => j.real).length, firstPage.length).padStart(27)}${pct(recalled, relevant).padStart(8)}`,
    );
    for (const miss of judged.filter((j) => !j.real).slice(0, 5)) {
      const c = byCode.get(miss.code) as Course;
      console.log(`       not a real match: ${c.code} ${c.title} | ${c.organizer} | ${c.tags.join("、")}`);
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
