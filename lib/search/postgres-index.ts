import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { db, sql } from "@/lib/db";
import type { CompiledQuery, CompiledTerm, TextField } from "@/lib/search/compile";
import type { SearchDocument } from "@/lib/search/documents";
import type { SearchFacets, SearchIndex, SearchResult } from "@/lib/search/index-port";
import { charPositions, normaliseText, tokenise, type Token } from "@/lib/search/normalise";
import { documentWords } from "@/lib/search/segment";
import { textAliases, wordAliases } from "@/lib/search/synonyms";

/**
 * The PostgreSQL search index: the table "SearchDocument", one row per public course, with a
 * tsvector `terms` of normalised words (lib/search/normalise.ts) and a GIN index on it.
 *
 * Fields are told apart by tsvector weights and position bands: title A (positions 1–5000),
 * organizer B (5001–10000), tags C (10001–16383). Each field value and each of its synonym
 * spellings is a separate segment, a gap apart, so a phrase never spans two of them. A query term
 * becomes a phrase tsquery ('性別' <-> '別平' <-> '平等'), restricted to the weights of the
 * fields it may match.
 *
 * The title's words as lib/search/segment.ts cuts them are indexed too, marked with a leading
 * "=" ('=輔導' in 輔導知能研習, '=輔導團' in 國中小領域輔導團), for ranking only: a query word
 * that is a whole word of the title ranks above one found inside a longer word.
 */
const TABLE = `"SearchDocument"`;
const BUILD_TABLE = `"SearchDocument_build"`;
const OLD_TABLE = `"SearchDocument_old"`;

const WEIGHT: Record<TextField, "A" | "B" | "C"> = { title: "A", organizer: "B", tags: "C" };
const BANDS: Record<TextField, { start: number; end: number }> = {
  title: { start: 1, end: 5000 },
  organizer: { start: 5001, end: 10000 },
  tags: { start: 10001, end: 16383 },
};
const SEGMENT_GAP = 10;
/** Marks a lexeme that is a whole word of the title. */
const WHOLE_WORD = "=";
/** PostgreSQL keeps at most 256 positions per word in a tsvector. */
const MAX_POSITIONS = 256;

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/** Normalised segments of a field: each value and its synonym spellings. */
export function fieldSegments(values: string[]): string[] {
  return values.flatMap((v) => segmentsOf(v).map((s) => s.text));
}

/** A segment of a field value, cut into words (and, for an original value, its whole words). */
type Segment = { text: string; tokens: Token[]; length: number; words: { text: string; pos: number }[] };

/** Organizer names, tags and many titles repeat across courses: their segments are kept (bounded). */
const SEGMENT_CACHE = new Map<string, Segment[]>();
const SEGMENT_CACHE_SIZE = 20_000;

function segmentsOf(value: string, cache = false): Segment[] {
  const cached = cache ? SEGMENT_CACHE.get(value) : undefined;
  if (cached) return cached;
  const n = normaliseText(value);
  const out: Segment[] = [];
  if (n.trim()) {
    for (const [i, text] of [n, ...textAliases(n)].entries()) {
      const { tokens, length } = tokenise(text, "document");
      const words: { text: string; pos: number }[] = [];
      if (i === 0) {
        // Whole words of the value as written, and the spellings each of them also stands for.
        const at = charPositions(text);
        for (const w of documentWords(text)) {
          if (at[w.at] < 0) continue;
          for (const spelling of [w.text, ...wordAliases(w.text)]) words.push({ text: spelling, pos: at[w.at] });
        }
      }
      out.push({ text, tokens, length, words });
    }
  }
  if (cache) {
    if (SEGMENT_CACHE.size >= SEGMENT_CACHE_SIZE) SEGMENT_CACHE.clear();
    SEGMENT_CACHE.set(value, out);
  }
  return out;
}

/** The tsvector literal of a document's title, organizer and tags. */
export function tsvectorOf(doc: Pick<SearchDocument, "title" | "organizerName" | "tags">): string {
  const positions = new Map<string, string[]>();
  const fields: [TextField, string[]][] = [
    ["title", [doc.title]],
    ["organizer", [doc.organizerName]],
    ["tags", doc.tags],
  ];
  for (const [field, values] of fields) {
    const band = BANDS[field];
    let base = band.start;
    const add = (lexeme: string, p: number) => {
      let list = positions.get(lexeme);
      if (!list) positions.set(lexeme, (list = []));
      if (list.length < MAX_POSITIONS) list.push(`${p}${WEIGHT[field]}`);
    };
    for (const segment of values.flatMap((v) => segmentsOf(v, true))) {
      for (const t of segment.tokens) {
        const p = base + t.pos;
        if (p > band.end) break;
        add(t.lexeme, p);
      }
      if (field === "title") for (const w of segment.words) if (base + w.pos <= band.end) add(WHOLE_WORD + w.text, base + w.pos);
      base += segment.length + SEGMENT_GAP;
      if (base > band.end) break;
    }
  }
  return [...positions].map(([lexeme, ps]) => `${quote(lexeme)}:${ps.join(",")}`).join(" ");
}

/** A term as a phrase tsquery, its words restricted to `weights` (all fields: no restriction). */
export function phraseQuery(term: Pick<CompiledTerm, "tokens">, weights: string): string {
  const suffix = weights && weights.length < 3 ? `:${weights}` : "";
  let out = "";
  term.tokens.forEach((t, i) => {
    if (i > 0) {
      const distance = t.pos - term.tokens[i - 1].pos;
      out += distance === 1 ? " <-> " : ` <${distance}> `;
    }
    // A lone character matches every word that starts with it (see normalise.ts).
    out += quote(t.lexeme) + (t.kind === "char" ? `:*${suffix.slice(1)}` : suffix);
  });
  return out;
}

const weightsOf = (fields: TextField[]) => fields.map((f) => WEIGHT[f]).sort().join("");

type Param = (value: unknown) => string;

function paramList(): { params: unknown[]; p: Param } {
  const params: unknown[] = [];
  return {
    params,
    p: (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    },
  };
}

/** A term's match: its phrase in its fields, or (a number) the course code. */
function termClause(t: CompiledTerm, p: Param): string {
  const phrase = `d.terms @@ ${p(phraseQuery(t, weightsOf(t.fields)))}::tsquery`;
  return t.matchesCode ? `(${phrase} OR d.code = ${p(t.text)})` : phrase;
}

/** WHERE clauses of the query; `except` leaves one term out (the relevance tiers add it back). */
function whereClauses(q: CompiledQuery, p: Param, except?: CompiledTerm): string[] {
  const where: string[] = [];
  const terms = q.terms.filter((t) => t !== except);
  // Terms that cannot be a course code share one tsquery (one GIN probe).
  const plain = terms.filter((t) => !t.matchesCode);
  if (plain.length) where.push(`d.terms @@ ${p(plain.map((t) => `(${phraseQuery(t, weightsOf(t.fields))})`).join(" & "))}::tsquery`);
  for (const t of terms.filter((t) => t.matchesCode)) where.push(termClause(t, p));
  if (q.codes.length) where.push(`d.code = ANY(${p(q.codes)}::text[])`);

  if (q.county) where.push(`d."venueCounty" = ${p(q.county)}`);
  if (q.stage) where.push(`d."organizerStage" = ${p(q.stage)}::"UnitStage"`);
  if (q.classType) where.push(`d."classType" = ${p(q.classType)}::"ClassType"`);
  if (q.category) where.push(`d.category = ${p(q.category)}`);
  if (q.tags.length) where.push(`d.tags && ${p(q.tags)}::text[]`);
  if (q.timeSlot) where.push(`d."timeSlot" = ${p(q.timeSlot)}::"TimeSlot"`);
  if (q.startFrom) where.push(`d."startDate" >= ${p(q.startFrom)}::date`);
  if (q.startTo) where.push(`d."startDate" <= ${p(q.startTo)}::date`);
  if (q.openAt) {
    const now = p(q.openAt.toISOString());
    where.push(
      `d."onlineRegistration" AND d.status = 'PUBLISHED' AND d."registrationOpensAt" <= (${now}::timestamptz AT TIME ZONE 'UTC') AND d."registrationClosesAt" > (${now}::timestamptz AT TIME ZONE 'UTC')`,
    );
  }
  if (q.online) where.push(`d."onlineRegistration"`);
  if (q.free) where.push(`d.fee = 0`);
  if (q.minHours !== undefined) where.push(`d.hours >= ${p(q.minHours)}::float8`);
  if (q.maxHours !== undefined) where.push(`d.hours <= ${p(q.maxHours)}::float8`);
  return where;
}

const whereSql = (where: string[]) => (where.length ? `WHERE ${where.join("\n  AND ")}` : "");

/** A piece of SQL for a condition, built with the statement's parameter list. */
type Condition = (p: Param) => string;
type Ordered = { where: Condition[]; order: string };

const CJK_TEXT = /[\u3400-\u9fff]/;

/** A term found as a whole word of the title ('=輔導':A); letters and digits are whole words already. */
function wholeWordQuery(t: CompiledTerm): string {
  return CJK_TEXT.test(t.text) ? `${quote(WHOLE_WORD + t.text)}:A` : phraseQuery(t, "A");
}

const all = (parts: string[]) => parts.map((x) => `(${x})`).join(" & ");

/**
 * Relevance, as ordered groups of matching courses (tiers), each an extra condition:
 * 1. the course with the typed code;
 * 2. a keyword typed as several words (教學研習) found in the title as typed, then its words
 *    found apart;
 * 3. within each, every keyword word a whole word of the title (輔導 in 輔導知能研習, not in
 *    輔導團) first, then found inside longer words;
 * 4. every keyword word in the organizer name;
 * 5. the rest (words found across fields, or in tags).
 * Within a tier, courses open for registration now come first, then ones not yet started,
 * soonest first; then past ones, newest first; then cancelled ones (`BUCKETS`). Exported for
 * unit tests.
 */
export function relevanceTiers(q: CompiledQuery): Condition[] {
  const keyword = q.terms.filter((t) => t.keyword);
  const codeTerms = keyword.filter((t) => t.matchesCode).map((t) => t.text);
  const notCode: Condition[] = codeTerms.length ? [(p) => `d.code <> ALL(${p(codeTerms)}::text[])`] : [];
  const tiers: Condition[] = [];
  if (codeTerms.length) tiers.push((p) => `d.code = ANY(${p(codeTerms)}::text[])`);
  const fields = new Set(keyword.flatMap((t) => t.fields));
  if (!keyword.length || !fields.has("title")) {
    tiers.push((p) => and(notCode.map((c) => c(p))));
    return tiers;
  }
  const ts = (query: string) => (p: Param) => `d.terms @@ ${p(query)}::tsquery`;
  const not = (c: Condition) => (p: Param) => `NOT (${c(p)})`;
  const whole = ts(all(keyword.map(wholeWordQuery)));
  const inTitle = ts(all(keyword.map((t) => phraseQuery(t, "A"))));
  const asTyped = q.phrases.length ? ts(all(q.phrases.map((ph) => phraseQuery(ph, "A")))) : undefined;
  const inOrganizer = fields.has("organizer") ? ts(all(keyword.map((t) => phraseQuery(t, "B")))) : undefined;
  const tier = (...conditions: Condition[]) => (p: Param) => and([...notCode, ...conditions].map((c) => c(p)));
  if (asTyped) tiers.push(tier(asTyped, whole), tier(asTyped, not(whole)), tier(not(asTyped), whole), tier(not(asTyped), not(whole), inTitle));
  else tiers.push(tier(whole), tier(not(whole), inTitle));
  if (inOrganizer) tiers.push(tier(not(inTitle), inOrganizer), tier(not(inTitle), not(inOrganizer)));
  else tiers.push(tier(not(inTitle)));
  return tiers;
}

const and = (parts: string[]) => (parts.length ? parts.map((x) => `(${x})`).join(" AND ") : "TRUE");

/** Registration open at the moment (status, online, window). */
const openNow = (q: CompiledQuery, p: Param) => {
  const now = p(q.rankAt.now);
  return `(d.status = 'PUBLISHED' AND d."onlineRegistration" AND coalesce(d."registrationOpensAt" <= (${now}::timestamptz AT TIME ZONE 'UTC') AND d."registrationClosesAt" > (${now}::timestamptz AT TIME ZONE 'UTC'), false))`;
};

/** Among equals: open now, then not started (soonest first), then past (newest first), then cancelled. */
function buckets(q: CompiledQuery): Ordered[] {
  const today = (p: Param) => `${p(q.rankAt.today)}::date`;
  return [
    { where: [(p) => openNow(q, p)], order: `d."startDate" ASC, d.code ASC` },
    { where: [(p) => `d.status = 'PUBLISHED' AND NOT ${openNow(q, p)} AND d."startDate" >= ${today(p)}`], order: `d."startDate" ASC, d.code ASC` },
    { where: [(p) => `d.status = 'PUBLISHED' AND NOT ${openNow(q, p)} AND d."startDate" < ${today(p)}`], order: `d."startDate" DESC, d.code DESC` },
    { where: [() => `d.status <> 'PUBLISHED'`], order: `d."startDate" DESC, d.code DESC` },
  ];
}

/** The bucket of a course as a number (the order of `buckets`), for one sorted query. */
function bucketExpression(q: CompiledQuery, p: Param): string {
  return `(CASE WHEN d.status <> 'PUBLISHED' THEN 3 WHEN ${openNow(q, p)} THEN 0 WHEN d."startDate" >= ${p(q.rankAt.today)}::date THEN 1 ELSE 2 END)`;
}

/** The search as SQL: one query for the page, one for the total; exported for unit tests. */
export function buildSearchSql(q: CompiledQuery): { pageSql: string; countSql: string; params: unknown[]; countParams: unknown[] } {
  const { params, p } = paramList();
  const where = whereSql(whereClauses(q, p));
  const countParams = [...params];
  const countSql = `SELECT count(*)::int AS total FROM ${TABLE} d ${where}`;

  const dir = q.order === "asc" ? "ASC" : "DESC";
  let orderBy: string;
  if (q.sort === "relevance") {
    // Every match sorted at once: tier, bucket, then the bucket's date order.
    const tiers = relevanceTiers(q);
    const tier = tiers.length > 1 ? `(CASE ${tiers.map((c, i) => `WHEN ${c(p)} THEN ${i}`).join(" ")} ELSE ${tiers.length} END), ` : "";
    const bucket = bucketExpression(q, p);
    orderBy = `${tier}${bucket}, (CASE WHEN ${bucket} <= 1 THEN d."startDate" END) ASC, (CASE WHEN ${bucket} >= 2 THEN d."startDate" END) DESC, d.code ASC`;
  } else if (q.sort === "code") {
    orderBy = `length(d.code) ${dir}, d.code ${dir}`;
  } else {
    const column = q.sort === "end" ? `"endDate"` : `"startDate"`;
    orderBy = `d.${column} ${dir}, d.code ${dir}`;
  }
  const pageSql = `SELECT ${SELECT_COLUMNS}
FROM ${TABLE} d
${where}
ORDER BY ${orderBy}
LIMIT ${p(q.limit)}::int OFFSET ${p(q.offset)}::int`;
  return { pageSql, countSql, params, countParams };
}

/**
 * Relevance for many matches: the tiers and buckets walked in order, each as its own query that
 * reads only as many rows as the page needs (an index on the start date can serve it), so a
 * common word such as 國小 never sorts tens of thousands of rows. Exported for unit tests.
 */
export function buildRelevanceWalk(q: CompiledQuery): ((limit: number) => { sql: string; params: unknown[] })[] {
  const steps: ((limit: number) => { sql: string; params: unknown[] })[] = [];
  for (const tier of relevanceTiers(q)) {
    for (const bucket of buckets(q)) {
      steps.push((limit) => {
        const { params, p } = paramList();
        const where = [...whereClauses(q, p), tier(p), ...bucket.where.map((c) => c(p))];
        return { sql: `SELECT d.code FROM ${TABLE} d ${whereSql(where)} ORDER BY ${bucket.order} LIMIT ${p(limit)}::int`, params };
      });
    }
  }
  return steps;
}

/** Up to this many matches are sorted by relevance in one query; more are walked tier by tier. */
const SORT_AT_ONCE = 3000;

const iso = (column: string) => `to_char(d."${column}", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "${column}"`;
const SELECT_COLUMNS = [
  "d.code",
  `d."courseId"`,
  "d.title",
  `d."classType"::text AS "classType"`,
  "d.category",
  `to_char(d."startDate", 'YYYY-MM-DD') AS "startDate"`,
  `to_char(d."endDate", 'YYYY-MM-DD') AS "endDate"`,
  `d."timeSlot"::text AS "timeSlot"`,
  "d.hours",
  "d.fee",
  "d.venue",
  `d."venueCounty"`,
  `d."organizerName"`,
  `d."organizerStage"::text AS "organizerStage"`,
  `d."organizerCounty"`,
  "d.tags",
  `d."onlineRegistration"`,
  iso("registrationOpensAt"),
  iso("registrationClosesAt"),
  "d.status::text AS status",
  iso("courseUpdatedAt"),
].join(", ");

type Row = SearchDocument;

function toDocument(row: Row): SearchDocument {
  return {
    code: row.code,
    courseId: row.courseId,
    title: row.title,
    classType: row.classType,
    category: row.category,
    startDate: row.startDate,
    endDate: row.endDate,
    timeSlot: row.timeSlot,
    hours: Number(row.hours),
    fee: row.fee,
    venue: row.venue,
    venueCounty: row.venueCounty,
    organizerName: row.organizerName,
    organizerStage: row.organizerStage,
    organizerCounty: row.organizerCounty,
    tags: row.tags ?? [],
    onlineRegistration: row.onlineRegistration,
    registrationOpensAt: row.registrationOpensAt,
    registrationClosesAt: row.registrationClosesAt,
    status: row.status,
    courseUpdatedAt: row.courseUpdatedAt,
  };
}

/** Columns written, with their types for jsonb_to_recordset. */
const WRITE_COLUMNS: [string, string][] = [
  ["code", "text"],
  ["courseId", "int"],
  ["title", "text"],
  ["classType", `"ClassType"`],
  ["category", "text"],
  ["startDate", "date"],
  ["endDate", "date"],
  ["timeSlot", `"TimeSlot"`],
  ["hours", "float8"],
  ["fee", "int"],
  ["venue", "text"],
  ["venueCounty", "text"],
  ["organizerName", "text"],
  ["organizerStage", `"UnitStage"`],
  ["organizerCounty", "text"],
  ["tags", "text[]"],
  ["onlineRegistration", "boolean"],
  ["registrationOpensAt", "timestamp(3)"],
  ["registrationClosesAt", "timestamp(3)"],
  ["status", `"CourseStatus"`],
  ["terms", "tsvector"],
  ["courseUpdatedAt", "timestamp(3)"],
];
const COLUMN_LIST = WRITE_COLUMNS.map(([c]) => `"${c}"`).join(", ");
const RECORD_TYPES = WRITE_COLUMNS.map(([c, t]) => `"${c}" ${t}`).join(", ");

type Executor = Pick<PrismaClient, "$executeRawUnsafe" | "$queryRawUnsafe">;

const WRITE_BATCH = 1000;

async function insertDocuments(x: Executor, table: string, docs: SearchDocument[], upsert: boolean): Promise<void> {
  const conflict = upsert
    ? `ON CONFLICT ("code") DO UPDATE SET ${WRITE_COLUMNS.filter(([c]) => c !== "code")
        .map(([c]) => `"${c}" = EXCLUDED."${c}"`)
        .join(", ")}, "indexedAt" = now()
       WHERE ${table}."courseUpdatedAt" <= EXCLUDED."courseUpdatedAt"`
    : "";
  // The next chunk's words are cut while the database writes this one.
  let writing: Promise<unknown> | undefined;
  for (let i = 0; i < docs.length; i += WRITE_BATCH) {
    const payload = JSON.stringify(docs.slice(i, i + WRITE_BATCH).map((d) => ({ ...d, terms: tsvectorOf(d) })));
    await writing;
    writing = x.$executeRawUnsafe(
      `INSERT INTO ${table} (${COLUMN_LIST})
       SELECT ${COLUMN_LIST} FROM jsonb_to_recordset($1::jsonb) AS x(${RECORD_TYPES})
       ${conflict}`,
      payload,
    );
  }
  await writing;
}

type IndexInfo = { name: string; definition: string; constraintName: string | null; constraintType: string | null };

/** Rewrites an index definition of the live table for the build table. */
export function buildIndexDefinition(definition: string, name: string): string {
  const m = /^CREATE (UNIQUE )?INDEX \S+ ON (?:ONLY )?\S+ (USING .*)$/s.exec(definition);
  if (!m) throw new Error(`Unexpected index definition: ${definition}`);
  return `CREATE ${m[1] ?? ""}INDEX "${name}_build" ON ${BUILD_TABLE} ${m[2]}`;
}

export class PostgresSearchIndex implements SearchIndex {
  readonly engine = "postgres" as const;

  /** `sortAtOnce`: up to this many matches are sorted in one query (tests set 0 to walk every search). */
  constructor(
    private readonly client: PrismaClient = db,
    private readonly options: { sortAtOnce?: number } = {},
  ) {}

  async search(q: CompiledQuery): Promise<SearchResult> {
    if (q.none) return { hits: [], total: 0 };
    // Searches are the hot path: plain pg queries on the shared pool (lib/db `sql`), no Prisma.
    const { pageSql, countSql, params, countParams } = buildSearchSql(q);
    const counting = sql<{ total: number }>(countSql, countParams).then((rows) => rows[0]?.total ?? 0);
    if (q.sort !== "relevance") {
      const [rows, total] = await Promise.all([sql<Row>(pageSql, params), counting]);
      return { hits: rows.map(toDocument), total };
    }
    const total = await counting;
    if (total === 0 || q.offset >= total) return { hits: [], total };
    const hits = total <= (this.options.sortAtOnce ?? SORT_AT_ONCE) ? (await sql<Row>(pageSql, params)).map(toDocument) : await this.walkedPage(q, buildRelevanceWalk(q));
    return { hits, total };
  }

  /** Walks the relevance steps until the page is full, then reads the page's documents. */
  private async walkedPage(q: CompiledQuery, steps: ReturnType<typeof buildRelevanceWalk>): Promise<SearchDocument[]> {
    let skip = q.offset;
    const codes: string[] = [];
    for (const step of steps) {
      const need = q.limit - codes.length;
      if (need <= 0) break;
      const { sql: text, params } = step(skip + need);
      const rows = await sql<{ code: string }>(text, params);
      if (rows.length <= skip) {
        skip -= rows.length;
        continue;
      }
      codes.push(...rows.slice(skip, skip + need).map((r) => r.code));
      skip = 0;
    }
    if (!codes.length) return [];
    const rows = await sql<Row>(`SELECT ${SELECT_COLUMNS} FROM ${TABLE} d WHERE d.code = ANY($1::text[])`, [codes]);
    const byCode = new Map(rows.map((r) => [r.code, toDocument(r)]));
    return codes.map((c) => byCode.get(c)).filter((d): d is SearchDocument => d !== undefined);
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    if (!docs.length) return;
    await this.client.$transaction(async (tx) => {
      // A course keeps its code; should one ever change, its old row goes first.
      await tx.$executeRawUnsafe(
        `DELETE FROM ${TABLE} WHERE "courseId" = ANY($1::int[]) AND NOT (code = ANY($2::text[]))`,
        docs.map((d) => d.courseId),
        docs.map((d) => d.code),
      );
      await insertDocuments(tx, TABLE, docs, true);
    });
  }

  async remove(codes: string[]): Promise<void> {
    if (!codes.length) return;
    await this.client.$executeRawUnsafe(`DELETE FROM ${TABLE} WHERE code = ANY($1::text[])`, codes);
  }

  async rebuild(batches: AsyncIterable<SearchDocument[]>): Promise<{ count: number }> {
    const result = await this.swapInNewTable(batches);
    // Sets hint bits and the visibility map of the new table: searches then touch far less.
    await this.client.$executeRawUnsafe(`VACUUM (ANALYZE) ${TABLE}`);
    return result;
  }

  private async swapInNewTable(batches: AsyncIterable<SearchDocument[]>): Promise<{ count: number }> {
    return this.client.$transaction(
      async (tx) => {
        // Build aside: a new table with the same columns, filled without indexes (fast), then
        // indexed like the live table, analysed, and renamed into place in this transaction.
        await tx.$executeRawUnsafe(`DROP TABLE IF EXISTS ${BUILD_TABLE}`);
        await tx.$executeRawUnsafe(
          `CREATE TABLE ${BUILD_TABLE} (LIKE ${TABLE} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING COMPRESSION INCLUDING STATISTICS)`,
        );
        // Table options (LIKE does not copy them), e.g. parallel_workers.
        const [{ options }] = await tx.$queryRawUnsafe<{ options: string[] | null }[]>(
          `SELECT reloptions AS options FROM pg_class WHERE oid = '${TABLE}'::regclass`,
        );
        const safeOptions = (options ?? []).filter((o) => /^[a-z_]+=[A-Za-z0-9_.]+$/.test(o));
        if (safeOptions.length) await tx.$executeRawUnsafe(`ALTER TABLE ${BUILD_TABLE} SET (${safeOptions.join(", ")})`);
        let count = 0;
        const seen = new Set<string>();
        for await (const batch of batches) {
          const fresh = batch.filter((d) => !seen.has(d.code) && seen.add(d.code));
          await insertDocuments(tx, BUILD_TABLE, fresh, false);
          count += fresh.length;
        }
        const indexes = await tx.$queryRawUnsafe<IndexInfo[]>(
          `SELECT i.relname AS name, pg_get_indexdef(ix.indexrelid) AS definition,
                  c.conname AS "constraintName", c.contype::text AS "constraintType"
           FROM pg_index ix
           JOIN pg_class i ON i.oid = ix.indexrelid
           LEFT JOIN pg_constraint c ON c.conindid = ix.indexrelid AND c.conrelid = ix.indrelid
           WHERE ix.indrelid = '${TABLE}'::regclass
           ORDER BY i.relname`,
        );
        await tx.$executeRawUnsafe(`SET LOCAL maintenance_work_mem = '128MB'`);
        for (const ix of indexes) await tx.$executeRawUnsafe(buildIndexDefinition(ix.definition, ix.name));
        await tx.$executeRawUnsafe(`ANALYZE ${BUILD_TABLE}`);
        // The swap: readers wait only for these statements.
        await tx.$executeRawUnsafe(`ALTER TABLE ${TABLE} RENAME TO ${OLD_TABLE}`);
        await tx.$executeRawUnsafe(`ALTER TABLE ${BUILD_TABLE} RENAME TO ${TABLE}`);
        await tx.$executeRawUnsafe(`DROP TABLE ${OLD_TABLE}`);
        for (const ix of indexes) {
          if (ix.constraintName && (ix.constraintType === "p" || ix.constraintType === "u")) {
            const kind = ix.constraintType === "p" ? "PRIMARY KEY" : "UNIQUE";
            await tx.$executeRawUnsafe(`ALTER TABLE ${TABLE} ADD CONSTRAINT "${ix.constraintName}" ${kind} USING INDEX "${ix.name}_build"`);
          } else {
            await tx.$executeRawUnsafe(`ALTER INDEX "${ix.name}_build" RENAME TO "${ix.name}"`);
          }
        }
        return { count };
      },
      { timeout: 30 * 60_000, maxWait: 60_000 },
    );
  }

  async count(): Promise<number> {
    const rows = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${TABLE}`);
    return rows[0]?.n ?? 0;
  }

  async facets(): Promise<SearchFacets> {
    const categories = await sql<{ v: string }>(`SELECT DISTINCT category AS v FROM ${TABLE} ORDER BY 1`);
    const tags = await sql<{ name: string; count: number }>(
      `SELECT t.name, count(DISTINCT d.code)::int AS count FROM ${TABLE} d, unnest(d.tags) AS t(name) GROUP BY t.name ORDER BY count DESC, t.name COLLATE "C"`,
    );
    return { categories: categories.map((r) => r.v), tags };
  }
}
