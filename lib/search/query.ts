import { z } from "@/lib/zod";
import { ClassType, TimeSlot, UnitStage } from "@/generated/prisma/enums";
import { COUNTIES, type County } from "@/lib/courses/labels";
import { normaliseText } from "@/lib/search/normalise";

/**
 * The one query model of course search, shared by the four search pages, the JSON API and
 * both engines. It lives in the URL: `parseSearchQuery` reads URL search params (a bad value
 * gives a Chinese message per parameter), `searchParamsOf` writes the canonical form back.
 *
 * | param | meaning |
 * |---|---|
 * | q, field | keyword and where it is looked for: all (default), title, code, organizer, tag |
 * | org | a second keyword, looked for in the organizer name only (研習進階搜尋) |
 * | county | 開課地點 county (22, 台 or 臺) |
 * | stage | organizer stage (UnitStage) |
 * | type | class type (ClassType) |
 * | category | 研習類別, exact |
 * | tag | 專案屬性標籤, repeatable: courses with any of them |
 * | slot | time slot (TimeSlot) |
 * | from, to | start date range, YYYY-MM-DD (past courses included) |
 * | days | 30: starting from today to 30 days from now (顯示30天內) |
 * | past | 1: include courses that have started; 0: only those not started yet (start date today or
 * |      | later). Each page has its default (QueryDefaults.upcomingOnly): 全部研習列表 shows only
 * |      | courses not started yet (針對尚未開班的課程), the other pages include past ones. |
 * | open | 1: registration open now (報名中) |
 * | online | 1: online registration only |
 * | free | 1: free courses only |
 * | hmin, hmax | 研習時數 range |
 * | sort, order | relevance, start, end, code; asc or desc |
 * | page, size | page (from 1) and page size (10, 30, 50, 100) |
 */

export const KEYWORD_FIELDS = ["all", "title", "code", "organizer", "tag"] as const;
export type KeywordField = (typeof KEYWORD_FIELDS)[number];
export const KEYWORD_FIELD_LABELS: Record<KeywordField, string> = {
  all: "全部欄位",
  title: "研習名稱",
  code: "課程代碼",
  organizer: "辦理研習單位",
  tag: "專案屬性標籤",
};

export const SORT_FIELDS = ["relevance", "start", "end", "code"] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const SORT_LABELS: Record<SortField, string> = {
  relevance: "相關程度",
  start: "開始日期",
  end: "結束日期",
  code: "課程代碼",
};
export type SortOrder = "asc" | "desc";
const DEFAULT_ORDER: Record<SortField, SortOrder> = { relevance: "desc", start: "desc", end: "desc", code: "asc" };

export const PAGE_SIZES = [10, 30, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
/**
 * The deepest page a URL may ask for. The pager never links beyond it: with more results it
 * stops at this page and asks for a narrower search (see lastLinkedPage), so every page it links
 * to is served, and a deep page costs at most an OFFSET of MAX_PAGE × 100 rows.
 */
export const MAX_PAGE = 1000;

/** The last page the pager links to: the last page of results, but never beyond MAX_PAGE. */
export function lastLinkedPage(pageCount: number): number {
  return Math.max(1, Math.min(pageCount, MAX_PAGE));
}
export const MAX_TERMS = 12;

export const STAGES = Object.values(UnitStage) as UnitStage[];
export const CLASS_TYPES = Object.values(ClassType) as ClassType[];
export const TIME_SLOTS = Object.values(TimeSlot) as TimeSlot[];

export type SearchQuery = {
  q: string;
  field: KeywordField;
  org: string;
  county?: County;
  stage?: UnitStage;
  classType?: ClassType;
  category?: string;
  tags: string[];
  timeSlot?: TimeSlot;
  from?: string;
  to?: string;
  days?: 30;
  /** Only courses that have not started yet (start date today or later). Absent: false. */
  upcomingOnly?: boolean;
  open: boolean;
  online: boolean;
  free: boolean;
  minHours?: number;
  maxHours?: number;
  /** Absent: relevance when there is a keyword, otherwise start date. */
  sort?: SortField;
  order?: SortOrder;
  page: number;
  size: PageSize;
};

/**
 * What a page uses when the URL says nothing (全部研習列表 shows 50 a page, and only courses that
 * have not started unless the URL says past=1).
 */
export type QueryDefaults = { size: PageSize; upcomingOnly?: boolean };
export const DEFAULTS: QueryDefaults = { size: 30 };

const MESSAGES = {
  q: "關鍵字最多 100 個字，請縮短後再搜尋。",
  field: "關鍵字的搜尋範圍不正確，請從「搜尋範圍」選單選擇。",
  code: "以課程代碼搜尋時只能輸入數字（例如 2072423），多個代碼請以空白分隔。",
  org: "開課單位關鍵字最多 100 個字，請縮短後再搜尋。",
  county: "地區必須是 22 個縣市之一，例如「臺北市」。",
  stage: "開課單位類型不正確，請從清單選擇。",
  type: "性質只能是非學分班、學分班或學位班。",
  category: "研習類別最多 50 個字。",
  tag: "專案屬性標籤最多選 10 個，每個最多 30 個字。",
  slot: "課程時段不正確，請從清單選擇。",
  date: "日期格式應為 YYYY-MM-DD，例如 2026-09-01。",
  range: "開始日期的「起」不能晚於「迄」，請對調後再搜尋。",
  days: "顯示範圍只能是「30天內」或「全部」。",
  past: "是否包含已開始的研習只能是 1（包含）或 0（不包含）。",
  flag: "勾選條件的值只能是 1（是）或 0（否）。",
  hours: "研習時數必須是 0 到 1000 之間的數字。",
  hoursRange: "研習時數的下限不能大於上限。",
  sort: "排序方式不正確，可依開始日期、結束日期、課程代碼或相關程度排序。",
  order: "排序方向只能是 asc（由小到大）或 desc（由大到小）。",
  page: `頁碼必須是 1 到 ${MAX_PAGE} 的整數。`,
  size: "每頁筆數只能是 10、30、50 或 100。",
} as const;

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const single = <T extends z.ZodType>(schema: T) => z.preprocess((v) => emptyToUndefined(first(v)), schema);

const validDate = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const dateParam = single(z.string({ error: MESSAGES.date }).refine(validDate, MESSAGES.date).optional());
const flagParam = single(
  z
    .enum(["1", "0", "true", "false", "on"], { error: MESSAGES.flag })
    .transform((v) => v === "1" || v === "true" || v === "on")
    .optional(),
);
const hoursParam = single(
  z
    .string({ error: MESSAGES.hours })
    .regex(/^\d{1,4}(\.\d+)?$/, MESSAGES.hours)
    .transform(Number)
    .refine((n) => n <= 1000, MESSAGES.hours)
    .optional(),
);

const rawSchema = z
  .object({
    q: single(z.string({ error: MESSAGES.q }).max(100, MESSAGES.q).optional()),
    field: single(z.enum(KEYWORD_FIELDS, { error: MESSAGES.field }).optional()),
    org: single(z.string({ error: MESSAGES.org }).max(100, MESSAGES.org).optional()),
    county: single(
      z
        .string({ error: MESSAGES.county })
        .transform((v) => COUNTIES.find((c) => c === normaliseText(v.trim())))
        .refine((c) => c !== undefined, MESSAGES.county)
        .optional(),
    ),
    stage: single(z.enum(STAGES as [UnitStage, ...UnitStage[]], { error: MESSAGES.stage }).optional()),
    type: single(z.enum(CLASS_TYPES as [ClassType, ...ClassType[]], { error: MESSAGES.type }).optional()),
    category: single(z.string({ error: MESSAGES.category }).max(50, MESSAGES.category).optional()),
    tag: z.preprocess(
      (v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((t) => t !== "")),
      z.array(z.string({ error: MESSAGES.tag }).max(30, MESSAGES.tag), { error: MESSAGES.tag }).max(10, MESSAGES.tag),
    ),
    slot: single(z.enum(TIME_SLOTS as [TimeSlot, ...TimeSlot[]], { error: MESSAGES.slot }).optional()),
    from: dateParam,
    to: dateParam,
    days: single(z.enum(["30"], { error: MESSAGES.days }).optional()),
    past: single(z.enum(["1", "0"], { error: MESSAGES.past }).optional()),
    open: flagParam,
    online: flagParam,
    free: flagParam,
    hmin: hoursParam,
    hmax: hoursParam,
    sort: single(z.enum(SORT_FIELDS, { error: MESSAGES.sort }).optional()),
    order: single(z.enum(["asc", "desc"], { error: MESSAGES.order }).optional()),
    page: single(
      z
        .string({ error: MESSAGES.page })
        .regex(/^\d{1,4}$/, MESSAGES.page)
        .transform(Number)
        .refine((n) => n >= 1 && n <= MAX_PAGE, MESSAGES.page)
        .optional(),
    ),
    size: single(z.enum(["10", "30", "50", "100"], { error: MESSAGES.size }).transform((s) => Number(s) as PageSize).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: MESSAGES.range });
    if (v.hmin !== undefined && v.hmax !== undefined && v.hmin > v.hmax) {
      ctx.addIssue({ code: "custom", path: ["hmax"], message: MESSAGES.hoursRange });
    }
    if (v.field === "code" && v.q && !/^[\s\d０-９,，、]*$/u.test(v.q)) {
      ctx.addIssue({ code: "custom", path: ["q"], message: MESSAGES.code });
    }
  });

export type RawSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

function toRecord(params: RawSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const add = (k: string, v: string) => {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  };
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) add(k, v);
  } else {
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined) continue;
      for (const s of Array.isArray(v) ? v : [v]) add(k, s);
    }
  }
  return out;
}

export type ParseResult = { ok: true; query: SearchQuery } | { ok: false; fieldErrors: Record<string, string[]>; message: string };

/** Reads the query model from URL search params. Unknown params are ignored. */
export function parseSearchQuery(params: RawSearchParams, defaults: QueryDefaults = DEFAULTS): ParseResult {
  const parsed = rawSchema.safeParse(toRecord(params));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.length ? String(issue.path[0]) : "_form";
      (fieldErrors[key] ??= []).push(issue.message);
    }
    const messages = [...new Set(Object.values(fieldErrors).flat())];
    return { ok: false, fieldErrors, message: messages.join(" ") };
  }
  const v = parsed.data;
  const tags = [...new Set(v.tag.map((t) => t.trim()).filter(Boolean))];
  return {
    ok: true,
    query: {
      q: (v.q ?? "").trim(),
      field: v.field ?? "all",
      org: (v.org ?? "").trim(),
      county: v.county ?? undefined,
      stage: v.stage,
      classType: v.type,
      category: v.category?.trim() || undefined,
      tags,
      timeSlot: v.slot,
      from: v.from,
      to: v.to,
      days: v.days ? 30 : undefined,
      upcomingOnly: v.past === undefined ? (defaults.upcomingOnly ?? false) : v.past === "0",
      open: v.open ?? false,
      online: v.online ?? false,
      free: v.free ?? false,
      minHours: v.hmin,
      maxHours: v.hmax,
      sort: v.sort,
      order: v.order,
      page: v.page ?? 1,
      size: v.size ?? defaults.size,
    },
  };
}

/** An empty query (everything, first page). */
export function emptyQuery(defaults: QueryDefaults = DEFAULTS): SearchQuery {
  return {
    q: "",
    field: "all",
    org: "",
    tags: [],
    upcomingOnly: defaults.upcomingOnly ?? false,
    open: false,
    online: false,
    free: false,
    page: 1,
    size: defaults.size,
  };
}

export function hasKeyword(query: SearchQuery): boolean {
  return query.q.trim() !== "" || query.org.trim() !== "";
}

/** The sort in effect: the URL's, or relevance with a keyword and start date without. */
export function effectiveSort(query: SearchQuery): { sort: SortField; order: SortOrder } {
  const sort = query.sort === "relevance" && !hasKeyword(query) ? "start" : (query.sort ?? (hasKeyword(query) ? "relevance" : "start"));
  return { sort, order: query.order ?? DEFAULT_ORDER[sort] };
}

export function defaultOrderOf(sort: SortField): SortOrder {
  return DEFAULT_ORDER[sort];
}

/** The canonical URL search params of a query: fixed order, defaults left out. */
export function searchParamsOf(query: SearchQuery, defaults: QueryDefaults = DEFAULTS): URLSearchParams {
  const p = new URLSearchParams();
  if (query.q) p.set("q", query.q);
  if (query.field !== "all") p.set("field", query.field);
  if (query.org) p.set("org", query.org);
  if (query.county) p.set("county", query.county);
  if (query.stage) p.set("stage", query.stage);
  if (query.classType) p.set("type", query.classType);
  if (query.category) p.set("category", query.category);
  for (const t of query.tags) p.append("tag", t);
  if (query.timeSlot) p.set("slot", query.timeSlot);
  if (query.from) p.set("from", query.from);
  if (query.to) p.set("to", query.to);
  if (query.days) p.set("days", String(query.days));
  if ((query.upcomingOnly ?? false) !== (defaults.upcomingOnly ?? false)) p.set("past", query.upcomingOnly ? "0" : "1");
  if (query.open) p.set("open", "1");
  if (query.online) p.set("online", "1");
  if (query.free) p.set("free", "1");
  if (query.minHours !== undefined) p.set("hmin", String(query.minHours));
  if (query.maxHours !== undefined) p.set("hmax", String(query.maxHours));
  if (query.sort) p.set("sort", query.sort);
  if (query.order) p.set("order", query.order);
  if (query.page !== 1) p.set("page", String(query.page));
  if (query.size !== defaults.size) p.set("size", String(query.size));
  return p;
}

/**
 * A link to `path` with the query changed by `patch`. Any change other than the page goes back
 * to page 1.
 */
export function searchHref(path: string, query: SearchQuery, patch: Partial<SearchQuery> = {}, defaults: QueryDefaults = DEFAULTS): string {
  const next: SearchQuery = { ...query, ...patch };
  if (!("page" in patch)) next.page = 1;
  const s = searchParamsOf(next, defaults).toString();
  return s ? `${path}?${s}` : path;
}
