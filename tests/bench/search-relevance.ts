// Relevance of course search on the demo data: P@10, nDCG@10 and the zero-result rate over
// the hand-judged queries of tests/bench/search-relevance-queries.ts, and a check that no query
// built from words of an existing title finds nothing.
//
//   npm run bench:search:relevance [-- --quick] [-- --verbose] [-- --titles 200]
//
// Without DATABASE_URL it starts the test-profile PostgreSQL (TEST_PG_PORT), fills the database
// `search_relevance` with the demo data (seed 1, 20,000 courses: the size `npm run demo` seeds,
// DEFAULT_SIZES in prisma/seed/generate.ts) unless already there, builds the search index and
// stops the server at the end; the search index is rebuilt on every run (the search code may have
// changed). With DATABASE_URL it uses that database as it is (e.g. the one
// `tests/bench/search-setup.ts --db search_demo --courses 20000` prints); --reindex rebuilds its index first.
//
// Judging is independent of the search code: every public course (PUBLISHED or CANCELLED, as
// the index holds) is read from Course and Unit and graded by the query's hand-written predicate
// (see search-relevance-queries.ts): 2 = its concepts in the title (the organizer name for
// organizer queries), 1 = its concepts across title, organizer and tags (or a related word), 0 =
// otherwise. Only the ranked list comes from searchCourses (first page, 10 a page, relevance).
//
// P@10 = relevant (grade ≥ 1) among the first 10 / min(10, relevant courses in the data), so a
// query with 4 relevant courses that returns all 4 first scores 1. nDCG@10 uses gain 2^grade − 1
// against the ideal ordering of all graded courses. A query with no relevant course in the data
// is listed and left out of the means. Zero-result rate: queries whose search has total 0. When
// a query finds nothing but the result offers suggestions, the first suggestion is followed and
// its P@10 reported in a separate column ("after suggestion"); the main figures do not use it.
//
// Title words: N public titles (md5 order, fixed) are cut into the words they were made of (the
// demo generator's vocabulary, prisma/seed/vocabulary.ts, and the words of its fixed titles,
// longest first; other runs of 2–4 characters as they stand, longer ones left out), and 2–3 of those words, in title order, are typed together without
// spaces. Every such query has at least its own course to find: a zero result is a failure.
// --quick: 60 titles instead of 200 (the whole run stays well under 2 minutes either way).
import { Client } from "pg";
import { TEST_ENV } from "../../scripts/test";
import * as V from "../../prisma/seed/vocabulary";
import { RELEVANCE_QUERIES, type RelevanceQuery } from "./search-relevance-queries";

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const quick = process.argv.includes("--quick");
const verbose = process.argv.includes("--verbose");

type Course = { code: string; title: string; organizer: string; tags: string[] };
type Judged = Course & { nTitle: string; nOrganizer: string; nAll: string };

/** What judging compares: full-width as half-width (NFKC), Latin lower case, 台 as 臺. */
export function norm(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/台/g, "臺");
}

/** A form occurs in a text; 國中/國小… not inside 全國中… (全國中小學 is not 國中). */
function occurs(text: string, form: string): boolean {
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    if (!(form.startsWith("國") && text[at - 1] === "全")) return true;
  }
  return false;
}

type Concept = { forms: string[]; related: string[] };
const parseConcept = (c: string): Concept => {
  const [forms, related = ""] = c.split("~");
  return { forms: forms.split("|").map(norm).filter(Boolean), related: related.split("|").map(norm).filter(Boolean) };
};

export function grade(course: Judged, query: RelevanceQuery): 0 | 1 | 2 {
  const concepts = query.concepts.map(parseConcept);
  const target = query.target === "organizer" ? course.nOrganizer : course.nTitle;
  if (concepts.every((c) => c.forms.some((f) => occurs(target, f)))) return 2;
  if (concepts.every((c) => [...c.forms, ...c.related].some((f) => occurs(course.nAll, f)))) return 1;
  return 0;
}

function dcg(grades: number[]): number {
  return grades.slice(0, 10).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

/** A small deterministic random generator (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The words titles are made of: the demo generator's vocabulary and its fixed title words. */
const TITLE_WORDS: string[] = (() => {
  const words = new Set<string>([
    ...V.TOPICS, ...V.ELEMENTARY_AREAS, ...V.JUNIOR_HIGH_AREAS, ...V.SENIOR_HIGH_SUBJECTS, ...V.KINDERGARTEN_AREAS,
    ...V.SPECIAL_AREAS, ...V.ADMIN_OFFICES, ...V.ADVISORY_AREAS, ...V.TAGS, ...V.SENIOR_HIGH_SUBJECT_CENTERS,
    ...V.VOCATIONAL_GROUPS.flatMap((g) => [g.group, ...g.departments]),
    ...Object.values(V.CATEGORY_TITLE_WORD), ...V.ISSUES.map((i) => i.name),
    "國小", "國中", "高中", "高職", "幼兒園", "特殊教育", "大專校院", "特教", "技術型高中", "校本研習", "教師", "增能",
    "研習", "工作坊", "領域", "輔導團", "專業學習社群", "共備", "知能", "行政人員", "主任及組長", "第二專長學分班",
    "教師在職進修學分班", "學分班", "碩士在職專班", "課程與教學", "融入", "教學", "技能教學", "證照輔導", "實務",
    "專業實作", "暑期", "課程領導", "校長", "特殊教育學分班",
    // Words of the fixed issue titles (ISSUES[].titles).
    "教育", "推動", "圖書館", "利用", "事件", "調查", "專業", "人員", "培訓", "處理", "校園", "輔導", "策略", "學生",
    "課程", "設計", "知能", "計畫", "撰寫", "說明會", "鑑定", "安置", "普通班", "個別化", "情緒", "行為", "支持",
    "場域", "踏查", "氣候變遷", "淨零排放", "節能減碳", "資訊安全", "個人資料", "保護", "程式設計", "運算思維", "晨讀",
    "班級", "共讀", "心理健康", "促進", "自我傷害", "防治", "正向管教", "兒童權利公約", "法治", "霸凌防制", "交流",
    "課室英語", "避難演練", "災害防救", "通報", "急救", "訓練", "親師溝通", "農園", "山野", "安全", "文化", "族語",
    "子女", "支援", "閩南語", "客家語", "沉浸式", "教材教法", "水域", "適性入學", "宣導", "技職", "發展", "情感教育",
    "戶外學習", "推動研習", "實作", "教學研習",
  ]);
  return [...words].filter((w) => w.length >= 2).sort((a, b) => b.length - a.length);
})();

/** Cuts a title into words: vocabulary (longest first), 113學年度 / 第1學期, other runs as they stand. */
export function titleWords(title: string): string[] {
  const out: string[] = [];
  for (const part of title.split(/[\s()（）【】「」:：－\-—、，,]+/)) {
    let rest = part.replace(/^第\d+場$/, "");
    let pending = "";
    const flush = () => {
      // A run the vocabulary does not cover: a word when short (e.g. IEP, CRC), else left out
      // (cutting it at arbitrary places would make queries of non-words).
      if (pending.length >= 2 && pending.length <= 4 && !/^[與及和之的]/.test(pending)) out.push(pending);
      pending = "";
    };
    while (rest) {
      const m = /^(\d+學年度|第\d學期)/.exec(rest);
      const word = m ? m[1] : TITLE_WORDS.find((w) => rest.startsWith(w));
      if (word) {
        flush();
        out.push(word);
        rest = rest.slice(word.length);
      } else {
        pending += rest[0];
        rest = rest.slice(1);
      }
    }
    flush();
  }
  return out;
}

async function prepareDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const { applyMigrations } = await import("../../scripts/db/migrate");
    await applyMigrations(process.env.DATABASE_URL);
    if (process.argv.includes("--reindex")) await rebuildIndex();
    return { url: process.env.DATABASE_URL, stop: async () => {} };
  }
  const { startPostgres } = await import("../../scripts/db/postgres");
  const { applyMigrations } = await import("../../scripts/db/migrate");
  const pg = await startPostgres("test");
  const u = new URL(pg.adminUrl);
  u.pathname = "/search_relevance";
  const url = u.toString();
  const admin = new Client({ connectionString: pg.adminUrl });
  await admin.connect();
  if (!(await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'search_relevance'`)).rowCount) await admin.query(`CREATE DATABASE search_relevance`);
  await admin.end();
  await applyMigrations(url);
  Object.assign(process.env, TEST_ENV, { DATABASE_URL: url });
  const { seedDemoData } = await import("../../prisma/seed/index");
  await seedDemoData(url, { seed: 1, courses: 20000 });
  // Always rebuilt: the index is the search code's, and that code may have changed since.
  await rebuildIndex();
  return { url, stop: () => pg.stop() };
}

async function rebuildIndex(): Promise<void> {
  const { rebuildSearchIndex } = await import("../../lib/search/sync");
  const built = await rebuildSearchIndex();
  console.log(`Search index built: ${built.count} documents in ${built.seconds.toFixed(1)} s`);
}

const fmt = (n: number) => (Number.isNaN(n) ? "  n/a" : n.toFixed(3));
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

async function main() {
  const started = Date.now();
  Object.assign(process.env, { ...TEST_ENV, ...process.env });
  const database = await prepareDatabase();
  try {
    process.env.DATABASE_URL = database.url;
    const { searchCourses } = await import("../../lib/search/search-courses");
    const { searchParamsOf } = await import("../../lib/search/query");
    const { disconnectDb } = await import("../../lib/db");
    const c = new Client({ connectionString: database.url });
    await c.connect();
    const rows = (
      await c.query<Course>(
        `SELECT c.code, c.title, u.name AS organizer, c.tags FROM "Course" c JOIN "Unit" u ON u.id = c."organizerId" WHERE c.status IN ('PUBLISHED', 'CANCELLED')`,
      )
    ).rows;
    const titleCount = Number(flag("titles", quick ? "60" : "200"));
    const sampled = (await c.query<{ code: string; title: string }>(`SELECT code, title FROM "Course" WHERE status IN ('PUBLISHED', 'CANCELLED') ORDER BY md5(code) LIMIT $1`, [titleCount])).rows;
    await c.end();
    const courses: Judged[] = rows.map((r) => {
      const nTitle = norm(r.title);
      const nOrganizer = norm(r.organizer);
      return { ...r, nTitle, nOrganizer, nAll: [nTitle, nOrganizer, ...r.tags.map(norm)].join("\n") };
    });
    const byCode = new Map(courses.map((x) => [x.code, x]));
    console.log(`Relevance on the demo data: ${courses.length.toLocaleString("en-US")} public courses, ${RELEVANCE_QUERIES.length} judged queries.\n`);

    type Outcome = { query: RelevanceQuery; total: number; relevant: number; p10: number; ndcg: number; grades: number[]; afterSuggestion?: number; suggestion?: string; ms: number };
    const outcomes: Outcome[] = [];
    const noRelevant: RelevanceQuery[] = [];
    for (const query of RELEVANCE_QUERIES) {
      const all = courses.map((x) => grade(x, query));
      const relevant = all.filter((g) => g > 0).length;
      if (!relevant) {
        noRelevant.push(query);
        continue;
      }
      const ideal = [...all].sort((a, b) => b - a);
      const judge = (codes: string[]) => {
        const grades = codes.map((code) => {
          const course = byCode.get(code);
          return course ? grade(course, query) : 0;
        });
        const p10 = grades.filter((g) => g > 0).length / Math.min(10, relevant);
        return { grades, p10, ndcg: dcg(grades) / dcg(ideal) };
      };
      const t = performance.now();
      const result = await searchCourses({ q: query.q, size: "10" });
      const ms = performance.now() - t;
      const judged = judge(result.hits.map((h) => h.code));
      const outcome: Outcome = { query, total: result.total, relevant, ...judged, ms };
      if (result.total === 0 && result.suggestions.length) {
        const s = result.suggestions[0];
        const params = searchParamsOf({ ...s.query, page: 1, size: 10 });
        const followed = await searchCourses(params);
        outcome.afterSuggestion = judge(followed.hits.map((h) => h.code)).p10;
        outcome.suggestion = s.label;
      }
      outcomes.push(outcome);
    }

    const kinds = [...new Set(outcomes.map((o) => o.query.kind))];
    console.log("kind           queries   P@10   nDCG@10  zero-result  P@10 after suggestion (zero-result ones)");
    const line = (label: string, list: Outcome[]) => {
      const zero = list.filter((o) => o.total === 0);
      const followed = zero.filter((o) => o.afterSuggestion !== undefined);
      console.log(
        `${label.padEnd(14)}${String(list.length).padStart(8)}  ${fmt(mean(list.map((o) => o.p10)))}   ${fmt(mean(list.map((o) => o.ndcg)))}` +
          `   ${`${zero.length} (${((100 * zero.length) / list.length).toFixed(1)}%)`.padStart(11)}   ${followed.length ? `${fmt(mean(followed.map((o) => o.afterSuggestion!)))} over ${followed.length}` : "-"}`,
      );
    };
    for (const kind of kinds) line(kind, outcomes.filter((o) => o.query.kind === kind));
    line("ALL", outcomes);
    const meanP10 = mean(outcomes.map((o) => o.p10));
    const zeroRate = outcomes.filter((o) => o.total === 0).length / outcomes.length;
    const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
    console.log(`\nMean P@10 ${meanP10.toFixed(3)} (target ≥ 0.9: ${meanP10 >= 0.9 ? "met" : "MISSED"}), mean nDCG@10 ${mean(outcomes.map((o) => o.ndcg)).toFixed(3)}, zero-result rate ${(100 * zeroRate).toFixed(1)}%`);
    console.log(`searchCourses here: p50 ${times[Math.floor(times.length / 2)].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
    if (noRelevant.length) console.log(`Left out (no relevant course in this data): ${noRelevant.map((q) => q.q).join("、")}`);

    const weak = outcomes.filter((o) => o.p10 < 0.9 || verbose).sort((a, b) => a.p10 - b.p10);
    if (weak.length) {
      console.log(`\n${verbose ? "Every query" : "Queries below P@10 0.9"} (grades of the first 10 results; relevant = courses graded ≥ 1 in the data):`);
      for (const o of weak) {
        console.log(
          `  ${o.query.q.padEnd(12, "　")} [${o.query.kind}] P@10 ${o.p10.toFixed(2)} nDCG ${o.ndcg.toFixed(2)}  total ${o.total}  relevant ${o.relevant}  grades ${o.grades.join("") || "-"}` +
            (o.suggestion ? `  suggestion 「${o.suggestion}」 → P@10 ${o.afterSuggestion!.toFixed(2)}` : ""),
        );
      }
    }

    // Queries made of words of existing titles.
    const rng = random(20261207);
    const titleQueries: { q: string; title: string; code: string }[] = [];
    for (const s of sampled) {
      const words = titleWords(s.title);
      if (words.length < 2) continue;
      const n = Math.min(words.length, rng() < 0.5 ? 2 : 3);
      const picked = new Set<number>();
      while (picked.size < n) picked.add(Math.floor(rng() * words.length));
      titleQueries.push({ q: [...picked].sort((a, b) => a - b).map((i) => words[i]).join(""), title: s.title, code: s.code });
    }
    const zeroTitle: typeof titleQueries = [];
    let ownFound = 0;
    for (const t of titleQueries) {
      const result = await searchCourses({ q: t.q, size: "10" });
      if (result.total === 0) zeroTitle.push(t);
      else if (result.hits.some((h) => h.code === t.code)) ownFound++;
    }
    console.log(
      `\nQueries from title words (${titleQueries.length} titles, 2–3 of their words typed together): ${zeroTitle.length} return zero ` +
        `(target 0: ${zeroTitle.length === 0 ? "met" : "MISSED"}); the title's own course is on the first page for ${ownFound}.`,
    );
    for (const t of zeroTitle.slice(0, verbose ? 1000 : 20)) console.log(`  zero: ${t.q}   ← ${t.title}`);
    if (verbose) for (const t of titleQueries.slice(0, 20)) console.log(`  e.g. ${t.q}   ← ${t.title}`);
    await disconnectDb();
  } finally {
    await database.stop();
  }
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
