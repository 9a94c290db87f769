/** @jest-environment node */
// GET /api/courses and the search use case behind the four search pages.
import { useTestDatabase } from "../support/database";
import { createCourse, createUnit } from "../support/factories";
import { GET } from "@/app/api/courses/route";
import { isAppError } from "@/lib/errors";
import { searchCourses } from "@/lib/search/search-courses";
import { rebuildSearchIndex } from "@/lib/search/sync";

useTestDatabase();

const NOW = new Date("2026-11-30T02:00:00Z");

beforeAll(async () => {
  const unit = await createUnit({ name: "臺北市立示範國民中學", county: "臺北市" });
  await createCourse(unit.id, {
    code: "8300001",
    title: "校園性別平等教育增能研習",
    tags: ["性平教育"],
    registrationOpensAt: new Date("2026-11-01T00:00:00Z"),
    registrationClosesAt: new Date("2026-12-05T16:00:00Z"),
  });
  await createCourse(unit.id, { code: "8300002", title: "國中數學研習", startDate: new Date("2026-12-01"), endDate: new Date("2026-12-01") });
  await createCourse(unit.id, { code: "8300003", title: "國中數學草稿", status: "DRAFT" });
  await rebuildSearchIndex();
});

async function get(query: string) {
  const res = await GET(new Request(`http://localhost/api/courses?${query}`));
  return { status: res.status, headers: res.headers, body: await res.json() };
}

describe("GET /api/courses", () => {
  it("returns hits, total and page info for the query model", async () => {
    const { status, body, headers } = await get(`q=${encodeURIComponent("性平")}&size=10`);
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("public, max-age=30");
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 10, pageCount: 1 });
    expect(typeof body.updatedAt).toBe("string");
    expect(body.hits).toHaveLength(1);
    expect(body.hits[0]).toMatchObject({
      code: "8300001",
      title: "校園性別平等教育增能研習",
      organizerName: "臺北市立示範國民中學",
      status: "PUBLISHED",
      url: "/courses/8300001",
      highlights: { title: [[2, 6]], code: false },
    });
    expect(body.hits[0]).not.toHaveProperty("courseId");
  });

  it("pages and sorts", async () => {
    const { body } = await get("sort=code&order=desc&size=10&page=1");
    expect(body.hits.map((h: { code: string }) => h.code)).toEqual(["8300002", "8300001"]);
    const beyond = await get("size=10&page=5");
    expect(beyond.status).toBe(200);
    expect(beyond.body).toMatchObject({ total: 2, page: 5, hits: [] });
  });

  it("answers a bad parameter with 400 and a Chinese message per parameter, never 500", async () => {
    for (const query of ["size=7", "page=0", "from=2026-13-01", "county=Narnia", "field=code&q=abc", "open=maybe", "sort=price"]) {
      const { status, body } = await get(query);
      expect(status).toBe(400);
      expect(body.error.code).toBe("VALIDATION");
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(Object.keys(body.error.fieldErrors).length).toBeGreaterThan(0);
    }
  });
});

describe("searchCourses", () => {
  it("marks matched words, says whether registration is open now, and when the data was updated", async () => {
    const result = await searchCourses({ q: "國中 數學" }, { now: NOW });
    expect(result.hits.map((h) => h.code)).toEqual(["8300002"]);
    expect(result.hits[0].highlights.title).toEqual([[0, 4]]);
    expect(result.hits[0].highlights.organizerName).toEqual([[6, 10]]);
    expect(result.updatedAt).not.toBeNull();
    const open = await searchCourses({ q: "性平" }, { now: NOW });
    expect(open.hits[0].registrationOpen).toBe(true);
    const later = await searchCourses({ q: "性平" }, { now: new Date("2026-12-06T00:00:00Z") });
    expect(later.hits[0].registrationOpen).toBe(false);
  });

  it("finds words typed without spaces and marks each of them", async () => {
    const result = await searchCourses({ q: "數學國中" }, { now: NOW });
    expect(result.hits.map((h) => h.code)).toEqual(["8300002"]);
    expect(result.hits[0].highlights.title.length).toBeGreaterThan(0);
    expect((await searchCourses({ q: "性平研習" }, { now: NOW })).hits.map((h) => h.code)).toEqual(["8300001"]);
  });

  it("treats a keyword of only symbols or emoji as no keyword, and answers nothing rather than everything", async () => {
    for (const q of ["%", "_", "*", "()", "【", "😀"]) {
      const result = await searchCourses({ q }, { now: NOW });
      expect(result).toMatchObject({ keywordIgnored: true, total: 0, hits: [] });
    }
    // With a filter, the filter still answers.
    const filtered = await searchCourses({ q: "%%", county: "臺北市" }, { now: NOW });
    const plain = await searchCourses({ county: "臺北市" }, { now: NOW });
    expect(filtered.keywordIgnored).toBe(true);
    expect(filtered.total).toBe(plain.total);
    expect((await searchCourses({ q: "國中" }, { now: NOW })).keywordIgnored).toBe(false);
  });

  it("suggests what to try when nothing is found: a close spelling, fewer words, fewer filters", async () => {
    // A one-character typo of a word of the field: its close spelling's results, said so.
    const typo = await searchCourses({ q: "性別平寺" }, { now: NOW });
    expect(typo.correction).toEqual({ from: "性別平寺", to: "性別平等" });
    expect(typo.hits.map((h) => h.code)).toEqual(["8300001"]);
    expect(typo.total).toBe(1);
    expect(typo.hits[0].highlights.title.length).toBeGreaterThan(0);
    // Simplified characters: the same words in Traditional.
    const simplified = await searchCourses({ q: "国中数学" }, { now: NOW });
    expect(simplified.correction).toEqual({ from: "国中数学", to: "國中數學" });
    expect(simplified.hits.map((h) => h.code)).toEqual(["8300002"]);
    // Found as typed: no correction.
    expect((await searchCourses({ q: "國中數學" }, { now: NOW })).correction).toBeUndefined();

    const tooMany = await searchCourses({ q: "國中數學性平" }, { now: NOW });
    expect(tooMany.total).toBe(0);
    const fewer = tooMany.suggestions.filter((s) => s.kind === "fewer-words").map((s) => s.query.q);
    expect(fewer).toEqual(expect.arrayContaining(["國中 數學", "國中 性平"]));
    expect(fewer).not.toContain("數學 性平");

    const filtered = await searchCourses({ q: "性平", county: "高雄市" }, { now: NOW });
    expect(filtered.total).toBe(0);
    expect(filtered.suggestions).toContainEqual(
      expect.objectContaining({ kind: "remove-filter", label: "移除條件「地區：高雄市」", total: 1, query: expect.objectContaining({ county: undefined, q: "性平" }) }),
    );
    // Every suggestion is tried: none leads to nothing.
    for (const r of [tooMany, filtered]) for (const s of r.suggestions) expect(s.total).toBeGreaterThan(0);
  });

  it("uses the page's default page size", async () => {
    expect((await searchCourses({}, { defaults: { size: 50 } })).pageSize).toBe(50);
  });

  it("raises a VALIDATION AppError for bad params", async () => {
    const error = await searchCourses({ page: "x" }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("VALIDATION");
  });
});
