import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { db, sql } from "@/lib/db";
import type { CompiledQuery, CompiledTerm, TextField } from "@/lib/search/compile";
import type { SearchDocument } from "@/lib/search/documents";
import type { SearchFacets, SearchIndex, SearchResult } from "@/lib/search/index-port";
import { normaliseText, tokenise } from "@/lib/search/normalise";
import { textAliases } from "@/lib/search/synonyms";

/**
 * The PostgreSQL search index: the table "SearchDocument", one row per public course, with a
 * tsvector `terms` of normalised words (lib/search/normalise.ts) and a GIN index on it.
 *
 * Fields are told apart by tsvector weights and position bands: title A (positions 1–5000),
 * organizer B (5001–10000), tags C (10001–16383). Each field value and each of its synonym
 * spellings is a separate segment, a gap apart, so a phrase never spans two of them. A query term
 * becomes a phrase tsquery ('性別' <-> '別平' <-> '平等'), restricted to the weights of the
 * fields it may match.
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
/** PostgreSQL keeps at most 256 positions per word in a tsvector. */
const MAX_POSITIONS = 256;

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/** Normalised segments of a field: each value and its synonym spellings. */
export function fieldSegments(values: string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const n = normaliseText(v);
    if (!n.trim()) continue;
    out.push(n, ...textAliases(n));
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
    for (const segment of fieldSegments(values)) {
      const { tokens, length } = tokenise(segment, "document");
      for (const t of tokens) {
        const p = base + t.pos;
        if (p > band.end) break;
        let list = positions.get(t.lexeme);
        if (!list) positions.set(t.lexeme, (list = []));
        if (list.length < MAX_POSITIONS) list.push(`${p}${WEIGHT[field]}`);
      }
      base += length + SEGMENT_GAP;
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
const FIELD_SCORE: Record<TextField, number> = { title: 100, organizer: 10, tags: 1 };
const FIELD_ORDER: TextField[] = ["title", "organizer", "tags"];

/** The search as SQL: one query for the page, one for the total (run side by side); exported for unit tests. */
export function buildSearchSql(q: CompiledQuery): { pageSql: string; countSql: string; params: unknown[]; countParams: unknown[] } {
  const { params, p } = paramList();
  const where = whereSql(whereClauses(q, p));
  const countParams = [...params];
  const countSql = `SELECT count(*)::int AS total FROM ${TABLE} d ${where}`;

  const dir = q.order === "asc" ? "ASC" : "DESC";
  let orderBy: string;
  let scoreSelect = "";
  if (q.sort === "relevance") {
    // A code match first; then, term by term, a title match above an organizer match above a
    // tag match; then the newest start date.
    const score: string[] = [];
    const codeTerms = [...q.codes, ...q.terms.filter((t) => t.matchesCode).map((t) => t.text)];
    if (codeTerms.length) score.push(`(CASE WHEN d.code = ANY(${p(codeTerms)}::text[]) THEN 1000 ELSE 0 END)`);
    for (const t of q.terms.filter((t) => t.fields.length > 1)) {
      const cases = FIELD_ORDER.filter((f) => t.fields.includes(f)).map((f) => `WHEN d.terms @@ ${p(phraseQuery(t, WEIGHT[f]))}::tsquery THEN ${FIELD_SCORE[f]}`);
      score.push(`(CASE ${cases.join(" ")} ELSE 0 END)`);
    }
    scoreSelect = `, (${score.length ? score.join(" + ") : "0"}) AS score`;
    orderBy = score.length ? `score DESC, d."startDate" DESC, d.code DESC` : `d."startDate" DESC, d.code DESC`;
  } else if (q.sort === "code") {
    orderBy = `length(d.code) ${dir}, d.code ${dir}`;
  } else {
    const column = q.sort === "end" ? `"endDate"` : `"startDate"`;
    orderBy = `d.${column} ${dir}, d.code ${dir}`;
  }
  const pageSql = `SELECT ${SELECT_COLUMNS}${scoreSelect}
FROM ${TABLE} d
${where}
ORDER BY ${orderBy}
LIMIT ${p(q.limit)}::int OFFSET ${p(q.offset)}::int`;
  return { pageSql, countSql, params, countParams };
}

/**
 * Relevance for the common case, one keyword term looked for in several fields: its results in
 * tiers (the course with that code; then title matches; organizer matches; tag matches), each
 * tier ordered by start date. Each tier query reads only as many rows as the page needs, so a
 * common word such as 國小 never scores tens of thousands of rows. Null when tiers do not apply
 * (then one query scores every match). Exported for unit tests.
 */
export function buildRelevanceTiers(q: CompiledQuery): ((limit: number) => { sql: string; params: unknown[] })[] | null {
  if (q.sort !== "relevance" || q.codes.length) return null;
  const wide = q.terms.filter((t) => t.fields.length > 1);
  if (wide.length !== 1) return null;
  const term = wide[0];
  const tier = (extra: (p: Param) => string[]) => (limit: number) => {
    const { params, p } = paramList();
    const where = [...whereClauses(q, p, term), ...extra(p)];
    const sql = `SELECT d.code FROM ${TABLE} d ${whereSql(where)} ORDER BY d."startDate" DESC, d.code DESC LIMIT ${p(limit)}::int`;
    return { sql, params };
  };
  const tiers: ((limit: number) => { sql: string; params: unknown[] })[] = [];
  if (term.matchesCode) tiers.push(tier((p) => [`d.code = ${p(term.text)}`]));
  const fields = FIELD_ORDER.filter((f) => term.fields.includes(f));
  fields.forEach((field, i) => {
    tiers.push(
      tier((p) => [
        // The unweighted phrase lets the GIN index find candidates; the weighted one picks the field.
        `d.terms @@ ${p(phraseQuery(term, ""))}::tsquery`,
        `d.terms @@ ${p(phraseQuery(term, WEIGHT[field]))}::tsquery`,
        ...fields.slice(0, i).map((higher) => `NOT (d.terms @@ ${p(phraseQuery(term, WEIGHT[higher]))}::tsquery)`),
        ...(term.matchesCode ? [`d.code <> ${p(term.text)}`] : []),
      ]),
    );
  });
  return tiers;
}

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

type Row = SearchDocument & { score?: number };

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
  for (let i = 0; i < docs.length; i += WRITE_BATCH) {
    const chunk = docs.slice(i, i + WRITE_BATCH).map((d) => ({ ...d, terms: tsvectorOf(d) }));
    const conflict = upsert
      ? `ON CONFLICT ("code") DO UPDATE SET ${WRITE_COLUMNS.filter(([c]) => c !== "code")
          .map(([c]) => `"${c}" = EXCLUDED."${c}"`)
          .join(", ")}, "indexedAt" = now()
         WHERE ${table}."courseUpdatedAt" <= EXCLUDED."courseUpdatedAt"`
      : "";
    await x.$executeRawUnsafe(
      `INSERT INTO ${table} (${COLUMN_LIST})
       SELECT ${COLUMN_LIST} FROM jsonb_to_recordset($1::jsonb) AS x(${RECORD_TYPES})
       ${conflict}`,
      JSON.stringify(chunk),
    );
  }
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

  constructor(private readonly client: PrismaClient = db) {}

  async search(q: CompiledQuery): Promise<SearchResult> {
    if (q.none) return { hits: [], total: 0 };
    // Searches are the hot path: plain pg queries on the shared pool (lib/db `sql`), no Prisma.
    const { pageSql, countSql, params, countParams } = buildSearchSql(q);
    const counting = sql<{ total: number }>(countSql, countParams);
    const tiers = buildRelevanceTiers(q);
    const page = tiers ? this.tieredPage(q, tiers) : sql<Row>(pageSql, params).then((rows) => rows.map(toDocument));
    const [hits, counted] = await Promise.all([page, counting]);
    return { hits, total: counted[0]?.total ?? 0 };
  }

  /** Walks the relevance tiers until the page is full, then reads the page's documents. */
  private async tieredPage(q: CompiledQuery, tiers: NonNullable<ReturnType<typeof buildRelevanceTiers>>): Promise<SearchDocument[]> {
    let skip = q.offset;
    const codes: string[] = [];
    for (const tier of tiers) {
      const need = q.limit - codes.length;
      if (need <= 0) break;
      const { sql: text, params } = tier(skip + need);
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
