/** @jest-environment node */
// The contract of the search index port (lib/search/index-port.ts). The same cases run against
// PostgreSQL always and against Meilisearch when MEILISEARCH_URL is set (see the README).
import { useTestDatabase } from "../support/database";
import { db } from "@/lib/db";
import { compileQuery } from "@/lib/search/compile";
import { allDocumentBatches, loadDocuments, type SearchDocument } from "@/lib/search/documents";
import type { SearchIndex } from "@/lib/search/index-port";
import { createMeiliClient, MeilisearchIndex } from "@/lib/search/meilisearch-index";
import { PostgresSearchIndex } from "@/lib/search/postgres-index";
import { parseSearchQuery } from "@/lib/search/query";
import type { ClassType, CourseStatus, TimeSlot, UnitStage } from "@/generated/prisma/enums";

useTestDatabase();

const NOW = new Date("2026-11-30T02:00:00Z");
const CONTEXT = { now: NOW, today: "2026-11-30" };

type UnitKey = "demo" | "kaohsiungHigh" | "nsysu" | "readingCenter" | "taichungElementary" | "specialCenter" | "hsinchuCulture";
const UNITS: Record<UnitKey, { name: string; county: string; stage: UnitStage }> = {
  demo: { name: "臺北市立示範國民中學", county: "臺北市", stage: "JUNIOR_HIGH" },
  kaohsiungHigh: { name: "高雄市立前鎮高級中學", county: "高雄市", stage: "SENIOR_HIGH" },
  nsysu: { name: "國立中山大學", county: "高雄市", stage: "UNIVERSITY" },
  readingCenter: { name: "新北市閱讀推廣中心", county: "新北市", stage: "GOVERNMENT" },
  taichungElementary: { name: "臺中市北屯區文昌國民小學", county: "臺中市", stage: "ELEMENTARY" },
  specialCenter: { name: "國立臺灣師範大學特殊教育中心", county: "臺北市", stage: "UNIVERSITY" },
  hsinchuCulture: { name: "新竹市文化局", county: "新竹市", stage: "GOVERNMENT" },
};

type Window = "open" | "closed" | "later" | "none";
type Fixture = {
  code: string;
  title: string;
  unit: UnitKey;
  venueCounty: string;
  start: string;
  end?: string;
  tags?: string[];
  classType?: ClassType;
  category?: string;
  slot?: TimeSlot;
  hours?: number;
  fee?: number;
  window?: Window;
  status?: CourseStatus;
};

const FIXTURES: Fixture[] = [
  { code: "8100001", title: "國中數學素養導向教學研習", unit: "demo", venueCounty: "臺北市", start: "2026-12-10", hours: 3, window: "open" },
  { code: "8100002", title: "校園性別平等教育增能研習", unit: "kaohsiungHigh", venueCounty: "高雄市", start: "2026-12-05", tags: ["性別平等教育"], category: "增能研習", slot: "WEEKEND", hours: 6, window: "closed" },
  { code: "8100003", title: "性平事件調查專業人員培訓", unit: "nsysu", venueCounty: "高雄市", start: "2027-01-15", end: "2027-01-16", tags: ["性別平等教育"], category: "工作坊", slot: "WEEKEND", hours: 12, fee: 500, window: "later" },
  { code: "8100004", title: "閱讀理解策略教學研習", unit: "taichungElementary", venueCounty: "臺中市", start: "2026-12-20", tags: ["閱讀教育"], slot: "WEEKDAY_EVENING", hours: 2, window: "none" },
  { code: "8100005", title: "生成式AI融入教學工作坊", unit: "kaohsiungHigh", venueCounty: "高雄市", start: "2026-11-20", tags: ["資訊教育"], category: "工作坊", hours: 3, window: "closed" },
  { code: "8100006", title: "特教知能研習", unit: "specialCenter", venueCounty: "臺北市", start: "2026-10-01", tags: ["特殊教育"], hours: 3, window: "closed" },
  { code: "8100007", title: "幼兒教育課程設計研習", unit: "taichungElementary", venueCounty: "臺中市", start: "2027-02-01", hours: 3, window: "later" },
  { code: "8100008", title: "國民小學英語文教學研習", unit: "taichungElementary", venueCounty: "臺中市", start: "2026-12-15", hours: 3, window: "open" },
  { code: "8100009", title: "高級中學物理探究實作", unit: "kaohsiungHigh", venueCounty: "高雄市", start: "2026-12-28", hours: 6, window: "open" },
  { code: "8100010", title: "教師專業成長研習", unit: "readingCenter", venueCounty: "新北市", start: "2027-02-15", hours: 3, window: "open" },
  { code: "8100011", title: "班級經營講座", unit: "demo", venueCounty: "臺北市", start: "2027-03-01", tags: ["閱讀教育"], category: "講座", hours: 2, window: "open" },
  { code: "8100012", title: "114學年度課程與教學碩士在職專班", unit: "nsysu", venueCounty: "高雄市", start: "2027-02-20", end: "2027-07-31", classType: "DEGREE", category: "碩士在職專班", slot: "WEEKEND", hours: 18, fee: 30000, window: "later" },
  { code: "8100013", title: "中國文學與國際中心導覽", unit: "hsinchuCulture", venueCounty: "新竹市", start: "2026-12-03", hours: 3, window: "open" },
  { code: "8100014", title: "國中數學差異化教學", unit: "demo", venueCounty: "臺北市", start: "2026-12-18", hours: 3, window: "open", status: "CANCELLED" },
  { code: "8100015", title: "國中數學草稿研習", unit: "demo", venueCounty: "臺北市", start: "2026-12-19", hours: 3, window: "open", status: "DRAFT" },
  { code: "8100016", title: "國中數學送審研習", unit: "demo", venueCounty: "臺北市", start: "2026-12-19", hours: 3, window: "open", status: "SUBMITTED" },
  { code: "8100017", title: "研習代碼8100001補充說明會", unit: "nsysu", venueCounty: "高雄市", start: "2026-12-02", hours: 1, window: "none" },
  { code: "8100018", title: "美感教育研習", unit: "specialCenter", venueCounty: "臺北市", start: "2026-12-08", classType: "CREDIT", category: "教師在職進修學分班", hours: 18, fee: 6000, window: "open" },
  // Words of the field's dictionary (lib/search/dictionary.json) and ranking cases.
  { code: "8100019", title: "環境教育戶外探索研習", unit: "hsinchuCulture", venueCounty: "新竹市", start: "2026-12-12", window: "open" },
  { code: "8100020", title: "資訊教育科技融入教學", unit: "hsinchuCulture", venueCounty: "新竹市", start: "2026-12-14", window: "open" },
  { code: "8100021", title: "國教署補助計畫說明會", unit: "hsinchuCulture", venueCounty: "新竹市", start: "2026-12-16", window: "open" },
  { code: "8100022", title: "技職教育課程發展研習", unit: "hsinchuCulture", venueCounty: "新竹市", start: "2026-12-22", window: "open" },
  { code: "8100023", title: "國中小領域輔導團到校服務", unit: "hsinchuCulture", venueCounty: "新竹市", start: "2026-12-04", window: "open" },
  { code: "8100024", title: "輔導知能研習", unit: "hsinchuCulture", venueCounty: "新竹市", start: "2027-03-10", window: "later" },
  { code: "8100025", title: "國民小學數學素養工作坊", unit: "hsinchuCulture", venueCounty: "新竹市", start: "2027-01-05", window: "later" },
  { code: "8100026", title: "數學課堂的AI應用", unit: "hsinchuCulture", venueCounty: "新竹市", start: "2026-09-10", window: "closed" },
  { code: "8100027", title: "教學與研習成果分享會", unit: "hsinchuCulture", venueCounty: "新竹市", start: "2026-12-01", window: "open" },
];
const PUBLIC = FIXTURES.filter((f) => (f.status ?? "PUBLISHED") === "PUBLISHED" || f.status === "CANCELLED");

const WINDOWS: Record<Window, [string, string] | null> = {
  open: ["2026-11-01T00:00:00Z", "2026-12-05T16:00:00Z"],
  closed: ["2026-11-01T00:00:00Z", "2026-11-29T16:00:00Z"],
  later: ["2026-12-10T00:00:00Z", "2026-12-31T16:00:00Z"],
  none: null,
};

async function createFixtures(): Promise<void> {
  const unitIds = new Map<UnitKey, number>();
  let n = 0;
  for (const [key, u] of Object.entries(UNITS) as [UnitKey, (typeof UNITS)[UnitKey]][]) {
    const unit = await db.unit.create({ data: { code: String(710000 + ++n), name: u.name, county: u.county, stage: u.stage } });
    unitIds.set(key, unit.id);
  }
  for (const f of FIXTURES) await db.course.create({ data: courseData(f, unitIds.get(f.unit) as number) });
}

function courseData(f: Fixture, organizerId: number) {
  const window = WINDOWS[f.window ?? "open"];
  return {
    code: f.code,
    title: f.title,
    classType: f.classType ?? "NON_CREDIT",
    category: f.category ?? "一般研習",
    subjectPath: "國中 / 教學 / 數學領域",
    schoolYear: 115,
    semester: 1,
    startDate: new Date(`${f.start}T00:00:00Z`),
    endDate: new Date(`${f.end ?? f.start}T00:00:00Z`),
    timeSlot: f.slot ?? "WEEKDAY_DAYTIME",
    venue: `${f.venueCounty}某區某路1號`,
    venueCounty: f.venueCounty,
    hours: f.hours ?? 3,
    description: "測試用課程。",
    audience: "全國教師",
    classCount: 1,
    seatsPerClass: 30,
    capacity: 30,
    fee: f.fee ?? 0,
    organizerId,
    contactName: "承辦人",
    contactPhone: "02-12345678",
    contactEmail: "contact@example.edu.tw",
    tags: f.tags ?? [],
    onlineRegistration: window !== null,
    registrationOpensAt: window ? new Date(window[0]) : null,
    registrationClosesAt: window ? new Date(window[1]) : null,
    status: f.status ?? "PUBLISHED",
  } as const;
}

async function* batchesOf(docs: SearchDocument[], size = 5) {
  for (let i = 0; i < docs.length; i += size) yield docs.slice(i, i + size);
}

const meiliUrl = process.env.MEILISEARCH_URL;
const engines: [string, () => Promise<{ index: SearchIndex; cleanup: () => Promise<void> }>][] = [
  ["postgres", async () => ({ index: new PostgresSearchIndex(), cleanup: async () => {} })],
  // The same index, every relevance search walked tier by tier as searches with many matches are.
  ["postgres (walked)", async () => ({ index: new PostgresSearchIndex(undefined, { sortAtOnce: 0 }), cleanup: async () => {} })],
];
if (!meiliUrl) {
  // Said out loud, so that a green run is not mistaken for a pass of both engines.
  console.warn("search index contract: the Meilisearch half was NOT run (MEILISEARCH_URL is not set); only PostgreSQL was checked.");
}
if (meiliUrl) {
  engines.push([
    "meilisearch",
    async () => {
      const client = await createMeiliClient(meiliUrl, process.env.MEILISEARCH_KEY);
      const uid = `contract_${process.pid}_${Date.now()}`;
      return {
        index: new MeilisearchIndex(client, uid),
        cleanup: async () => {
          await client.deleteIndex(uid).waitTask({ timeout: 60_000 });
        },
      };
    },
  ]);
}

let allDocs: SearchDocument[] = [];
beforeAll(async () => {
  await createFixtures();
  for await (const batch of allDocumentBatches()) allDocs.push(...batch);
});

describe.each(engines)("search index contract: %s", (engine, make) => {
  // Ranking among equals by the moment of the search, and whole words: PostgreSQL only (README, "Engines").
  const postgresOnly = engine.startsWith("postgres") ? it : it.skip;
  let index: SearchIndex;
  let cleanup: () => Promise<void>;

  async function search(params: string) {
    const parsed = parseSearchQuery(new URLSearchParams(params));
    if (!parsed.ok) throw new Error(parsed.message);
    return index.search(compileQuery(parsed.query, CONTEXT));
  }
  async function codes(params: string): Promise<string[]> {
    return (await search(params)).hits.map((h) => h.code);
  }
  async function codeSet(params: string): Promise<string[]> {
    const result = await search(`${params}&size=100`);
    expect(result.total).toBe(result.hits.length);
    return result.hits.map((h) => h.code).sort();
  }
  const expected = (pred: (f: Fixture) => boolean) => PUBLIC.filter(pred).map((f) => f.code).sort();

  beforeAll(async () => {
    ({ index, cleanup } = await make());
    await index.rebuild(batchesOf(allDocs));
  });
  afterAll(async () => {
    await cleanup();
  });

  it("indexes published and cancelled courses only", async () => {
    expect(allDocs.map((d) => d.code).sort()).toEqual(expected(() => true));
    expect(await index.count()).toBe(PUBLIC.length);
    expect(await codeSet("")).toEqual(expected(() => true));
  });

  describe("Chinese the way teachers type it", () => {
    it("finds two-character queries, and only where the two characters stand together", async () => {
      expect(await codeSet("q=數學")).toEqual(["8100001", "8100014", "8100025", "8100026"]);
      // 國中 is in the titles and (as 國民中學) in the organizer; 中國文學與國際中心 is not a match.
      expect(await codeSet("q=國中")).toEqual(["8100001", "8100011", "8100014", "8100023"]);
      expect(await codeSet("q=性平")).toEqual(["8100002", "8100003"]);
    });

    it("treats 台 and 臺 as the same character", async () => {
      expect(await codeSet("q=台北")).toEqual(["8100001", "8100011", "8100014"]);
      expect(await codeSet("q=臺北")).toEqual(["8100001", "8100011", "8100014"]);
      expect(await codeSet("q=台中")).toEqual(["8100004", "8100007", "8100008"]);
    });

    it("matches full-width and half-width letters and digits, in any case", async () => {
      for (const q of ["AI", "ai", "ＡＩ", "Ai"]) expect(await codeSet(`q=${q}`)).toEqual(["8100005", "8100026"]);
      expect(await codeSet("q=１１４學年度")).toEqual(["8100012"]);
    });

    it("finds the long form from the abbreviation, and the abbreviation from the long form", async () => {
      expect(await codeSet("q=性別平等")).toEqual(["8100002", "8100003"]);
      expect(await codeSet("q=國小")).toEqual(["8100004", "8100007", "8100008", "8100025"]);
      expect(await codeSet("q=國民小學")).toEqual(["8100004", "8100007", "8100008", "8100025"]);
      expect(await codeSet("q=高中")).toEqual(["8100002", "8100005", "8100009"]);
      // 8100018 is organized by 國立臺灣師範大學特殊教育中心.
      expect(await codeSet("q=特教")).toEqual(["8100006", "8100018"]);
      expect(await codeSet("q=特殊教育")).toEqual(["8100006", "8100018"]);
      expect(await codeSet("q=幼教")).toEqual(["8100007"]);
      expect(await codeSet("q=國民中學&field=organizer")).toEqual(["8100001", "8100011", "8100014"]);
    });

    it("knows the field's abbreviations, both ways (lib/search/dictionary.json)", async () => {
      for (const q of ["環教", "環境教育"]) expect(await codeSet(`q=${q}`)).toEqual(["8100019"]);
      // 8100005 has the tag 資訊教育.
      for (const q of ["資教", "資訊教育"]) expect(await codeSet(`q=${q}`)).toEqual(["8100005", "8100020"]);
      for (const q of ["國教署", "國民及學前教育署"]) expect(await codeSet(`q=${q}`)).toEqual(["8100021"]);
      for (const q of ["技職", "技術及職業教育"]) expect(await codeSet(`q=${q}`)).toEqual(["8100022"]);
      // Typed without spaces, abbreviation and other words together.
      expect(await codeSet("q=環教研習")).toEqual(["8100019"]);
      expect(await codeSet("q=技職課程")).toEqual(["8100022"]);
    });

    it("finds words typed without spaces as it finds them typed with spaces", async () => {
      const pairs: [string, string, string[]][] = [
        ["性平研習", "性平 研習", ["8100002"]],
        ["國小數學工作坊", "國小 數學 工作坊", ["8100025"]],
        ["AI數學", "AI 數學", ["8100026"]],
        ["數學國中", "數學 國中", ["8100001", "8100014"]],
        ["輔導研習", "輔導 研習", ["8100024"]],
      ];
      for (const [unspaced, spaced, found] of pairs) {
        expect(await codeSet(`q=${spaced}`)).toEqual(found);
        expect(await codeSet(`q=${unspaced}`)).toEqual(found);
      }
    });

    it("finds nothing for a keyword of only symbols (the use case treats it as no keyword)", async () => {
      for (const q of ["%", "_", "*", "()", "【", "😀", "%_"]) {
        const parsed = parseSearchQuery(new URLSearchParams({ q }));
        if (!parsed.ok) throw new Error(parsed.message);
        expect(compileQuery(parsed.query, CONTEXT).terms).toEqual([]);
      }
      // A literal % or _ inside words is not a wildcard.
      expect(await codeSet("q=數%學")).toEqual(["8100001", "8100014", "8100025", "8100026"]);
      expect(await codeSet("q=數_")).toEqual(await codeSet("q=數"));
    });

    it("matches a term as a phrase and every term of the keyword", async () => {
      expect(await codeSet("q=教學研習")).toEqual(["8100001", "8100004", "8100008", "8100027"]);
      expect(await codeSet("q=國中 數學")).toEqual(["8100001", "8100014"]);
      expect(await codeSet("q=數學 高雄")).toEqual([]);
      expect(await codeSet("q=生成式AI融入")).toEqual(["8100005"]);
    });

    it("finds one-character queries", async () => {
      expect(await codeSet("q=美")).toEqual(["8100018"]);
      expect(await codeSet("q=感")).toEqual(["8100018"]);
      expect(await codeSet("q=坊")).toEqual(["8100005", "8100025"]);
      expect(await codeSet("q=式AI")).toEqual(["8100005"]);
    });
  });

  describe("ranking", () => {
    it("puts the course with that code first", async () => {
      expect(await codes("q=8100001")).toEqual(["8100001", "8100017"]);
    });

    it("ranks title matches above organizer matches above tag matches, whatever the dates", async () => {
      // 8100004 has 閱讀 in its title (and tags), 8100010's organizer is 新北市閱讀推廣中心,
      // 8100011 only has the tag 閱讀教育 — and the latest start date.
      expect(await codes("q=閱讀")).toEqual(["8100004", "8100010", "8100011"]);
    });

    postgresOnly("orders equally relevant courses: open for registration, then not started (soonest first), then past, then cancelled", async () => {
      // All four have 數學 as a whole word of the title.
      expect(await codes("q=數學")).toEqual(["8100001", "8100025", "8100026", "8100014"]);
      // Title matches (8100023 has 國中 inside 國中小) before the organizer match 8100011.
      expect(await codes("q=國中")).toEqual(["8100001", "8100014", "8100023", "8100011"]);
    });

    postgresOnly("ranks a whole word above the same characters inside a longer word", async () => {
      // 8100023 (…輔導團…) is open and sooner; 8100024 has 輔導 as a word of its own.
      expect(await codes("q=輔導")).toEqual(["8100024", "8100023"]);
    });

    it("ranks words found as typed above the same words apart", async () => {
      // 8100027 (教學與研習…) is open and starts first, yet comes after the titles with 教學研習.
      expect(await codes("q=教學研習")).toEqual(["8100001", "8100008", "8100004", "8100027"]);
    });
  });

  describe("where the keyword is looked for", () => {
    it("title, organizer, tag or all", async () => {
      expect(await codeSet("q=閱讀&field=title")).toEqual(["8100004"]);
      expect(await codeSet("q=閱讀&field=organizer")).toEqual(["8100010"]);
      expect(await codeSet("q=閱讀&field=tag")).toEqual(["8100004", "8100011"]);
      expect(await codeSet("q=閱讀")).toEqual(["8100004", "8100010", "8100011"]);
      expect(await codeSet("q=8100001&field=title")).toEqual(["8100017"]);
    });

    it("course codes, exactly, several at once", async () => {
      expect(await codeSet("q=8100001 8100004&field=code")).toEqual(["8100001", "8100004"]);
      expect(await codeSet("q=810000&field=code")).toEqual([]);
      expect(await codeSet("q=8100015&field=code")).toEqual([]);
    });

    it("a keyword and an organizer keyword together", async () => {
      expect(await codeSet("q=數學&org=示範")).toEqual(["8100001", "8100014"]);
      expect(await codeSet("org=中山大學")).toEqual(expected((f) => f.unit === "nsysu"));
      expect(await codeSet("q=研習&org=文昌國小")).toEqual(["8100004", "8100007", "8100008"]);
      expect(await codeSet("q=數學&org=中山")).toEqual([]);
    });
  });

  describe("filters", () => {
    it("county, organizer stage, class type, category, tags, time slot", async () => {
      expect(await codeSet("county=高雄市")).toEqual(expected((f) => f.venueCounty === "高雄市"));
      expect(await codeSet("county=台北市")).toEqual(expected((f) => f.venueCounty === "臺北市"));
      expect(await codeSet("stage=UNIVERSITY")).toEqual(expected((f) => UNITS[f.unit].stage === "UNIVERSITY"));
      expect(await codeSet("type=DEGREE")).toEqual(["8100012"]);
      expect(await codeSet("type=CREDIT")).toEqual(["8100018"]);
      expect(await codeSet("category=工作坊")).toEqual(["8100003", "8100005"]);
      // Stored tags are the managed list's names; an alias in the URL (性平教育) is its tag.
      expect(await codeSet("tag=閱讀教育&tag=性平教育")).toEqual(["8100002", "8100003", "8100004", "8100011"]);
      expect(await codeSet("tag=性平教育")).toEqual(await codeSet("tag=性別平等教育"));
      expect(await codeSet("slot=WEEKEND")).toEqual(expected((f) => f.slot === "WEEKEND"));
    });

    it("start date range, past courses included, and 30 days from today", async () => {
      expect(await codeSet("from=2026-10-01&to=2026-11-30")).toEqual(["8100005", "8100006"]);
      expect(await codeSet("to=2026-11-30")).toEqual(["8100005", "8100006", "8100026"]);
      expect(await codeSet("from=2027-02-01")).toEqual(expected((f) => f.start >= "2027-02-01"));
      expect(await codeSet("days=30")).toEqual(expected((f) => f.start >= "2026-11-30" && f.start <= "2026-12-30"));
    });

    it("registration open now: published, online, inside the window; never cancelled", async () => {
      expect(await codeSet("open=1")).toEqual(expected((f) => (f.window ?? "open") === "open" && f.status !== "CANCELLED"));
      expect(await codeSet("open=1")).not.toContain("8100014");
    });

    it("online registration only, free only, hours", async () => {
      expect(await codeSet("online=1")).toEqual(expected((f) => f.window !== "none"));
      expect(await codeSet("free=1")).toEqual(expected((f) => (f.fee ?? 0) === 0));
      expect(await codeSet("hmin=6&hmax=12")).toEqual(expected((f) => (f.hours ?? 3) >= 6 && (f.hours ?? 3) <= 12));
    });

    it("filters and keywords together", async () => {
      expect(await codeSet("q=研習&county=臺中市&free=1&slot=WEEKDAY_EVENING")).toEqual(["8100004"]);
    });

    it("keeps cancelled courses findable, marked as cancelled", async () => {
      const hit = (await search("q=差異化")).hits[0];
      expect(hit).toMatchObject({ code: "8100014", status: "CANCELLED" });
    });
  });

  describe("sorting and paging", () => {
    const byStart = [...PUBLIC].sort((a, b) => a.start.localeCompare(b.start) || a.code.localeCompare(b.code));
    const byEnd = [...PUBLIC].sort((a, b) => (a.end ?? a.start).localeCompare(b.end ?? b.start) || a.code.localeCompare(b.code));

    it("by start date, end date and code, both ways", async () => {
      expect(await codes("sort=start&order=asc&size=100")).toEqual(byStart.map((f) => f.code));
      expect(await codes("sort=start&order=desc&size=100")).toEqual([...byStart].reverse().map((f) => f.code));
      expect(await codes("size=100")).toEqual([...byStart].reverse().map((f) => f.code));
      expect(await codes("sort=end&order=asc&size=100")).toEqual(byEnd.map((f) => f.code));
      expect(await codes("sort=code&size=100")).toEqual(PUBLIC.map((f) => f.code).sort());
      expect(await codes("sort=code&order=desc&size=100")).toEqual(PUBLIC.map((f) => f.code).sort().reverse());
      expect(await codes("q=研習&sort=start&order=asc&size=100")).toEqual(byStart.filter((f) => f.title.includes("研習")).map((f) => f.code));
    });

    it("pages with exact totals", async () => {
      const all = PUBLIC.map((f) => f.code).sort();
      const first = await search("sort=code&size=10");
      const second = await search("sort=code&size=10&page=2");
      expect(first.total).toBe(PUBLIC.length);
      expect(second.total).toBe(PUBLIC.length);
      expect(first.hits.map((h) => h.code)).toEqual(all.slice(0, 10));
      expect(second.hits.map((h) => h.code)).toEqual(all.slice(10, 20));
      const beyond = await search("sort=code&size=10&page=9");
      expect(beyond.hits).toEqual([]);
      expect(beyond.total).toBe(PUBLIC.length);
    });
  });

  it("returns the public document fields", async () => {
    const [hit] = (await search("q=8100003&field=code")).hits;
    expect(hit).toEqual(allDocs.find((d) => d.code === "8100003"));
    expect(hit).toMatchObject({
      title: "性平事件調查專業人員培訓",
      organizerName: "國立中山大學",
      organizerStage: "UNIVERSITY",
      startDate: "2027-01-15",
      endDate: "2027-01-16",
      tags: ["性別平等教育"],
      fee: 500,
      hours: 12,
      registrationOpensAt: "2026-12-10T00:00:00.000Z",
    });
  });

  it("lists the categories in use, and the tags with their counts of public courses, most first", async () => {
    const facets = await index.facets();
    expect(facets.categories).toEqual(expect.arrayContaining(["一般研習", "工作坊", "碩士在職專班", "講座"]));
    const expected = new Map<string, number>();
    for (const d of allDocs) for (const t of new Set(d.tags)) expected.set(t, (expected.get(t) ?? 0) + 1);
    expect(Object.fromEntries(facets.tags.map((t) => [t.name, t.count]))).toEqual(Object.fromEntries(expected));
    expect(facets.tags[0].count).toBe(2);
    const counts = facets.tags.map((t) => t.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("adds, replaces and removes documents", async () => {
    const doc = allDocs.find((d) => d.code === "8100013") as SearchDocument;
    await index.upsert([{ ...doc, title: "海洋教育體驗營", courseUpdatedAt: new Date().toISOString() }]);
    expect(await codeSet("q=海洋")).toEqual(["8100013"]);
    expect(await codeSet("q=國際中心")).toEqual([]);
    await index.remove(["8100013", "9999999"]);
    expect(await codeSet("q=海洋")).toEqual([]);
    expect(await index.count()).toBe(PUBLIC.length - 1);
    await index.upsert([doc]);
    expect(await index.count()).toBe(PUBLIC.length);
  });

  it("rebuilds aside: searches see the old index until the swap, then only the new one", async () => {
    const newCourse: SearchDocument = { ...(allDocs.find((d) => d.code === "8100001") as SearchDocument), code: "8100099", courseId: 99999, title: "新建索引才有的天文研習" };
    const next = [...allDocs.filter((d) => d.code !== "8100018"), newCourse];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let halfway: () => void = () => {};
    const reachedHalfway = new Promise<void>((resolve) => (halfway = resolve));
    async function* slowBatches() {
      yield next.slice(0, 8);
      halfway();
      await gate;
      yield next.slice(8);
    }
    const rebuilding = index.rebuild(slowBatches());
    await reachedHalfway;
    // Mid-build: the live index is untouched.
    expect(await codeSet("q=美")).toEqual(["8100018"]);
    expect(await codeSet("q=天文")).toEqual([]);
    release();
    const { count } = await rebuilding;
    expect(count).toBe(next.length);
    expect(await codeSet("q=美")).toEqual([]);
    expect(await codeSet("q=天文")).toEqual(["8100099"]);
    expect(await index.count()).toBe(next.length);
    // The rebuilt index is fully usable: filters, sorting and updates still work.
    expect(await codeSet("q=數學&county=臺北市")).toEqual(["8100001", "8100014"]);
    await index.upsert([allDocs.find((d) => d.code === "8100018") as SearchDocument]);
    expect(await codeSet("q=美")).toEqual(["8100018"]);
  });
});

describe("documents", () => {
  it("come from published and cancelled courses, with their organizer", async () => {
    const { upsert, remove } = await loadDocuments(["8100001", "8100014", "8100015", "8100016", "0000000"]);
    expect(upsert.map((d) => d.code).sort()).toEqual(["8100001", "8100014"]);
    expect(remove.sort()).toEqual(["0000000", "8100015", "8100016"]);
    expect(upsert.find((d) => d.code === "8100001")).toMatchObject({
      organizerName: "臺北市立示範國民中學",
      organizerStage: "JUNIOR_HIGH",
      organizerCounty: "臺北市",
      status: "PUBLISHED",
      registrationClosesAt: "2026-12-05T16:00:00.000Z",
    });
  });
});
