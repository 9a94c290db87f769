import { compileQuery } from "@/lib/search/compile";
import { effectiveSort, emptyQuery, lastLinkedPage, MAX_PAGE, parseSearchQuery, searchHref, searchParamsOf, type QueryDefaults, type SearchQuery } from "@/lib/search/query";

function ok(params: Record<string, string | string[]> | string): SearchQuery {
  const parsed = parseSearchQuery(typeof params === "string" ? new URLSearchParams(params) : params);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.query;
}

function bad(params: string): Record<string, string[]> {
  const parsed = parseSearchQuery(new URLSearchParams(params));
  if (parsed.ok) throw new Error(`expected ${params} to be refused`);
  return parsed.fieldErrors;
}

const context = { now: new Date("2026-11-30T02:00:00Z"), today: "2026-11-30" };

describe("parseSearchQuery", () => {
  it("gives the defaults for an empty URL", () => {
    expect(ok("")).toEqual(emptyQuery());
    expect(ok("").size).toBe(30);
    expect(parseSearchQuery(new URLSearchParams(""), { size: 50 })).toMatchObject({ ok: true, query: { size: 50 } });
  });

  it("reads every part of the query model", () => {
    const q = ok(
      "q=性平 教育&field=title&org=國立中山大學&county=台北市&stage=JUNIOR_HIGH&type=NON_CREDIT&category=工作坊&tag=性平教育&tag=閱讀教育" +
        "&slot=WEEKEND&from=2025-01-01&to=2026-12-31&days=30&open=1&online=1&free=1&hmin=1.5&hmax=6&sort=start&order=asc&page=3&size=100",
    );
    expect(q).toEqual({
      q: "性平 教育",
      field: "title",
      org: "國立中山大學",
      county: "臺北市",
      stage: "JUNIOR_HIGH",
      classType: "NON_CREDIT",
      category: "工作坊",
      tags: ["性平教育", "閱讀教育"],
      timeSlot: "WEEKEND",
      from: "2025-01-01",
      to: "2026-12-31",
      days: 30,
      upcomingOnly: false,
      open: true,
      online: true,
      free: true,
      minHours: 1.5,
      maxHours: 6,
      sort: "start",
      order: "asc",
      page: 3,
      size: 100,
    });
  });

  it("treats empty form fields as absent and ignores unknown params", () => {
    expect(ok("q=&field=&county=&type=&from=&tag=&utm_source=x")).toEqual(emptyQuery());
  });

  it("accepts the records of Next.js searchParams, arrays included", () => {
    expect(ok({ q: "數學", tag: ["閱讀教育", "閱讀教育"], page: ["2", "9"] })).toMatchObject({ q: "數學", tags: ["閱讀教育"], page: 2 });
  });

  it("refuses bad values with a Chinese message per parameter", () => {
    expect(bad("page=abc").page[0]).toBe("頁碼必須是 1 到 1000 的整數。");
    expect(bad("page=0").page).toBeDefined();
    expect(bad("page=1001").page).toBeDefined();
    expect(bad("size=7").size[0]).toBe("每頁筆數只能是 10、30、50 或 100。");
    expect(bad("county=火星市").county[0]).toContain("22 個縣市");
    expect(bad("stage=HIGH").stage[0]).toContain("開課單位類型");
    expect(bad("type=FREE").type[0]).toContain("非學分班");
    expect(bad("slot=NIGHT").slot).toBeDefined();
    expect(bad("from=2026-13-01").from[0]).toContain("YYYY-MM-DD");
    expect(bad("to=2026-02-30").to).toBeDefined();
    expect(bad("from=2026-05-01&to=2026-04-01").to[0]).toContain("不能晚於");
    expect(bad("days=7").days).toBeDefined();
    expect(bad("past=yes").past[0]).toContain("已開始");
    expect(bad("open=yes").open[0]).toContain("1");
    expect(bad("hmin=-1").hmin).toBeDefined();
    expect(bad("hmin=6&hmax=3").hmax).toBeDefined();
    expect(bad("sort=title").sort).toBeDefined();
    expect(bad("order=up").order).toBeDefined();
    expect(bad("field=everything").field).toBeDefined();
    expect(bad("field=code&q=數學").q[0]).toContain("課程代碼");
    expect(bad(`q=${"字".repeat(101)}`).q).toBeDefined();
    expect(bad(`tag=${Array.from({ length: 11 }, (_, i) => `t${i}`).join("&tag=")}`).tag).toBeDefined();
  });

  it("collects several errors at once", () => {
    const parsed = parseSearchQuery(new URLSearchParams("page=x&size=3"));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain("頁碼");
  });
});

describe("URLs", () => {
  it("writes the canonical params without defaults, and reads them back to the same query", () => {
    const q = ok("tag=b&q=數學&size=30&page=1&field=all&county=臺北市&tag=a");
    expect(searchParamsOf(q).toString()).toBe(new URLSearchParams("q=數學&county=臺北市&tag=b&tag=a").toString());
    const full = ok("q=x&field=tag&org=y&stage=ELEMENTARY&type=CREDIT&category=c&slot=WEEKEND&from=2026-01-01&to=2026-02-01&days=30&open=1&online=1&free=1&hmin=1&hmax=2&sort=code&order=desc&page=4&size=10");
    expect(ok(searchParamsOf(full).toString())).toEqual(full);
  });

  it("builds links that go back to page 1 unless the page changes", () => {
    const q = ok("q=數學&page=3");
    expect(searchHref("/courses", q, { county: "高雄市" })).toBe(`/courses?${new URLSearchParams("q=數學&county=高雄市")}`);
    expect(searchHref("/courses", q, { page: 4 })).toBe(`/courses?${new URLSearchParams("q=數學&page=4")}`);
    expect(searchHref("/courses", emptyQuery(), { size: 50 }, { size: 50 })).toBe("/courses");
  });
});

describe("past: courses that have started", () => {
  const LIST: QueryDefaults = { size: 50, upcomingOnly: true };

  it("follows the page's default when the URL says nothing", () => {
    expect(ok("").upcomingOnly).toBe(false);
    expect(parseSearchQuery(new URLSearchParams(""), LIST)).toMatchObject({ ok: true, query: { upcomingOnly: true } });
    expect(emptyQuery(LIST).upcomingOnly).toBe(true);
    expect(emptyQuery().upcomingOnly).toBe(false);
  });

  it("past=1 includes started courses and past=0 leaves them out, on any page", () => {
    expect(parseSearchQuery(new URLSearchParams("past=1"), LIST)).toMatchObject({ ok: true, query: { upcomingOnly: false } });
    expect(ok("past=0").upcomingOnly).toBe(true);
    expect(ok("past=1").upcomingOnly).toBe(false);
  });

  it("writes past only when it differs from the page's default, and reads it back the same", () => {
    for (const defaults of [LIST, { size: 30 } as QueryDefaults]) {
      for (const upcomingOnly of [true, false]) {
        const q = { ...emptyQuery(defaults), q: "數學", upcomingOnly };
        const params = searchParamsOf(q, defaults);
        expect(params.has("past")).toBe(upcomingOnly !== (defaults.upcomingOnly ?? false));
        const back = parseSearchQuery(params, defaults);
        expect(back).toEqual({ ok: true, query: q });
      }
    }
    expect(searchHref("/courses", emptyQuery(LIST), { upcomingOnly: false }, LIST)).toBe("/courses?past=1");
    expect(searchHref("/courses", emptyQuery(LIST), { upcomingOnly: true }, LIST)).toBe("/courses");
    expect(searchHref("/courses/advanced", emptyQuery(), { upcomingOnly: true })).toBe("/courses/advanced?past=0");
  });
});

describe("paging limit", () => {
  it("links to no page the URL parser would refuse", () => {
    expect(lastLinkedPage(0)).toBe(1);
    expect(lastLinkedPage(7)).toBe(7);
    expect(lastLinkedPage(1985)).toBe(MAX_PAGE);
    expect(ok(`page=${lastLinkedPage(1985)}`).page).toBe(MAX_PAGE);
    expect(bad(`page=${MAX_PAGE + 1}`).page).toBeDefined();
  });
});

describe("sorting defaults", () => {
  it("sorts by relevance with a keyword and by start date (newest first) without", () => {
    expect(effectiveSort(ok("q=數學"))).toEqual({ sort: "relevance", order: "desc" });
    expect(effectiveSort(ok("org=大學"))).toEqual({ sort: "relevance", order: "desc" });
    expect(effectiveSort(ok(""))).toEqual({ sort: "start", order: "desc" });
    expect(effectiveSort(ok("sort=relevance"))).toEqual({ sort: "start", order: "desc" });
    expect(effectiveSort(ok("sort=code"))).toEqual({ sort: "code", order: "asc" });
  });
});

describe("compileQuery", () => {
  it("normalises keyword terms and says which fields each may match", () => {
    const c = compileQuery(ok("q=台北　ＡＩ 2072423&org=中山大學"), context);
    expect(c.terms.map((t) => [t.text, t.fields, t.matchesCode])).toEqual([
      ["臺北", ["title", "organizer", "tags"], false],
      ["ai", ["title", "organizer", "tags"], false],
      ["2072423", ["title", "organizer", "tags"], true],
      ["中山大學", ["organizer"], false],
    ]);
    expect(c.sort).toBe("relevance");
  });

  it("limits terms to the chosen field", () => {
    expect(compileQuery(ok("q=數學&field=title"), context).terms[0].fields).toEqual(["title"]);
    expect(compileQuery(ok("q=大學&field=organizer"), context).terms[0].fields).toEqual(["organizer"]);
    expect(compileQuery(ok("q=性平&field=tag"), context).terms[0].fields).toEqual(["tags"]);
    expect(compileQuery(ok("q=2072423&field=title"), context).terms[0].matchesCode).toBe(false);
  });

  it("turns a course-code search into codes", () => {
    const c = compileQuery(ok("q=2072423 ２０７２４２４&field=code"), context);
    expect(c.codes).toEqual(["2072423", "2072424"]);
    expect(c.terms).toEqual([]);
    expect(c.none).toBe(false);
    expect(compileQuery(ok("q=、&field=code"), context).none).toBe(true);
  });

  it("drops terms with nothing searchable in them", () => {
    const c = compileQuery(ok("q=！！ 、"), context);
    expect(c.terms).toEqual([]);
    expect(c.sort).toBe("start");
  });

  it("turns 顯示30天內 into a start date window from today, inside any given range", () => {
    expect(compileQuery(ok("days=30"), context)).toMatchObject({ startFrom: "2026-11-30", startTo: "2026-12-30" });
    expect(compileQuery(ok("days=30&from=2026-12-10&to=2027-03-01"), context)).toMatchObject({ startFrom: "2026-12-10", startTo: "2026-12-30" });
    expect(compileQuery(ok("from=2020-01-01"), context)).toMatchObject({ startFrom: "2020-01-01", startTo: undefined });
  });

  it("keeps only courses starting today or later when past=0 (全部研習列表's default)", () => {
    expect(compileQuery(ok("past=0"), context)).toMatchObject({ startFrom: "2026-11-30", startTo: undefined });
    expect(compileQuery(ok("past=0&from=2020-01-01&to=2027-01-01"), context)).toMatchObject({ startFrom: "2026-11-30", startTo: "2027-01-01" });
    expect(compileQuery(ok("past=0&from=2026-12-10"), context)).toMatchObject({ startFrom: "2026-12-10" });
    expect(compileQuery(ok("past=1"), context).startFrom).toBeUndefined();
  });

  it("passes filters, the registration moment, sort and paging through", () => {
    const c = compileQuery(ok("county=高雄市&stage=UNIVERSITY&type=DEGREE&category=研討會&tag=a&slot=WEEKEND&open=1&online=1&free=1&hmin=2&hmax=3&sort=end&order=asc&page=3&size=10"), context);
    expect(c).toMatchObject({
      county: "高雄市",
      stage: "UNIVERSITY",
      classType: "DEGREE",
      category: "研討會",
      tags: ["a"],
      timeSlot: "WEEKEND",
      openAt: context.now,
      online: true,
      free: true,
      minHours: 2,
      maxHours: 3,
      sort: "end",
      order: "asc",
      offset: 20,
      limit: 10,
    });
  });
});
