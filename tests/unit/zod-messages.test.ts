import { z } from "@/lib/zod";

const messageOf = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error("expected a failure");
  return r.error.issues[0].message;
};

describe("the app's zod speaks Chinese", () => {
  it("turns the library's English into plain Chinese", () => {
    // The two messages a tester met: "Too big: expected string to have <=200 characters" and
    // "Invalid input: expected string, received number".
    expect(messageOf(z.string().max(200), "字".repeat(201))).toBe("最多 200 個字，請縮短後再送出。");
    expect(messageOf(z.string(), 42)).toBe("格式不正確，請重新填寫。");
    expect(messageOf(z.object({ a: z.string() }), {})).toBe("此欄位為必填，請填寫。");
    expect(messageOf(z.string().min(1), "")).toBe("此欄位為必填，請填寫。");
    expect(messageOf(z.number().int().max(2147483647), 3000000000)).toBe("不可大於 2,147,483,647。");
    expect(messageOf(z.enum(["A", "B"]), "C")).toBe("請從提供的選項中選擇。");
    expect(messageOf(z.email(), "x")).toBe("電子郵件格式不正確，請重新填寫。");
    expect(messageOf(z.array(z.number()).max(2), [1, 2, 3])).toBe("最多 2 項，請縮短後再送出。");
    expect(messageOf(z.strictObject({}), { x: 1 })).toBe("含有無法辨識的欄位：x。");
  });

  it("keeps the messages a schema writes itself", () => {
    expect(messageOf(z.string().max(3, "名稱太長"), "abcd")).toBe("名稱太長");
  });

  it("never answers in English, whatever the issue", () => {
    const schemas: [z.ZodType, unknown][] = [
      [z.string().regex(/^\d+$/), "x"],
      [z.number().multipleOf(5), 3],
      [z.union([z.string(), z.number()]), true],
      [z.date().min(new Date("2020-01-01")), new Date("1900-01-01")],
      [z.iso.date(), "1900-13-45"],
      [z.url(), "not a url"],
      [z.bigint(), 1],
      [z.literal("x"), "y"],
      [z.tuple([z.string()]), [1, 2]],
    ];
    for (const [schema, input] of schemas) expect(messageOf(schema, input)).not.toMatch(/[A-Za-z]{3,}/);
  });
});
