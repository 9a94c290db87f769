import "server-only";
import { Converter } from "opencc-js/cn2t";
import { AppError } from "@/lib/errors";
import { taipeiToday } from "@/lib/format/date";
import { compileQuery } from "@/lib/search/compile";
import type { SearchDocument } from "@/lib/search/documents";
import { highlightRanges, type Range } from "@/lib/search/highlight";
import { CLASS_TYPE_LABELS, STAGE_LABELS, TIME_SLOT_LABELS } from "@/lib/courses/labels";
import { hasKeyword, parseSearchQuery, type QueryDefaults, type RawSearchParams, type SearchQuery, DEFAULTS } from "@/lib/search/query";
import { cachedSearch, lastUpdated } from "@/lib/search/result-cache";
import { normaliseText, splitTerms } from "@/lib/search/normalise";
import { FIELD_WORDS, longFormsOf } from "@/lib/search/synonyms";

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
  /**
   * Nothing matched the keyword as typed, but a close spelling did (性別平寺 → 性別平等, 数学 →
   * 數學): the hits, total and pages are that spelling's, and the page says so.
   */
  correction?: { from: string; to: string };
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
  const context = { now, today: taipeiToday(now) };
  const compiled = compileQuery(query, context);
  const updated = await lastUpdated();
  const keywordIgnored = hasKeyword(query) && !compiled.terms.length && !compiled.codes.length && !compiled.none;
  // Only symbols typed, and nothing else asked: say so, rather than answer with every course.
  const result = keywordIgnored && !hasFilters(query) ? { hits: [], total: 0 } : await cachedSearch(compiled, updated);
  let suggestions = result.total === 0 && !keywordIgnored ? await suggestionsFor(query, compiled, context, updated) : [];
  // A typo: show what the close spelling finds, as search engines do, and say so.
  let correction: SearchCoursesResult["correction"];
  let shown = { compiled, result };
  const spelling = suggestions.find((s) => s.kind === "spelling");
  if (spelling) {
    const corrected = compileQuery({ ...spelling.query, page: query.page, sort: query.sort, order: query.order }, context);
    shown = { compiled: corrected, result: await cachedSearch(corrected, updated) };
    correction = { from: query.q, to: spelling.query.q };
    suggestions = suggestions.filter((s) => s !== spelling);
  }

  const termsFor = (field: "title" | "organizer" | "tags") => shown.compiled.terms.filter((t) => t.fields.includes(field)).map((t) => t.text);
  const titleTerms = termsFor("title");
  const organizerTerms = termsFor("organizer");
  const tagTerms = termsFor("tags");
  const codeTerms = new Set([...shown.compiled.codes, ...shown.compiled.terms.filter((t) => t.matchesCode).map((t) => t.text)]);
  const nowMs = now.getTime();

  const hits = shown.result.hits.map<CourseHit>((doc) => ({
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
    total: shown.result.total,
    page: query.page,
    pageSize: query.size,
    pageCount: Math.max(1, Math.ceil(shown.result.total / query.size)),
    updatedAt: updated?.toISOString() ?? null,
    keywordIgnored,
    suggestions,
    ...(correction ? { correction } : {}),
  };
}

/** The filters of a query that narrow it, each with its label and the query without it. */
function filtersOf(query: SearchQuery): { label: string; without: Partial<SearchQuery> }[] {
  const out: { label: string; without: Partial<SearchQuery> }[] = [];
  if (query.county) out.push({ label: `地區：${query.county}`, without: { county: undefined } });
  if (query.stage) out.push({ label: `開課單位：${STAGE_LABELS[query.stage]}`, without: { stage: undefined } });
  if (query.classType) out.push({ label: `性質：${CLASS_TYPE_LABELS[query.classType]}`, without: { classType: undefined } });
  if (query.category) out.push({ label: `研習類別：${query.category}`, without: { category: undefined } });
  if (query.tags.length) out.push({ label: `專案屬性標籤：${query.tags.join("、")}`, without: { tags: [] } });
  if (query.timeSlot) out.push({ label: `課程時段：${TIME_SLOT_LABELS[query.timeSlot]}`, without: { timeSlot: undefined } });
  if (query.from || query.to) out.push({ label: `開始日期：${query.from ?? ""}～${query.to ?? ""}`, without: { from: undefined, to: undefined } });
  if (query.days) out.push({ label: "30天內", without: { days: undefined } });
  if (query.open) out.push({ label: "報名中", without: { open: false } });
  if (query.online) out.push({ label: "可線上報名", without: { online: false } });
  if (query.free) out.push({ label: "免費", without: { free: false } });
  if (query.minHours !== undefined || query.maxHours !== undefined) out.push({ label: "研習時數", without: { minHours: undefined, maxHours: undefined } });
  return out;
}

function hasFilters(query: SearchQuery): boolean {
  return filtersOf(query).length > 0;
}

/** Words of the dictionary one character away from `word` (a typo of one character). */
function closeSpellings(word: string): string[] {
  const chars = Array.from(word);
  if (chars.length < 2) return [];
  const out: string[] = [];
  for (const candidate of FIELD_WORDS) {
    const c = Array.from(candidate);
    if (c.length === chars.length) {
      let diff = 0;
      for (let i = 0; i < c.length && diff < 2; i++) if (c[i] !== chars[i]) diff++;
      if (diff === 1) out.push(candidate);
    } else if (Math.abs(c.length - chars.length) === 1 && chars.length >= 3) {
      const [long, short] = c.length > chars.length ? [c, chars] : [chars, c];
      for (let i = 0; i < long.length; i++) {
        if ([...long.slice(0, i), ...long.slice(i + 1)].join("") === short.join("")) {
          out.push(candidate);
          break;
        }
      }
    }
  }
  return out;
}

let traditionalConverter: ((s: string) => string) | undefined;
/** Simplified → Taiwan Traditional (opencc), loaded on first use. */
function toTraditional(): (s: string) => string {
  return (traditionalConverter ??= Converter({ from: "cn", to: "tw" }));
}

const MAX_SUGGESTIONS = 5;
const MAX_TRIED = 12;

/**
 * With no results, queries to try (each tried, and offered only when it finds something): a close
 * spelling of a word (a one-character typo of a word of the field), the long form of an
 * abbreviation, fewer words, and each filter removed.
 */
async function suggestionsFor(
  query: SearchQuery,
  compiled: ReturnType<typeof compileQuery>,
  context: { now: Date; today: string },
  updated: Date | null,
): Promise<SearchSuggestion[]> {
  const words = compiled.terms.filter((t) => t.keyword && !t.matchesCode).map((t) => t.text);
  const candidates: SearchSuggestion[] = [];
  const withWords = (list: string[]): SearchQuery => ({ ...query, q: list.join(" "), page: 1 });
  if (query.field !== "code") {
    // A typo can also cut a word apart (性別平寺 → 性別 + 平寺): try each term as typed, whole.
    const typed = splitTerms(normaliseText(query.q));
    // Simplified characters (an input method left on 簡體): the same words in Traditional.
    const traditional = typed.map((t) => normaliseText(toTraditional()(t)));
    if (traditional.some((t, i) => t !== typed[i])) {
      candidates.push({ kind: "spelling", label: `您是不是要找「${traditional.join(" ")}」？`, query: withWords(traditional) });
    }
    typed.forEach((term, i) => {
      for (const spelling of closeSpellings(term).slice(0, 3)) {
        const next = typed.map((t, j) => (j === i ? spelling : t));
        candidates.push({ kind: "spelling", label: `您是不是要找「${next.join(" ")}」？`, query: withWords(next) });
      }
    });
    words.forEach((word, i) => {
      for (const spelling of closeSpellings(word).slice(0, 3)) {
        const next = words.map((w, j) => (j === i ? spelling : w));
        candidates.push({ kind: "spelling", label: `您是不是要找「${next.join(" ")}」？`, query: withWords(next) });
      }
      for (const long of longFormsOf(word)) {
        const next = words.map((w, j) => (j === i ? long : w));
        candidates.push({ kind: "long-form", label: `改用全名「${next.join(" ")}」`, query: withWords(next) });
      }
    });
    if (words.length > 1) {
      words.forEach((_, i) => {
        const next = words.filter((__, j) => j !== i);
        candidates.push({ kind: "fewer-words", label: `減少關鍵字：只搜尋「${next.join(" ")}」`, query: withWords(next) });
      });
    }
  }
  for (const f of filtersOf(query)) candidates.push({ kind: "remove-filter", label: `移除條件「${f.label}」`, query: { ...query, ...f.without, page: 1 } });

  const seen = new Set<string>();
  const tried = candidates.filter((c) => !seen.has(JSON.stringify(c.query)) && seen.add(JSON.stringify(c.query))).slice(0, MAX_TRIED);
  const totals = await Promise.all(tried.map((c) => cachedSearch({ ...compileQuery({ ...c.query, sort: "start" }, context), limit: 1, offset: 0 }, updated).then((r) => r.total)));
  return tried
    .map((c, i) => ({ ...c, total: totals[i] }))
    .filter((c) => c.total > 0)
    .slice(0, MAX_SUGGESTIONS);
}
