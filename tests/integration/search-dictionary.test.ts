/** @jest-environment node */
// Every entry of the field's dictionary (lib/search/dictionary.json), checked both ways through
// the search use case on PostgreSQL: one course per spelling, titled 「<spelling>教學研習」.
import { useTestDatabase } from "../support/database";
import { createCourse, createUnit } from "../support/factories";
import dictionary from "@/lib/search/dictionary.json";
import { normaliseText } from "@/lib/search/normalise";
import { searchCourses } from "@/lib/search/search-courses";
import { rebuildSearchIndex } from "@/lib/search/sync";
import { SYNONYM_GROUPS } from "@/lib/search/synonyms";

useTestDatabase();

const NOW = new Date("2026-11-30T02:00:00Z");
const titleOf = (spelling: string) => `${spelling}教學研習`;
const codeOf = new Map<string, string>();

beforeAll(async () => {
  const unit = await createUnit({ name: "新竹市文化局", county: "新竹市" });
  const spellings = [...new Set([...SYNONYM_GROUPS.flatMap((g) => g.forms), ...dictionary.words.map(normaliseText)])];
  let n = 0;
  for (const s of spellings) {
    const code = String(8400000 + ++n);
    codeOf.set(s, code);
    await createCourse(unit.id, { code, title: titleOf(s) });
  }
  await rebuildSearchIndex();
}, 120_000);

async function found(q: string): Promise<Set<string>> {
  const codes = new Set<string>();
  for (let page = 1; page <= 20; page++) {
    const result = await searchCourses({ q, size: "100", page: String(page) }, { now: NOW });
    result.hits.forEach((h) => codes.add(h.code));
    if (page >= result.pageCount) break;
  }
  return codes;
}

describe("the field's dictionary, entry by entry", () => {
  it("has at least 150 entries", () => {
    expect(dictionary.same.length + dictionary.expand.length + dictionary.words.length).toBeGreaterThanOrEqual(150);
  });

  it("'same' groups: every spelling finds the courses of every other spelling", async () => {
    const missing: string[] = [];
    for (const group of SYNONYM_GROUPS.filter((g) => !g.oneWay)) {
      for (const q of group.forms) {
        const codes = await found(q);
        for (const other of group.forms) if (!codes.has(codeOf.get(other) as string)) missing.push(`${q} → ${titleOf(other)}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("'expand' entries: the first spelling finds the others' courses, the others do not find it through the entry", async () => {
    const wrong: string[] = [];
    for (const group of SYNONYM_GROUPS.filter((g) => g.oneWay)) {
      const [key, ...values] = group.forms;
      const codes = await found(key);
      for (const v of values) if (!codes.has(codeOf.get(v) as string)) wrong.push(`${key} should find ${titleOf(v)}`);
      for (const v of values) {
        // Only where no spelling of the first contains the other (公民與社會 contains 公民;
        // 藝文 is also 藝術與人文, which contains 藝術).
        const spellings = [key, ...SYNONYM_GROUPS.filter((g) => !g.oneWay && g.forms.includes(key)).flatMap((g) => g.forms)];
        if (spellings.some((s) => s.includes(v))) continue;
        if ((await found(v)).has(codeOf.get(key) as string)) wrong.push(`${v} should not find ${titleOf(key)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("every spelling and word, typed without a space before 研習, still finds its course", async () => {
    const missing: string[] = [];
    for (const [spelling, code] of codeOf) {
      if (!(await found(`${spelling}研習`)).has(code)) missing.push(`${spelling}研習`);
    }
    expect(missing).toEqual([]);
  });
});
