/** @jest-environment node */
// 辦理研習單位 suggestions (lib/search/suggest-units.ts) and their door, GET /api/units/suggest,
// on the real PostgreSQL.
import { useTestDatabase } from "../support/database";
import { createCourse, createUnit } from "../support/factories";
import { GET } from "@/app/api/units/suggest/route";
import { suggestUnits } from "@/lib/search/suggest-units";
import { rebuildSearchIndex } from "@/lib/search/sync";

useTestDatabase();

beforeAll(async () => {
  const names = ["臺北市立建國高級中學", "臺北市立大安國民中學", "新北市立臺北國民小學", "國立臺灣師範大學", "ＡＩ教育中心"];
  for (const name of names) await createCourse((await createUnit({ name })).id);
  // A unit whose only course is a draft is not public yet, nor one whose course was withdrawn to draft.
  await createCourse((await createUnit({ name: "臺北市立草稿國民中學" })).id, { status: "DRAFT" });
  await createCourse((await createUnit({ name: "臺北市立送審國民中學" })).id, { status: "SUBMITTED" });
  // A cancelled course stays searchable, so its unit is suggested too.
  await createCourse((await createUnit({ name: "臺北市立取消國民小學" })).id, { status: "CANCELLED" });
  await rebuildSearchIndex();
});

describe("suggestUnits", () => {
  it("finds names starting with the text first, then names containing it, 台 = 臺", async () => {
    expect((await suggestUnits({ q: "台北" })).units).toEqual([
      // Starting with 臺北, then containing it, each group by name.
      ...["臺北市立大安國民中學", "臺北市立取消國民小學", "臺北市立建國高級中學"].sort((a, b) => a.localeCompare(b, "zh-Hant-TW")),
      "新北市立臺北國民小學",
    ]);
  });

  it("matches full-width and half-width letters and ignores case and spaces", async () => {
    expect((await suggestUnits({ q: "ai教育" })).units).toEqual(["ＡＩ教育中心"]);
    expect((await suggestUnits({ q: " 師範 大學 " })).units).toEqual(["國立臺灣師範大學"]);
  });

  it("suggests only units with a public course", async () => {
    const all = (await suggestUnits({ q: "國民", limit: 10 })).units;
    expect(all).not.toContain("臺北市立草稿國民中學");
    expect(all).not.toContain("臺北市立送審國民中學");
    expect(all).toContain("臺北市立取消國民小學");
  });

  it("keeps to the limit, and answers nothing for empty or symbol-only text", async () => {
    expect((await suggestUnits({ q: "臺", limit: 2 })).units).toHaveLength(2);
    expect((await suggestUnits({ q: "" })).units).toEqual([]);
    expect((await suggestUnits({ q: "   " })).units).toEqual([]);
    expect((await suggestUnits({ q: "%%" })).units).toEqual([]);
  });

  it("refuses text over 50 characters and a bad limit in Chinese", async () => {
    await expect(suggestUnits({ q: "字".repeat(51) })).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("50 個字") });
    await expect(suggestUnits({ q: "臺北", limit: 0 })).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("建議筆數") });
    await expect(suggestUnits({ q: "臺北", limit: "many" })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

describe("GET /api/units/suggest", () => {
  const get = async (query: string) => {
    const res = await GET(new Request(`http://localhost/api/units/suggest?${query}`));
    return { status: res.status, headers: res.headers, body: await res.json() };
  };

  it("answers { units } for anyone, cacheable as public data", async () => {
    const { status, headers, body } = await get(`q=${encodeURIComponent("建國")}`);
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("public, max-age=60");
    expect(body).toEqual({ units: ["臺北市立建國高級中學"] });
    expect((await get(`q=${encodeURIComponent("臺")}&limit=3`)).body.units).toHaveLength(3);
    expect((await get("")).body).toEqual({ units: [] });
  });

  it("refuses a long text with 400 and a Chinese message", async () => {
    const { status, body } = await get(`q=${encodeURIComponent("字".repeat(200))}`);
    expect(status).toBe(400);
    expect(body.error.message).toContain("最多 50 個字");
    expect((await get("q=a&limit=1e309")).status).toBe(400);
  });
});
