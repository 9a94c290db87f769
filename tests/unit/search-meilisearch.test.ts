import { compileQuery } from "@/lib/search/compile";
import type { SearchDocument } from "@/lib/search/documents";
import { MeilisearchIndex, type MeiliClient } from "@/lib/search/meilisearch-index";
import { tokenise } from "@/lib/search/normalise";
import { buildMeiliSearch, encodeToken, filterString, indexSettings, meiliSynonyms, toMeiliDocument } from "@/lib/search/meilisearch-requests";
import { parseSearchQuery } from "@/lib/search/query";

const context = { now: new Date("2026-11-30T02:00:00Z"), today: "2026-11-30" };
function request(params: string) {
  const parsed = parseSearchQuery(new URLSearchParams(params));
  if (!parsed.ok) throw new Error(parsed.message);
  return buildMeiliSearch(compileQuery(parsed.query, context));
}
const word = (lexeme: string) =>
  encodeToken({ lexeme, kind: /^\d+$/.test(lexeme) ? "number" : /^[a-z]+$/.test(lexeme) ? "word" : lexeme.length === 1 ? "char" : "bigram" });

const doc: SearchDocument = {
  code: "2072423",
  courseId: 7,
  title: "國中性平教育研習",
  classType: "NON_CREDIT",
  category: "一般研習",
  startDate: "2026-12-01",
  endDate: "2026-12-02",
  timeSlot: "WEEKEND",
  hours: 3,
  fee: 0,
  venue: "臺北市中正區",
  venueCounty: "臺北市",
  organizerName: "臺北市立示範國民中學",
  organizerStage: "JUNIOR_HIGH",
  organizerCounty: "臺北市",
  tags: ["性平教育"],
  onlineRegistration: true,
  registrationOpensAt: "2026-11-01T00:00:00.000Z",
  registrationClosesAt: "2026-11-30T16:00:00.000Z",
  status: "PUBLISHED",
  courseUpdatedAt: "2026-11-01T00:00:00.000Z",
};

describe("Meilisearch words", () => {
  it("spells every normalised word in lower-case letters only, the same way every time", () => {
    const w = encodeToken({ lexeme: "性平", kind: "bigram" });
    expect(w).toMatch(/^b[a-z]{10}$/);
    expect(encodeToken({ lexeme: "性平", kind: "bigram" })).toBe(w);
    expect(encodeToken({ lexeme: "性", kind: "char" })).toMatch(/^u[a-z]{5}$/);
    expect(encodeToken({ lexeme: "ai", kind: "word" })).toMatch(/^w[a-z]{10}$/);
    expect(encodeToken({ lexeme: "114", kind: "number" })).toMatch(/^n[a-z]{15}$/);
    expect(encodeToken({ lexeme: "ai", kind: "word" })).not.toBe(encodeToken({ lexeme: "ai", kind: "number" }));
  });
});

describe("toMeiliDocument", () => {
  it("keeps the document and adds words per field, with synonym spellings, dates as numbers", () => {
    const m = toMeiliDocument(doc);
    expect(m).toMatchObject({ code: "2072423", title: doc.title, codeNumber: 2072423, startDay: 20788, endDay: 20789 });
    expect(m.opensAtMs).toBe(Date.parse("2026-11-01T00:00:00.000Z"));
    expect(m.codeWords).toBe(word("2072423"));
    // The title and its alias spellings (國民中學…, …性別平等…) are separate values.
    expect(m.titleWords.length).toBe(4);
    expect(m.titleWords[0].split(" ")).toEqual(["國中", "中性", "性平", "平教", "教育", "育研", "研習"].map(word));
    expect(m.titleWords.join(" ")).toContain(word("國民"));
    expect(m.titleWords.join(" ")).toContain([word("性別"), word("別平"), word("平等")].join(" "));
    expect(m.titleChars[0].split(" ")).toEqual("國中性平教育研習".split("").map(word));
    expect(m.organizerWords.join(" ")).toContain(word("國中"));
    expect(m.tagWords.length).toBe(2);
    expect(m.organizerWordSet).toEqual(expect.arrayContaining([word("示範"), word("國中"), word("示")]));
  });
});

describe("indexSettings", () => {
  it("searches code, title, organizer and tags in that order, with exact words only", () => {
    const s = indexSettings();
    expect(s.searchableAttributes).toEqual(["codeWords", "titleWords", "titleChars", "organizerWords", "organizerChars", "tagWords", "tagChars"]);
    expect(s.typoTolerance).toEqual({ enabled: false });
    expect(s.prefixSearch).toBe("disabled");
    expect(s.pagination).toEqual({ maxTotalHits: 1_000_000 });
    expect(s.rankingRules?.[0]).toBe("sort");
    expect(s.sortableAttributes).toEqual(expect.arrayContaining(["startDay", "endDay", "codeNumber"]));
    expect(s.filterableAttributes).toEqual(
      expect.arrayContaining(["code", "venueCounty", "organizerStage", "classType", "category", "tags", "timeSlot", "startDay", "onlineRegistration", "status", "opensAtMs", "closesAtMs", "fee", "hours", "organizerWordSet"]),
    );
  });

  it("carries the one synonym list, in both directions", () => {
    const synonyms = meiliSynonyms();
    const short = word("性平");
    const long = [word("性別"), word("別平"), word("平等")].join(" ");
    expect(synonyms[short]).toEqual([long]);
    expect(synonyms[long]).toEqual([short]);
    expect(indexSettings().synonyms).toEqual(synonyms);
  });

  it("carries the dictionary's one-way entries one way only", () => {
    const synonyms = meiliSynonyms();
    const key = tokenise("全民國防教育", "query").tokens.map(encodeToken).join(" ");
    const value = tokenise("國防教育", "query").tokens.map(encodeToken).join(" ");
    expect(synonyms[key]).toEqual([value]);
    expect(synonyms[value]).toBeUndefined();
  });
});

describe("buildMeiliSearch", () => {
  it("sends each term as a phrase of words, all terms required, with exact totals per page", () => {
    const r = request("q=性別平等 ＡＩ&page=2&size=10");
    expect(r.q).toBe(`"${[word("性別"), word("別平"), word("平等")].join(" ")}" "${word("ai")}"`);
    expect(r.params).toMatchObject({ page: 2, hitsPerPage: 10, matchingStrategy: "all" });
    expect(r.params.attributesToSearchOn).toEqual(["titleWords", "titleChars", "organizerWords", "organizerChars", "tagWords", "tagChars"]);
    expect(r.params.filter).toBeUndefined();
    expect(r.params.sort).toBeUndefined();
  });

  it("sends the words of a keyword typed without spaces as separate phrases, as PostgreSQL matches them", () => {
    expect(request("q=性平研習").q).toBe(`"${word("性平")}" "${word("研習")}"`);
    expect(request("q=AI數學").q).toBe(`"${word("ai")}" "${word("數學")}"`);
    expect(request("q=%").q).toBe("");
  });

  it("requires the words of a term with a lone character separately", () => {
    expect(request("q=式AI").q).toBe(`"${word("式")}" "${word("ai")}"`);
  });

  it("also looks at the course code when a term is a number", () => {
    expect(request("q=2072423").params.attributesToSearchOn).toContain("codeWords");
  });

  it("limits the attributes to the chosen field", () => {
    expect(request("q=數學&field=title").params.attributesToSearchOn).toEqual(["titleWords", "titleChars"]);
    expect(request("q=大學&field=organizer").params.attributesToSearchOn).toEqual(["organizerWords", "organizerChars"]);
    expect(request("q=性平&field=tag").params.attributesToSearchOn).toEqual(["tagWords", "tagChars"]);
  });

  it("filters course codes instead of searching for them", () => {
    const r = request("q=2072423 2072424&field=code");
    expect(r.q).toBe("");
    expect(r.params.filter).toEqual(['code IN ["2072423", "2072424"]']);
    expect(r.params.attributesToSearchOn).toBeUndefined();
  });

  it("turns the organizer keyword into filters on organizer words when there is another keyword", () => {
    const r = request("q=數學&org=中山");
    expect(r.q).toBe(`"${word("數學")}"`);
    expect(r.params.filter).toEqual([`organizerWordSet = "${word("中山")}"`]);
    const alone = request("org=中山");
    expect(alone.q).toBe(`"${word("中山")}"`);
    expect(alone.params.attributesToSearchOn).toEqual(["organizerWords", "organizerChars"]);
  });

  it("translates every filter of the query model", () => {
    const r = request(
      "county=臺北市&stage=JUNIOR_HIGH&type=NON_CREDIT&category=工作坊&tag=性平教育&tag=閱讀教育&slot=WEEKEND&from=2026-12-01&to=2026-12-31&open=1&online=1&free=1&hmin=1.5&hmax=6",
    );
    const ms = context.now.getTime();
    expect(r.params.filter).toEqual([
      'venueCounty = "臺北市"',
      'organizerStage = "JUNIOR_HIGH"',
      'classType = "NON_CREDIT"',
      'category = "工作坊"',
      'tags IN ["性別平等教育", "閱讀教育"]',
      'timeSlot = "WEEKEND"',
      "startDay >= 20788",
      "startDay <= 20818",
      "onlineRegistration = true",
      'status = "PUBLISHED"',
      `opensAtMs <= ${ms}`,
      `closesAtMs > ${ms}`,
      "onlineRegistration = true",
      "fee = 0",
      "hours >= 1.5",
      "hours <= 6",
    ]);
  });

  it("escapes quotes in filter values", () => {
    expect(filterString('a"b\\c')).toBe('"a\\"b\\\\c"');
  });

  it("maps the sorts, leaving relevance to the ranking rules", () => {
    expect(request("sort=start&order=asc").params.sort).toEqual(["startDay:asc", "codeNumber:asc"]);
    expect(request("sort=end").params.sort).toEqual(["endDay:desc", "codeNumber:desc"]);
    expect(request("sort=code").params.sort).toEqual(["codeNumber:asc"]);
    expect(request("q=數學").params.sort).toBeUndefined();
  });
});

/** A stand-in for the official client that records calls and completes every task. */
function fakeClient(options: { missingIndex?: boolean; failSwap?: boolean } = {}) {
  const calls: string[] = [];
  let missing = options.missingIndex ?? false;
  const task = (what: string, status: "succeeded" | "failed" = "succeeded") => {
    calls.push(what);
    const p = Promise.resolve({}) as Promise<unknown> & { waitTask(): Promise<never> };
    p.waitTask = async () => ({ status, error: status === "failed" ? { message: "boom" } : null }) as never;
    return p;
  };
  const client: MeiliClient = {
    index: (full) => {
      const uid = full.replace(/\d{6,}$/, "T");
      return {
      search: async (q, params) => {
        calls.push(`search ${uid} ${JSON.stringify(q)} ${JSON.stringify(params)}`);
        return { hits: [{ ...toMeiliDocument(doc) }], totalHits: 41, facetDistribution: { category: { 工作坊: 2, 一般研習: 5 }, tags: { 閱讀教育: 1, 性別平等教育: 3 } } };
      },
      addDocuments: (docs) => task(`add ${uid} ${docs.length}`),
      deleteDocuments: (ids) => task(`delete ${uid} ${ids.join(",")}`),
      updateSettings: () => task(`settings ${uid}`),
      getStats: async () => ({ numberOfDocuments: 3 }),
      };
    },
    createIndex: (uid) => {
      missing = false;
      return task(`create ${uid.replace(/\d{6,}$/, "T")}`);
    },
    deleteIndex: (uid) => task(`drop ${uid.replace(/\d{6,}$/, "T")}`),
    getIndex: async (uid) => {
      calls.push(`get ${uid}`);
      if (missing) throw Object.assign(new Error("not found"), { cause: { code: "index_not_found" } });
      return {};
    },
    swapIndexes: (swaps) => task(`swap ${swaps.map((s) => s.indexes.join("<->").replace(/\d{6,}$/, "T")).join()}`, options.failSwap ? "failed" : "succeeded"),
  };
  return { client, calls };
}

async function* batches(...lists: SearchDocument[][]) {
  for (const l of lists) yield l;
}

describe("MeilisearchIndex", () => {
  it("creates the index with its settings on first use, and maps hits back to documents", async () => {
    const { client, calls } = fakeClient({ missingIndex: true });
    const index = new MeilisearchIndex(client, "courses");
    const parsed = parseSearchQuery(new URLSearchParams("q=性平"));
    if (!parsed.ok) throw new Error();
    const result = await index.search(compileQuery(parsed.query, context));
    expect(result.total).toBe(41);
    expect(result.hits).toEqual([doc]);
    expect(calls.slice(0, 3)).toEqual(["get courses", "create courses", "settings courses"]);
    expect(calls[3]).toMatch(/^search courses /);
  });

  it("rebuilds into a new index, swaps it in, and deletes the old contents", async () => {
    const { client, calls } = fakeClient();
    const index = new MeilisearchIndex(client, "courses");
    const { count } = await index.rebuild(batches([doc, { ...doc, code: "2072424" }], [], [{ ...doc, code: "2072425" }]));
    expect(count).toBe(3);
    expect(calls).toEqual([
      "get courses",
      "settings courses",
      "create courses_build_T",
      "settings courses_build_T",
      "add courses_build_T 2",
      "add courses_build_T 1",
      "swap courses<->courses_build_T",
      "drop courses_build_T",
    ]);
  });

  it("deletes a half-built index and reports the failure when the swap fails", async () => {
    const { client, calls } = fakeClient({ failSwap: true });
    const index = new MeilisearchIndex(client, "courses");
    await expect(index.rebuild(batches([doc]))).rejects.toThrow(/swapping courses and courses_build_\d+ failed: boom/);
    expect(calls[calls.length - 1]).toBe("drop courses_build_T");
  });

  it("upserts, removes, counts and lists facets", async () => {
    const { client, calls } = fakeClient();
    const index = new MeilisearchIndex(client, "courses");
    await index.upsert([doc]);
    await index.remove(["1", "2"]);
    await index.upsert([]);
    expect(await index.count()).toBe(3);
    expect(await index.facets()).toEqual({ categories: ["一般研習", "工作坊"], tags: [{ name: "性別平等教育", count: 3 }, { name: "閱讀教育", count: 1 }] });
    expect(calls).toEqual(expect.arrayContaining(["add courses 1", "delete courses 1,2"]));
    expect(calls.filter((c) => c.startsWith("add"))).toHaveLength(1);
  });
});
