import dictionary from "@/lib/search/dictionary.json";
import { normaliseText } from "@/lib/search/normalise";
import { documentWords, queryWords } from "@/lib/search/segment";
import { FIELD_WORDS, longFormsOf, SYNONYM_GROUPS, termSpellings, textAliases } from "@/lib/search/synonyms";

const words = (q: string) => queryWords(normaliseText(q));

describe("queryWords: a keyword typed without spaces, cut into words", () => {
  it.each([
    ["性平研習", ["性平", "研習"]],
    ["國小數學工作坊", ["國小", "數學", "工作坊"]],
    ["AI數學", ["ai", "數學"]],
    ["環教研習", ["環教", "研習"]],
    ["國中小領域輔導團", ["國中小", "領域", "輔導團"]],
    ["台北市國中數學", ["臺北市", "國中", "數學"]],
    ["108課綱", ["108課綱"]],
    ["技術及職業教育", ["技術及職業教育"]],
  ])("%s → %j", (q, expected) => {
    expect(words(q)).toEqual(expected);
  });

  it("keeps characters it cannot place together, as typed (桌遊, names)", () => {
    expect(words("桌遊融入數學教學")).toEqual(["桌遊", "融入", "數學", "教學"]);
    expect(words("王小明老師")[0]).toBe("王小明");
  });

  it("drops joining characters between words, but keeps a keyword that is only one", () => {
    expect(words("性別平等與情感教育")).toEqual(["性別平等", "情感", "教育"]);
    expect(words("與")).toEqual(["與"]);
  });

  it("leaves letters and digits alone and a Latin keyword whole", () => {
    expect(words("steam")).toEqual(["steam"]);
    expect(words("")).toEqual([]);
  });

  it("gives the title's words with their offsets for ranking", () => {
    expect(documentWords(normaliseText("國中小領域輔導團到校服務")).map((w) => w.text)).toContain("輔導團");
    expect(documentWords(normaliseText("輔導知能研習")).map((w) => w.text)).toContain("輔導");
    const text = normaliseText("國小數學工作坊");
    for (const w of documentWords(text)) expect(text.slice(w.at, w.at + w.text.length)).toBe(w.text);
  });
});

describe("the field's dictionary (lib/search/dictionary.json)", () => {
  it("holds at least 150 entries, written as teachers type them", () => {
    expect(dictionary.same.length + dictionary.expand.length + dictionary.words.length).toBeGreaterThanOrEqual(150);
    // Every spelling is a word jieba keeps whole.
    for (const g of SYNONYM_GROUPS) for (const f of g.forms) expect(FIELD_WORDS).toContain(f);
  });

  it("puts a spelling in one 'same' group at most", () => {
    const seen = new Map<string, number>();
    SYNONYM_GROUPS.forEach((g, i) => {
      if (g.oneWay) return;
      for (const f of g.forms) {
        expect([f, seen.get(f)]).toEqual([f, undefined]);
        seen.set(f, i);
      }
    });
  });

  it("finds both ways in a 'same' group, one way in an 'expand' entry", () => {
    expect(textAliases("環境教育研習")).toContain("環教研習");
    expect(textAliases("環教研習")).toContain("環境教育研習");
    // 全民國防教育 finds 國防教育; a course about 全民國防教育 is not indexed as 國防教育 (it contains it already).
    expect(textAliases("國防教育研習")).toContain("全民國防教育研習");
    expect(textAliases("全民國防教育研習")).toEqual([]);
    expect(textAliases("國小藝術教學")).toContain("國小藝文教學");
    expect(textAliases("國小藝文教學")).not.toContain("國小藝術教學");
  });

  it("treats a Latin spelling as a word of its own (ai in email is not 人工智慧)", () => {
    expect(textAliases("email教學")).toEqual([]);
    expect(textAliases("ai教學")).toContain("人工智慧教學");
    expect(textAliases("生成式ai融入")).toEqual(["生成式人工智慧融入"]);
  });

  it("marks the spellings of a query for highlighting and names long forms for suggestions", () => {
    expect(termSpellings("性平")).toEqual(expect.arrayContaining(["性平", "性別平等"]));
    expect(longFormsOf("環教")).toEqual(["環境教育"]);
    expect(longFormsOf("環境教育")).toEqual([]);
  });
});
