/**
 * @jest-environment jsdom
 */
import { render, screen, within } from "@testing-library/react";
import { SearchResults } from "@/components/search/search-results";
import { emptyQuery, MAX_PAGE, searchHref, DEFAULTS, type SearchQuery } from "@/lib/search/query";
import type { CourseHit, SearchCoursesResult } from "@/lib/search/search-courses";

const PATH = "/courses/advanced";

function hit(code: string, overrides: Partial<CourseHit> = {}): CourseHit {
  return {
    code,
    courseId: Number(code),
    title: `研習${code}`,
    classType: "NON_CREDIT",
    category: "研習",
    startDate: "2026-12-04",
    endDate: "2026-12-05",
    timeSlot: "WEEKDAY_DAYTIME",
    hours: 3,
    fee: 0,
    venue: "臺北市大安區",
    venueCounty: "臺北市",
    organizerName: "臺北市立大安國民中學",
    organizerStage: "JUNIOR_HIGH",
    organizerCounty: "臺北市",
    tags: [],
    onlineRegistration: true,
    registrationOpensAt: "2026-11-01T00:00:00.000Z",
    registrationClosesAt: "2026-12-01T16:00:00.000Z",
    status: "PUBLISHED",
    courseUpdatedAt: "2026-11-01T00:00:00.000Z",
    registrationOpen: false,
    highlights: { title: [], organizerName: [], tags: [], code: false },
    ...overrides,
  };
}

function result(overrides: Partial<SearchCoursesResult> & { query?: SearchQuery } = {}): SearchCoursesResult {
  const query = overrides.query ?? emptyQuery();
  const hits = overrides.hits ?? [hit("2000001"), hit("2000002")];
  const total = overrides.total ?? hits.length;
  return {
    query,
    hits,
    total,
    page: query.page,
    pageSize: query.size,
    pageCount: Math.max(1, Math.ceil(total / query.size)),
    updatedAt: "2026-11-30T02:00:00.000Z",
    keywordIgnored: false,
    suggestions: [],
    ...overrides,
  };
}

describe("a keyword with nothing searchable in it", () => {
  const query = { ...emptyQuery(), q: "%%" };

  it("is named in a notice, and the list is not presented as its answer", () => {
    render(<SearchResults result={result({ query, keywordIgnored: true })} basePath={PATH} defaults={DEFAULTS} />);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("關鍵字「%%」沒有可搜尋的文字，請輸入關鍵字。");
    expect(within(alert).getByRole("link", { name: "清除關鍵字" })).toHaveAttribute("href", PATH);
    expect(screen.getByRole("heading", { name: /搜尋結果/ })).toHaveTextContent("未套用關鍵字，共 2 筆");
    // No relevance sort is offered for a keyword that was not used.
    expect(within(screen.getByRole("navigation", { name: "排序方式" })).queryByRole("link", { name: /相關程度/ })).toBeNull();
  });

  it("shows only the notice where an empty search lists nothing", () => {
    render(<SearchResults result={result({ query, keywordIgnored: true })} basePath={PATH} defaults={DEFAULTS} whenKeywordIgnored="none" />);
    expect(screen.getByRole("alert")).toHaveTextContent("沒有可搜尋的文字");
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.getByRole("heading", { name: /搜尋結果/ })).toHaveTextContent("未搜尋");
  });

  it("shows only the notice when no search was run for it", () => {
    render(<SearchResults result={result({ query, keywordIgnored: true, hits: [], total: 0 })} basePath={PATH} defaults={DEFAULTS} />);
    expect(screen.getByRole("alert")).toHaveTextContent("沒有可搜尋的文字");
    expect(screen.queryByText("找不到符合條件的研習。")).toBeNull();
    expect(screen.getByRole("heading", { name: /搜尋結果/ })).toHaveTextContent("未搜尋");
  });

  it("is not mentioned for an ordinary search", () => {
    render(<SearchResults result={result({ query: { ...emptyQuery(), q: "數學" } })} basePath={PATH} defaults={DEFAULTS} />);
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("suggestions when nothing matches", () => {
  it("are links to each suggested query, with their labels and counts", () => {
    const query = { ...emptyQuery(), q: "環境教育研習營隊", county: "連江縣" as const };
    const suggestions = [
      { kind: "fewer-words" as const, label: "減少關鍵字：環境教育", query: { ...query, q: "環境教育" }, total: 12 },
      { kind: "remove-filter" as const, label: "不限縣市", query: { ...query, county: undefined } },
    ];
    render(<SearchResults result={result({ query, hits: [], total: 0, suggestions })} basePath={PATH} defaults={DEFAULTS} />);
    const nav = screen.getByRole("navigation", { name: "建議的搜尋" });
    const links = within(nav).getAllByRole("link");
    expect(links.map((a) => a.textContent)).toEqual(["減少關鍵字：環境教育（12 筆）", "不限縣市"]);
    expect(links[0]).toHaveAttribute("href", searchHref(PATH, suggestions[0].query));
    expect(links[1]).toHaveAttribute("href", searchHref(PATH, suggestions[1].query));
  });

  it("leave the empty answer as it was when there are none", () => {
    render(<SearchResults result={result({ hits: [], total: 0 })} basePath={PATH} defaults={DEFAULTS} />);
    expect(screen.getByText("找不到符合條件的研習。")).toBeInTheDocument();
    expect(screen.queryByRole("navigation", { name: "建議的搜尋" })).toBeNull();
  });
});

describe("a corrected spelling", () => {
  it("says whose results are shown and links to the corrected search", () => {
    const query = { ...emptyQuery(), q: "性別平寺" };
    render(<SearchResults result={result({ query, correction: { from: "性別平寺", to: "性別平等" } })} basePath={PATH} defaults={DEFAULTS} />);
    const notice = screen.getByRole("status", { name: "" });
    expect(notice).toHaveTextContent("找不到「性別平寺」的研習，以下顯示「性別平等」的搜尋結果。");
    expect(within(notice).getByRole("link", { name: "改用「性別平等」搜尋" })).toHaveAttribute("href", searchHref(PATH, { ...query, q: "性別平等" }));
  });

  it("is not mentioned when the keyword was found as typed", () => {
    render(<SearchResults result={result({ query: { ...emptyQuery(), q: "性平" } })} basePath={PATH} defaults={DEFAULTS} />);
    expect(screen.queryByText(/以下顯示/)).toBeNull();
  });
});

describe("paging", () => {
  it("links to no page beyond MAX_PAGE and says how to narrow the search", () => {
    const query = { ...emptyQuery(), size: 10 as const, page: 999 };
    const total = 19_850;
    render(<SearchResults result={result({ query, total, page: 999, pageCount: 1985 })} basePath={PATH} defaults={DEFAULTS} />);
    const pager = screen.getByRole("navigation", { name: "分頁" });
    const pages = within(pager)
      .getAllByRole("link")
      .map((a) => Number(new URL(a.getAttribute("href")!, "http://x").searchParams.get("page") ?? "1"));
    expect(Math.max(...pages)).toBe(MAX_PAGE);
    expect(pager).toHaveTextContent(`共 ${MAX_PAGE.toLocaleString("zh-TW")} 頁`);
    expect(screen.getByText(/僅顯示前 1,000 頁（共 1,985 頁），請加上條件縮小範圍/)).toBeInTheDocument();
    // Page links land on the results heading.
    expect(within(pager).getAllByRole("link")[0].getAttribute("href")).toMatch(/#results-heading$/);
  });

  it("says nothing about a limit when every page is linked", () => {
    render(<SearchResults result={result({ query: { ...emptyQuery(), size: 10 }, total: 35 })} basePath={PATH} defaults={DEFAULTS} />);
    expect(screen.queryByText(/僅顯示前/)).toBeNull();
  });
});

describe("columns of 全部研習列表", () => {
  it("are 課程代碼, 研習名稱, 辦理研習單位, 研習日期 and 報名期限", () => {
    const hits = [hit("2000001"), hit("2000002", { onlineRegistration: false, registrationClosesAt: null, startDate: "2026-12-06", endDate: "2026-12-06" })];
    render(<SearchResults result={result({ hits })} basePath="/courses" defaults={{ size: 30 }} columns="list" />);
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent?.replace(/（.*）|[↑↓]/g, "").trim())).toEqual(["課程代碼", "研習名稱", "辦理研習單位", "研習日期", "報名期限"]);
    const [first, second] = screen.getAllByRole("row").slice(1);
    expect(first).toHaveTextContent("2026/12/04(五)–2026/12/05(六)");
    expect(first).toHaveTextContent("2026/12/01(二) 24:00");
    expect(second).toHaveTextContent("2026/12/06(日)");
    expect(second).toHaveTextContent("未開放線上報名");
  });

  it("the results heading can take focus", () => {
    render(<SearchResults result={result()} basePath={PATH} defaults={DEFAULTS} />);
    expect(screen.getByRole("heading", { name: /搜尋結果/ })).toHaveAttribute("tabindex", "-1");
  });
});
