import { normaliseText, splitTerms, tokenise, type Token } from "@/lib/search/normalise";
import { queryWords } from "@/lib/search/segment";
import { canonicalTag } from "@/lib/courses/tags";
import { effectiveSort, MAX_TERMS, type SearchQuery, type SortField, type SortOrder } from "@/lib/search/query";

/**
 * The query model turned into what both engines need: normalised terms with their words and
 * the fields they may match, course codes, filters, sort and paging. Engines only translate this
 * into SQL or a Meilisearch request, so they agree on meaning.
 */
export type TextField = "title" | "organizer" | "tags";

export type CompiledTerm = {
  /**
   * One word of the normalised keyword (性平研習 gives 性平 and 研習; no synonyms: those are
   * indexed with the documents). All words must match (AND), each in any of its fields.
   */
  text: string;
  tokens: Token[];
  /** Fields the term may match; all terms must match (AND). */
  fields: TextField[];
  /** An all-digit term in "all" fields also matches a course code exactly. */
  matchesCode: boolean;
  /** From the keyword (q) rather than the organizer keyword (org): relevance ranks by these. */
  keyword: boolean;
};

/** A term typed as several words (性平研習): found as typed, it ranks above its words found apart. */
export type CompiledPhrase = { text: string; tokens: Token[] };

export type CompiledQuery = {
  terms: CompiledTerm[];
  /** The keyword's terms that were cut into several words, for ranking. */
  phrases: CompiledPhrase[];
  /**
   * For ranking among equals (relevance): registration open at `now` first, then courses that
   * have not started (by `today`, in Taipei), soonest first; then past ones, newest first; then
   * cancelled ones. `now` is to the minute, so results can be cached for a minute.
   */
  rankAt: { now: string; today: string };
  /** field=code: courses with any of these codes. */
  codes: string[];
  /** Nothing can match (a course-code search without any code in it). */
  none: boolean;
  county?: string;
  stage?: string;
  classType?: string;
  category?: string;
  tags: string[];
  timeSlot?: string;
  /** Start date range, inclusive, YYYY-MM-DD. */
  startFrom?: string;
  startTo?: string;
  /** Registration open at this moment. */
  openAt?: Date;
  online: boolean;
  free: boolean;
  minHours?: number;
  maxHours?: number;
  sort: SortField;
  order: SortOrder;
  offset: number;
  limit: number;
};

const ALL_FIELDS: TextField[] = ["title", "organizer", "tags"];

function termsOf(text: string, fields: TextField[], codes: boolean, keyword: boolean, phrases: CompiledPhrase[]): CompiledTerm[] {
  const out: CompiledTerm[] = [];
  for (const term of splitTerms(normaliseText(text))) {
    const whole = tokenise(term, "query").tokens;
    if (!whole.length) continue;
    const words: CompiledTerm[] = [];
    for (const word of queryWords(term)) {
      const { tokens } = tokenise(word, "query");
      if (tokens.length) words.push({ text: word, tokens, fields, matchesCode: codes && /^\d+$/.test(word), keyword });
    }
    if (words.length > 1 && keyword) phrases.push({ text: term, tokens: whole });
    out.push(...words);
  }
  return out;
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The same word twice in the same fields is one condition. */
function dedupe(terms: CompiledTerm[]): CompiledTerm[] {
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = `${t.text}|${t.fields.join(",")}|${t.keyword}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `today` is the date in Taipei (YYYY-MM-DD); `now` the current moment. */
export function compileQuery(query: SearchQuery, context: { now: Date; today: string }): CompiledQuery {
  const terms: CompiledTerm[] = [];
  const phrases: CompiledPhrase[] = [];
  const codes: string[] = [];
  if (query.field === "code") {
    for (const t of splitTerms(normaliseText(query.q))) if (/^\d+$/.test(t)) codes.push(t);
  } else {
    const fields: TextField[] = query.field === "all" ? ALL_FIELDS : query.field === "tag" ? ["tags"] : [query.field];
    terms.push(...termsOf(query.q, fields, query.field === "all", true, phrases));
  }
  terms.push(...termsOf(query.org, ["organizer"], false, false, phrases));

  // upcomingOnly (全部研習列表's default): courses starting today or later.
  let startFrom = query.upcomingOnly && !(query.from && query.from > context.today) ? context.today : query.from;
  let startTo = query.to;
  if (query.days) {
    const windowEnd = addDays(context.today, query.days);
    startFrom = startFrom && startFrom > context.today ? startFrom : context.today;
    startTo = startTo && startTo < windowEnd ? startTo : windowEnd;
  }
  const { sort, order } = effectiveSort(query);
  return {
    terms: dedupe(terms).slice(0, MAX_TERMS),
    phrases: phrases.slice(0, MAX_TERMS),
    rankAt: { now: new Date(Math.floor(context.now.getTime() / 60_000) * 60_000).toISOString(), today: context.today },
    codes: [...new Set(codes)].slice(0, 100),
    none: query.field === "code" && query.q.trim() !== "" && codes.length === 0,
    county: query.county,
    stage: query.stage,
    classType: query.classType,
    category: query.category,
    // A tag's alias in the URL (性平教育) is its tag (性別平等教育), as courses store it.
    tags: [...new Set(query.tags.map((t) => canonicalTag(t) ?? t))],
    timeSlot: query.timeSlot,
    startFrom,
    startTo,
    openAt: query.open ? context.now : undefined,
    online: query.online,
    free: query.free,
    minHours: query.minHours,
    maxHours: query.maxHours,
    // A keyword that normalises to nothing searchable (only punctuation) sorts like no keyword.
    sort: sort === "relevance" && !terms.length && !codes.length ? "start" : sort,
    order,
    offset: (query.page - 1) * query.size,
    limit: query.size,
  };
}

