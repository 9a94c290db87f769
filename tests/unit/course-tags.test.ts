import { canonicalTag, canonicalTags, countsByTag, isTagName, TAG_NAMES, TAG_VOCABULARY, tagKey, tagOrder, unlistedTags } from "@/lib/courses/tags";

describe("專案屬性標籤: one list with aliases", () => {
  test("性平教育 and 性別平等教育 are one tag, stored as 性別平等教育", () => {
    expect(TAG_NAMES).toContain("性別平等教育");
    expect(TAG_NAMES).not.toContain("性平教育");
    for (const alias of ["性平教育", "性平", "兩性平等教育", "性別平等教育"]) expect(canonicalTag(alias)).toBe("性別平等教育");
    expect(canonicalTag("特教")).toBe("特殊教育");
    expect(canonicalTag("本土語文")).toBe("本土語言");
  });

  test("variant spellings resolve: 台/臺, full-width letters, spaces", () => {
    expect(canonicalTag("原住民族教育")).toBe("原住民族教育");
    expect(canonicalTag(" 性平 教育 ")).toBe("性別平等教育");
    expect(canonicalTag("性平教育\u3000")).toBe("性別平等教育");
    expect(tagKey("台灣")).toBe(tagKey("臺灣"));
    expect(tagKey("ＡＩ教育")).toBe("ai教育");
  });

  test("an unknown tag is not on the list", () => {
    expect(canonicalTag("數學教育")).toBeUndefined();
    expect(canonicalTag("")).toBeUndefined();
    expect(canonicalTag("性平教")).toBeUndefined();
    expect(unlistedTags(["環境教育", "數學教育", "性平教育", "數學教育", " "])).toEqual(["數學教育"]);
  });

  test("canonicalTags keeps the order given, once each, and leaves out unknown tags", () => {
    expect(canonicalTags(["性平教育", "環境教育", "性別平等教育", "數學教育", "環教"])).toEqual(["性別平等教育", "環境教育"]);
    expect(canonicalTags([])).toEqual([]);
  });

  test("names are the stored form; aliases are not", () => {
    expect(isTagName("性別平等教育")).toBe(true);
    expect(isTagName("性平教育")).toBe(false);
    expect(isTagName("數學教育")).toBe(false);
  });

  test("the list is consistent: every name and alias means one tag, names are stored spellings", () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const { name, aliases } of TAG_VOCABULARY) {
      expect(name).toBe(name.trim());
      expect(name).not.toMatch(/台|\s/);
      expect(name.length).toBeLessThanOrEqual(20);
      for (const s of [name, ...aliases]) {
        const key = tagKey(s);
        if (seen.has(key) && seen.get(key) !== name) clashes.push(`${s}: ${seen.get(key)} / ${name}`);
        seen.set(key, name);
        expect(canonicalTag(s)).toBe(name);
      }
    }
    expect(clashes).toEqual([]);
    expect(new Set(TAG_NAMES).size).toBe(TAG_NAMES.length);
  });

  test("list order, unlisted tags last", () => {
    expect(tagOrder("性平教育")).toBe(TAG_NAMES.indexOf("性別平等教育"));
    expect(tagOrder("數學教育")).toBe(TAG_NAMES.length);
  });

  test("counts per tag: an alias counts toward its tag, in list order, unlisted tags last", () => {
    expect(
      countsByTag([
        { name: "閱讀教育", count: 5 },
        { name: "數學教育", count: 2 },
        { name: "性平教育", count: 3 },
        { name: "性別平等教育", count: 10 },
        { name: "特殊教育", count: 0 },
      ]),
    ).toEqual([
      { name: "性別平等教育", count: 13 },
      { name: "閱讀教育", count: 5 },
      { name: "特殊教育", count: 0 },
      { name: "數學教育", count: 2 },
    ]);
  });
});
