import type { SearchParams, Settings } from "meilisearch";
import type { CompiledQuery, CompiledTerm, TextField } from "@/lib/search/compile";
import type { SearchDocument } from "@/lib/search/documents";
import { cjkChars, normaliseText, tokenise, type Token } from "@/lib/search/normalise";
import { SYNONYM_GROUPS, textAliases } from "@/lib/search/synonyms";

/**
 * What the Meilisearch adapter sends: index settings, documents and search requests. Pure
 * functions, covered by unit tests (no Meilisearch server can run on the build machines).
 *
 * Meilisearch's own Chinese segmentation (a dictionary) would cut 性平教育 differently from
 * what a teacher types, and the PostgreSQL engine would then disagree with it. So documents and
 * queries are normalised and cut into words by lib/search/normalise.ts for both engines, and
 * each word is sent to Meilisearch spelled in plain lower-case letters (a kind letter, then five
 * letters per character): Meilisearch keeps such a word whole, and matches it exactly. Each
 * query word (lib/search/segment.ts cuts 性平研習 into 性平 and 研習, with the same dictionary)
 * is sent as a phrase ("…"), so its characters must be adjacent, as in PostgreSQL.
 *
 * Ranking differs in one respect, documented in the README: PostgreSQL orders equally relevant
 * courses by "open for registration now, then not started (soonest), then past, then cancelled",
 * which depends on the moment of the search; Meilisearch's ranking rules are fixed at indexing,
 * so it orders them by start date only.
 */

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const KIND_LETTER: Record<Token["kind"], string> = { bigram: "b", char: "u", word: "w", number: "n" };

function base26(codePoint: number): string {
  let out = "";
  let n = codePoint;
  for (let i = 0; i < 5; i++) {
    out = LETTERS[n % 26] + out;
    n = Math.floor(n / 26);
  }
  return out;
}

/** One normalised word as a Meilisearch word: a kind letter and five letters per character. */
export function encodeToken(token: Pick<Token, "lexeme" | "kind">): string {
  let out = KIND_LETTER[token.kind];
  for (const ch of token.lexeme) out += base26(ch.codePointAt(0) as number);
  return out;
}

/** The words of a normalised text as a query would have them (bigrams, words, numbers, lone characters). */
function wordStream(normalised: string): string {
  return tokenise(normalised, "query").tokens.map(encodeToken).join(" ");
}

/** Every single CJK character of a normalised text, for one-character queries. */
function charStream(normalised: string): string {
  return cjkChars(normalised)
    .map((ch) => encodeToken({ lexeme: ch, kind: "char" }))
    .join(" ");
}

function segments(values: string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const n = normaliseText(v);
    if (!n.trim()) continue;
    out.push(n, ...textAliases(n));
  }
  return out;
}

const epochDay = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
const epochMs = (iso: string | null) => (iso === null ? null : Date.parse(iso));

export type MeiliDocument = SearchDocument & {
  codeNumber: number;
  startDay: number;
  endDay: number;
  opensAtMs: number | null;
  closesAtMs: number | null;
  codeWords: string;
  titleWords: string[];
  titleChars: string[];
  organizerWords: string[];
  organizerChars: string[];
  tagWords: string[];
  tagChars: string[];
  /** Every word of the organizer name and its aliases, for the organizer keyword filter (org). */
  organizerWordSet: string[];
};

export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
  const title = segments([doc.title]);
  const organizer = segments([doc.organizerName]);
  const tags = segments(doc.tags);
  const organizerWordSet = new Set<string>();
  for (const s of organizer) {
    for (const t of tokenise(s, "query").tokens) organizerWordSet.add(encodeToken(t));
    for (const ch of cjkChars(s)) organizerWordSet.add(encodeToken({ lexeme: ch, kind: "char" }));
  }
  return {
    ...doc,
    codeNumber: Number(doc.code),
    startDay: epochDay(doc.startDate),
    endDay: epochDay(doc.endDate),
    opensAtMs: epochMs(doc.registrationOpensAt),
    closesAtMs: epochMs(doc.registrationClosesAt),
    codeWords: encodeToken({ lexeme: doc.code, kind: "number" }),
    titleWords: title.map(wordStream),
    titleChars: title.map(charStream),
    organizerWords: organizer.map(wordStream),
    organizerChars: organizer.map(charStream),
    tagWords: tags.map(wordStream),
    tagChars: tags.map(charStream),
    organizerWordSet: [...organizerWordSet],
  };
}

/** The SearchDocument fields of a hit (the derived fields are not retrieved). */
export const RETRIEVED_ATTRIBUTES: (keyof SearchDocument)[] = [
  "code",
  "courseId",
  "title",
  "classType",
  "category",
  "startDate",
  "endDate",
  "timeSlot",
  "hours",
  "fee",
  "venue",
  "venueCounty",
  "organizerName",
  "organizerStage",
  "organizerCounty",
  "tags",
  "onlineRegistration",
  "registrationOpensAt",
  "registrationClosesAt",
  "status",
  "courseUpdatedAt",
];

const SEARCHABLE: Record<TextField, string[]> = {
  title: ["titleWords", "titleChars"],
  organizer: ["organizerWords", "organizerChars"],
  tags: ["tagWords", "tagChars"],
};

/**
 * The dictionary's groups as Meilisearch synonyms, in encoded words: in a "same" group each
 * spelling → the others; in an "expand" entry only the first → the rest (Meilisearch's one-way
 * synonyms). Documents carry the same spellings as aliases (toMeiliDocument), as in PostgreSQL.
 */
export function meiliSynonyms(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of SYNONYM_GROUPS) {
    const encoded = group.forms.map((f) => wordStream(normaliseText(f)));
    if (group.oneWay) {
      out[encoded[0]] = [...new Set([...(out[encoded[0]] ?? []), ...encoded.slice(1)])];
      continue;
    }
    for (const form of encoded) out[form] = [...new Set([...(out[form] ?? []), ...encoded.filter((o) => o !== form)])];
  }
  return out;
}

export function indexSettings(): Settings {
  return {
    // Order matters for the attribute ranking rule: a code match first, then the title, then
    // the organizer, then tags.
    searchableAttributes: ["codeWords", ...SEARCHABLE.title, ...SEARCHABLE.organizer, ...SEARCHABLE.tags],
    filterableAttributes: [
      "code",
      "venueCounty",
      "organizerStage",
      "classType",
      "category",
      "tags",
      "timeSlot",
      "startDay",
      "onlineRegistration",
      "status",
      "opensAtMs",
      "closesAtMs",
      "fee",
      "hours",
      "organizerWordSet",
    ],
    sortableAttributes: ["startDay", "endDay", "codeNumber"],
    displayedAttributes: ["*"],
    // "sort" first: an explicit sort (start date, end date, code) orders the results as it does
    // in PostgreSQL; without one, relevance, then the newest start date, then the highest code.
    // (Typo tolerance is off and terms are phrases, so typo and proximity rank nothing.)
    rankingRules: ["sort", "words", "attribute", "startDay:desc", "codeNumber:desc"],
    synonyms: meiliSynonyms(),
    stopWords: [],
    typoTolerance: { enabled: false },
    prefixSearch: "disabled",
    pagination: { maxTotalHits: 1_000_000 },
    faceting: { maxValuesPerFacet: 1000 },
  };
}

/** A filter value as a Meilisearch string literal. */
export function filterString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * A term as Meilisearch phrases. A lone character next to other words (式AI) is only in the
 * character stream, never beside them in the word stream, so such a term's words are required
 * separately rather than as one phrase.
 */
function phrase(term: Pick<CompiledTerm, "tokens">): string {
  if (term.tokens.length > 1 && term.tokens.some((t) => t.kind === "char")) return term.tokens.map((t) => `"${encodeToken(t)}"`).join(" ");
  return `"${term.tokens.map(encodeToken).join(" ")}"`;
}

export type MeiliSearchRequest = { q: string; params: SearchParams & { page: number; hitsPerPage: number } };

/** The Meilisearch search request of a compiled query. */
export function buildMeiliSearch(query: CompiledQuery): MeiliSearchRequest {
  const filter: string[] = [];
  // Terms limited to the organizer (the org keyword) become filters on its words, so that they
  // do not widen where the other terms may match.
  const textTerms = query.terms.filter((t) => !(t.fields.length === 1 && t.fields[0] === "organizer" && !t.matchesCode) || isOrganizerOnlyQuery(query));
  const orgFilterTerms = query.terms.filter((t) => !textTerms.includes(t));
  for (const t of orgFilterTerms) {
    for (const token of t.tokens) filter.push(`organizerWordSet = ${filterString(encodeToken(token))}`);
  }
  const attributes = new Set<string>();
  for (const t of textTerms) {
    if (t.matchesCode) attributes.add("codeWords");
    for (const f of t.fields) for (const a of SEARCHABLE[f]) attributes.add(a);
  }
  if (query.codes.length) filter.push(`code IN [${query.codes.map(filterString).join(", ")}]`);
  if (query.county) filter.push(`venueCounty = ${filterString(query.county)}`);
  if (query.stage) filter.push(`organizerStage = ${filterString(query.stage)}`);
  if (query.classType) filter.push(`classType = ${filterString(query.classType)}`);
  if (query.category) filter.push(`category = ${filterString(query.category)}`);
  if (query.tags.length) filter.push(`tags IN [${query.tags.map(filterString).join(", ")}]`);
  if (query.timeSlot) filter.push(`timeSlot = ${filterString(query.timeSlot)}`);
  if (query.startFrom) filter.push(`startDay >= ${epochDay(query.startFrom)}`);
  if (query.startTo) filter.push(`startDay <= ${epochDay(query.startTo)}`);
  if (query.openAt) {
    const ms = query.openAt.getTime();
    filter.push(`onlineRegistration = true`, `status = "PUBLISHED"`, `opensAtMs <= ${ms}`, `closesAtMs > ${ms}`);
  }
  if (query.online) filter.push(`onlineRegistration = true`);
  if (query.free) filter.push(`fee = 0`);
  if (query.minHours !== undefined) filter.push(`hours >= ${query.minHours}`);
  if (query.maxHours !== undefined) filter.push(`hours <= ${query.maxHours}`);

  let sort: string[] | undefined;
  if (query.sort === "start") sort = [`startDay:${query.order}`, `codeNumber:${query.order}`];
  else if (query.sort === "end") sort = [`endDay:${query.order}`, `codeNumber:${query.order}`];
  else if (query.sort === "code") sort = [`codeNumber:${query.order}`];

  const params: MeiliSearchRequest["params"] = {
    page: Math.floor(query.offset / query.limit) + 1,
    hitsPerPage: query.limit,
    matchingStrategy: "all",
    attributesToRetrieve: RETRIEVED_ATTRIBUTES,
  };
  if (filter.length) params.filter = filter;
  if (sort) params.sort = sort;
  if (textTerms.length) params.attributesToSearchOn = [...attributes];
  return { q: textTerms.map(phrase).join(" "), params };
}

/** When the organizer keyword is the only keyword, it can simply be searched for. */
function isOrganizerOnlyQuery(query: CompiledQuery): boolean {
  return query.terms.every((t) => t.fields.length === 1 && t.fields[0] === "organizer");
}
