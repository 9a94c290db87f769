import { normaliseText, normaliseWithMap, splitTerms, tokenise } from "@/lib/search/normalise";
import { textAliases, termSpellings } from "@/lib/search/synonyms";
import { highlightRanges, splitByRanges } from "@/lib/search/highlight";

describe("normaliseText", () => {
  it("writes 台 as 臺 and folds other variant characters", () => {
    expect(normaliseText("台北市台中市")).toBe("臺北市臺中市");
    expect(normaliseText("敎育")).toBe("教育");
    expect(normaliseText("户外教育")).toBe("戶外教育");
  });

  it("makes full-width letters and digits half-width and lower case, and drops accents", () => {
    expect(normaliseText("ＳＴＥＡＭ　教學１２３")).toBe("steam 教學123");
    expect(normaliseText("AI融入")).toBe("ai融入");
    expect(normaliseText("Café")).toBe("cafe");
  });

  it("maps every normalised character back to the original text", () => {
    const m = normaliseWithMap("Ａ台b");
    expect(m.text).toBe("a臺b");
    expect(m.start).toEqual([0, 1, 2]);
    expect(m.end).toEqual([1, 2, 3]);
  });
});

describe("tokenise", () => {
  it("cuts CJK runs into overlapping bigrams at consecutive positions", () => {
    const { tokens, length } = tokenise("性平教育", "query");
    expect(tokens).toEqual([
      { lexeme: "性平", pos: 0, kind: "bigram" },
      { lexeme: "平教", pos: 1, kind: "bigram" },
      { lexeme: "教育", pos: 2, kind: "bigram" },
    ]);
    expect(length).toBe(4);
  });

  it("adds each run's last character for documents (every character starts a word), and keeps a lone character in queries", () => {
    const doc = tokenise("美感教育", "document").tokens.map((t) => `${t.lexeme}@${t.pos}`);
    expect(doc).toEqual(["美感@0", "感教@1", "教育@2", "育@3"]);
    expect(tokenise("美", "document").tokens.map((t) => `${t.lexeme}@${t.pos}`)).toEqual(["美@0"]);
    expect(tokenise("美", "query").tokens).toEqual([{ lexeme: "美", pos: 0, kind: "char" }]);
  });

  it("keeps letters and digits as words, and punctuation takes no position", () => {
    const { tokens } = tokenise("生成式ai融入(iep)2.0", "query");
    expect(tokens.map((t) => `${t.lexeme}@${t.pos}`)).toEqual(["生成@0", "成式@1", "ai@3", "融入@4", "iep@6", "2@7", "0@8"]);
  });

  it("splits what people type into terms on spaces and list punctuation", () => {
    expect(splitTerms("國中  數學、性平,閱讀")).toEqual(["國中", "數學", "性平", "閱讀"]);
  });
});

describe("synonyms", () => {
  it("gives the long form of an abbreviation and the abbreviation of a long form", () => {
    expect(textAliases("性平教育")).toEqual(["性別平等教育"]);
    expect(textAliases("臺北市立示範國民中學")).toEqual(["臺北市立示範國中"]);
    expect(textAliases("國小數學")).toEqual(["國民小學數學"]);
    expect(textAliases("高中數學")).toEqual(["高級中學數學"]);
    expect(textAliases("特教知能")).toEqual(["特殊教育知能"]);
    expect(textAliases("幼教研習")).toEqual(["幼兒教育研習"]);
  });

  it("combines several synonyms in one text", () => {
    expect(textAliases("國中性平")).toEqual(expect.arrayContaining(["國民中學性平", "國中性別平等", "國民中學性別平等"]));
  });

  it("does not read 全國中小學 as 國中", () => {
    expect(textAliases("全國中小學科展")).toEqual([]);
  });

  it("treats 國中小 as one word", () => {
    expect(textAliases("國中小教師")).toEqual(["國民中小學教師"]);
  });

  it("lists the spellings of a query term for highlighting", () => {
    expect(termSpellings("性平")).toEqual(["性平", "性別平等"]);
  });
});

describe("highlightRanges", () => {
  it("marks matches in the original text, whatever the spelling typed", () => {
    const text = "臺北市ＡＩ融入教學";
    expect(highlightRanges(text, ["台北"])).toEqual([[0, 2]]);
    expect(highlightRanges(text, ["ai"])).toEqual([[3, 5]]);
  });

  it("marks the long form when the short form was searched, and merges overlaps", () => {
    const text = "校園性別平等教育研習";
    expect(highlightRanges(text, ["性平"])).toEqual([[2, 6]]);
    expect(highlightRanges(text, ["性別", "別平等"])).toEqual([[2, 6]]);
  });

  it("ignores punctuation inside a match", () => {
    expect(highlightRanges("特殊教育學生(IEP)撰寫", ["iep撰寫"])).toEqual([[7, 13]]);
  });

  it("splits text into plain and marked parts", () => {
    expect(splitByRanges("國中數學研習", [[2, 4]])).toEqual([
      { text: "國中", marked: false },
      { text: "數學", marked: true },
      { text: "研習", marked: false },
    ]);
  });
});
