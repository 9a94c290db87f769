import { compileQuery } from "@/lib/search/compile";
import { parseSearchQuery } from "@/lib/search/query";

const CONTEXT = { now: new Date("2026-11-30T02:00:37.123Z"), today: "2026-11-30" };
function compile(params: string) {
  const parsed = parseSearchQuery(new URLSearchParams(params));
  if (!parsed.ok) throw new Error(parsed.message);
  return compileQuery(parsed.query, CONTEXT);
}

describe("compileQuery: words of the keyword", () => {
  it("cuts a keyword typed without spaces into words, each required, and keeps it as typed for ranking", () => {
    const q = compile("q=性平研習");
    expect(q.terms.map((t) => t.text)).toEqual(["性平", "研習"]);
    expect(q.terms.every((t) => t.keyword && t.fields.join() === "title,organizer,tags")).toBe(true);
    expect(q.phrases.map((p) => p.text)).toEqual(["性平研習"]);
  });

  it("gives the same words with or without spaces, and no phrase for a one-word term", () => {
    expect(compile("q=國小 數學 工作坊").terms.map((t) => t.text)).toEqual(compile("q=國小數學工作坊").terms.map((t) => t.text));
    expect(compile("q=國小 數學 工作坊").phrases).toEqual([]);
  });

  it("keeps the organizer keyword's words out of relevance", () => {
    const q = compile("q=數學&org=中山大學");
    expect(q.terms.filter((t) => !t.keyword).map((t) => [t.text, t.fields])).toEqual([["中山大學", ["organizer"]]]);
    expect(q.phrases).toEqual([]);
  });

  it("asks for the same word once, and a number may be a course code", () => {
    expect(compile("q=數學 數學").terms.map((t) => t.text)).toEqual(["數學"]);
    expect(compile("q=2072423").terms[0]).toMatchObject({ text: "2072423", matchesCode: true });
  });

  it("leaves out a keyword of only symbols", () => {
    const q = compile("q=%25 【 😀");
    expect(q.terms).toEqual([]);
    expect(q.sort).toBe("start");
  });

  it("reads a tag's alias as its tag (性平教育 is 性別平等教育), once", () => {
    expect(compile("tag=性平教育&tag=性別平等教育&tag=閱讀教育").tags).toEqual(["性別平等教育", "閱讀教育"]);
  });

  it("ranks by the minute and the day in Taipei (cacheable for a minute)", () => {
    expect(compile("q=數學").rankAt).toEqual({ now: "2026-11-30T02:00:00.000Z", today: "2026-11-30" });
  });
});
