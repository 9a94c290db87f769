import "server-only";
import { AppError } from "@/lib/errors";
import { taipeiToday } from "@/lib/format/date";
import { compileQuery } from "@/lib/search/compile";
import type { SearchDocument } from "@/lib/search/documents";
import { highlightRanges, type Range } from "@/lib/search/highlight";
import { hasKeyword, parseSearchQuery, type QueryDefaults, type RawSearchParams, type SearchQuery, DEFAULTS } from "@/lib/search/query";
import { cachedSearch, lastUpdated } from "@/lib/search/result-cache";

/** One result: the public course fields, whether registration is open now, and what matched. */
export type CourseHit = SearchDocument & {
  /** 報名中: online registration is open at the time of the search. */
  registrationOpen: boolean;
  highlights: { title: Range[]; organizerName: Range[]; tags: Range[][]; code: boolean };
};

export type SearchCoursesResult = {
  query: SearchQuery;
  hits: CourseHit[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** When the index was last brought up to date (資料更新時間), ISO; null before the first build. */
  updatedAt: string | null;
  /**
   * A keyword was typed but nothing in it can be searched (only symbols or emoji): it was left
   * out, and the page should say so (請輸入關鍵字) rather than present every course as its answer.
   */
  keywordIgnored: boolean;
  /** With no results: other queries to try, best first (each a whole query, for a link). */
  suggestions: SearchSuggestion[];
};

/** A query to try instead, with why (「改用全名」, 「減少關鍵字」, 「移除篩選條件」, 「您是不是要找」). */
export type SearchSuggestion = {
  kind: "spelling" | "fewer-words" | "long-form" | "remove-filter";
  /** What the link says, in Chinese, e.g. 「改搜尋：環境教育」. */
  label: string;
  query: SearchQuery;
  /** Its result count when known. */
  total?: number;
};

/**
 * 研習搜尋: the courses matching URL search params (the query model of lib/search/query.ts).
 * Public: no actor needed, and nothing personal is returned. Bad params raise a VALIDATION
 * AppError whose message and fieldErrors are Chinese.
 */
export async function searchCourses(
  params: RawSearchParams,
  options: { defaults?: QueryDefaults; now?: Date } = {},
): Promise<SearchCoursesResult> {
  const parsed = parseSearchQuery(params, options.defaults ?? DEFAULTS);
  if (!parsed.ok) throw new AppError("VALIDATION", parsed.message, parsed.fieldErrors);
  const query = parsed.query;
  const now = options.now ?? new Date();
  const compiled = compileQuery(query, { now, today: taipeiToday(now) });
  const updated = await lastUpdated();
  const result = await cachedSearch(compiled, updated);

  const termsFor = (field: "title" | "organizer" | "tags") => compiled.terms.filter((t) => t.fields.includes(field)).map((t) => t.text);
  const titleTerms = termsFor("title");
  const organizerTerms = termsFor("organizer");
  const tagTerms = termsFor("tags");
  const codeTerms = new Set([...compiled.codes, ...compiled.terms.filter((t) => t.matchesCode).map((t) => t.text)]);
  const nowMs = now.getTime();

  const hits = result.hits.map<CourseHit>((doc) => ({
    ...doc,
    registrationOpen:
      doc.status === "PUBLISHED" &&
      doc.onlineRegistration &&
      doc.registrationOpensAt !== null &&
      doc.registrationClosesAt !== null &&
      Date.parse(doc.registrationOpensAt) <= nowMs &&
      nowMs < Date.parse(doc.registrationClosesAt),
    highlights: {
      title: highlightRanges(doc.title, titleTerms),
      organizerName: highlightRanges(doc.organizerName, organizerTerms),
      tags: doc.tags.map((t) => highlightRanges(t, tagTerms)),
      code: codeTerms.has(doc.code),
    },
  }));
  return {
    query,
    hits,
    total: result.total,
    page: query.page,
    pageSize: query.size,
    pageCount: Math.max(1, Math.ceil(result.total / query.size)),
    updatedAt: updated?.toISOString() ?? null,
    keywordIgnored: hasKeyword(query) && !compiled.terms.length && !compiled.codes.length && !compiled.none,
    suggestions: [],
  };
}
