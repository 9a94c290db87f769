import { normaliseText, splitTerms, tokenise, type Token } from "@/lib/search/normalise";
import { effectiveSort, MAX_TERMS, type SearchQuery, type SortField, type SortOrder } from "@/lib/search/query";

/**
 * The query model turned into what both engines need: normalised terms with their words and
 * the fields they may match, course codes, filters, sort and paging. Engines only translate this
 * into SQL or a Meilisearch request, so they agree on meaning.
 */
export type TextField = "title" | "organizer" | "tags";

export type CompiledTerm = {
  /** The normalised term as typed (no synonyms: those are indexed with the documents). */
  text: string;
  tokens: Token[];
  /** Fields the term may match; all terms must match (AND). */
  fields: TextField[];
  /** An all-digit term in "all" fields also matches a course code exactly. */
  matchesCode: boolean;
};

export type CompiledQuery = {
  terms: CompiledTerm[];
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

function termsOf(text: string, fields: TextField[], codes: boolean): CompiledTerm[] {
  const out: CompiledTerm[] = [];
  for (const term of splitTerms(normaliseText(text))) {
    const { tokens } = tokenise(term, "query");
    if (!tokens.length) continue;
    out.push({ text: term, tokens, fields, matchesCode: codes && /^\d+$/.test(term) });
  }
  return out;
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** `today` is the date in Taipei (YYYY-MM-DD); `now` the current moment. */
export function compileQuery(query: SearchQuery, context: { now: Date; today: string }): CompiledQuery {
  const terms: CompiledTerm[] = [];
  const codes: string[] = [];
  if (query.field === "code") {
    for (const t of splitTerms(normaliseText(query.q))) if (/^\d+$/.test(t)) codes.push(t);
  } else {
    const fields: TextField[] = query.field === "all" ? ALL_FIELDS : query.field === "tag" ? ["tags"] : [query.field];
    terms.push(...termsOf(query.q, fields, query.field === "all"));
  }
  terms.push(...termsOf(query.org, ["organizer"], false));

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
    terms: terms.slice(0, MAX_TERMS),
    codes: [...new Set(codes)].slice(0, 100),
    none: query.field === "code" && query.q.trim() !== "" && codes.length === 0,
    county: query.county,
    stage: query.stage,
    classType: query.classType,
    category: query.category,
    tags: query.tags,
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

