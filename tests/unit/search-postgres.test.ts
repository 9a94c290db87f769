import { compileQuery } from "@/lib/search/compile";
import { buildIndexDefinition, buildSearchSql, phraseQuery, tsvectorOf } from "@/lib/search/postgres-index";
import { tokenise } from "@/lib/search/normalise";
import { parseSearchQuery } from "@/lib/search/query";

const context = { now: new Date("2026-11-30T02:00:00Z"), today: "2026-11-30" };
function sql(params: string) {
  const parsed = parseSearchQuery(new URLSearchParams(params));
  if (!parsed.ok) throw new Error(parsed.message);
  return buildSearchSql(compileQuery(parsed.query, context));
}

describe("tsvectorOf", () => {
  it("weights title A, organizer B and tags C, in separate position bands, synonym spellings included", () => {
    const v = tsvectorOf({ title: "國中性平", organizerName: "臺北市立示範國民中學", tags: ["閱讀教育"] });
    const entries = Object.fromEntries(v.split(" ").map((e) => e.split(":") as [string, string]));
    expect(entries["'性平'"]).toMatch(/^\d+A/);
    // 國中 is in the title (and its alias 國中性別平等), and in the organizer as the alias of 國民中學.
    expect(entries["'國中'"]).toMatch(/^1A,\d+A,50\d\dB$/);
    expect(entries["'閱讀'"]).toBe("10001C");
    // The title's aliases (…性別平等) lie after the title, each a gap apart: never next to it.
    const title = tsvectorOf({ title: "國中性平", organizerName: "", tags: [] });
    const positions = (lexeme: string) => (title.split(" ").find((e) => e.startsWith(`'${lexeme}'`)) ?? "").split(":")[1].split(",").map((p) => parseInt(p, 10));
    // Segments: 國中性平 (1–4), then its aliases (國民中學性平 at 15, 國中性別平等 at 31, …), each 10 apart.
    expect(positions("性平")).toEqual([3, 19]);
    expect(positions("別平")).toEqual([34, 52]);
  });

  it("marks the title's whole words, and their dictionary spellings, for ranking", () => {
    const v = tsvectorOf({ title: "國中小領域輔導團", organizerName: "", tags: [] });
    expect(v).toContain("'=輔導團':");
    expect(v).not.toContain("'=輔導':");
    const aliases = tsvectorOf({ title: "環境教育研習", organizerName: "", tags: [] });
    expect(aliases).toContain("'=環境教育':1A");
    expect(aliases).toContain("'=環教':1A");
    expect(aliases).toContain("'=研習':");
  });

  it("quotes words safely", () => {
    expect(tsvectorOf({ title: "it's", organizerName: "", tags: [] })).toBe("'it':1A 's':2A");
  });
});

describe("phraseQuery", () => {
  it("joins words at their distances, with field weights", () => {
    expect(phraseQuery({ tokens: tokenise("性別平等", "query").tokens }, "A")).toBe("'性別':A <-> '別平':A <-> '平等':A");
    expect(phraseQuery({ tokens: tokenise("成式ai", "query").tokens }, "ABC")).toBe("'成式' <2> 'ai'");
    // A lone character is a prefix: it matches any word starting with it.
    expect(phraseQuery({ tokens: tokenise("式ai", "query").tokens }, "A")).toBe("'式':*A <-> 'ai':A");
    expect(phraseQuery({ tokens: tokenise("美", "query").tokens }, "ABC")).toBe("'美':*");
  });
});

describe("buildSearchSql", () => {
  it("matches all terms with one tsquery, a numeric term also by code, and counts separately", () => {
    const { pageSql, countSql, params, countParams } = sql("q=國中 數學 2072423");
    expect(pageSql).toContain("d.terms @@ $1::tsquery");
    expect(params[0]).toBe("('國中') & ('數學')");
    expect(pageSql).toContain("(d.terms @@ $2::tsquery OR d.code = $3)");
    expect(params.slice(1, 3)).toEqual(["'2072423'", "2072423"]);
    // Relevance: the code match first (tier 0), then the title tiers, then the bucket of dates.
    expect(pageSql).toMatch(/ORDER BY \(CASE WHEN d\.code = ANY\(\$\d+::text\[\]\) THEN 0 WHEN/);
    expect(pageSql).toContain("WHEN d.status <> 'PUBLISHED' THEN 3");
    expect(countSql).toMatch(/^SELECT count\(\*\)::int AS total FROM "SearchDocument" d WHERE/);
    expect(countParams).toEqual(params.slice(0, 3));
    expect(params.slice(-2)).toEqual([30, 0]);
  });

  it("restricts a field by weight, and filters every part of the query model", () => {
    const { pageSql, params } = sql(
      "q=數學&field=title&county=臺北市&stage=JUNIOR_HIGH&type=NON_CREDIT&category=工作坊&tag=a&slot=WEEKEND&from=2026-01-01&to=2026-12-31&open=1&online=1&free=1&hmin=1&hmax=9&sort=end&order=asc&page=2&size=10",
    );
    expect(params[0]).toBe("('數學':A)");
    for (const clause of [
      `d."venueCounty" = $2`,
      `d."organizerStage" = $3::"UnitStage"`,
      `d."classType" = $4::"ClassType"`,
      "d.category = $5",
      "d.tags && $6::text[]",
      `d."timeSlot" = $7::"TimeSlot"`,
      `d."startDate" >= $8::date`,
      `d."startDate" <= $9::date`,
      `d."registrationOpensAt" <= ($10::timestamptz AT TIME ZONE 'UTC')`,
      `d."onlineRegistration"`,
      "d.fee = 0",
      "d.hours >= $11::float8",
      "d.hours <= $12::float8",
      `ORDER BY d."endDate" ASC, d.code ASC`,
      "LIMIT $13::int OFFSET $14::int",
    ]) {
      expect(pageSql).toContain(clause);
    }
    expect(params.slice(-2)).toEqual([10, 10]);
  });

  it("searches course codes exactly", () => {
    const { pageSql, params } = sql("q=2072423 2072424&field=code&sort=code");
    expect(pageSql).toContain("d.code = ANY($1::text[])");
    expect(params[0]).toEqual(["2072423", "2072424"]);
    expect(pageSql).toContain("ORDER BY length(d.code) ASC, d.code ASC");
  });
});

describe("buildIndexDefinition", () => {
  it("rewrites a live index for the build table", () => {
    expect(buildIndexDefinition(`CREATE INDEX "SearchDocument_terms_idx" ON public."SearchDocument" USING gin (terms)`, "SearchDocument_terms_idx")).toBe(
      `CREATE INDEX "SearchDocument_terms_idx_build" ON "SearchDocument_build" USING gin (terms)`,
    );
    expect(buildIndexDefinition(`CREATE UNIQUE INDEX "SearchDocument_pkey" ON public."SearchDocument" USING btree (code)`, "SearchDocument_pkey")).toBe(
      `CREATE UNIQUE INDEX "SearchDocument_pkey_build" ON "SearchDocument_build" USING btree (code)`,
    );
  });
});
