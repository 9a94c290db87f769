import { attendanceInputSchema, rejectReasonSchema, reviewHref, reviewInputSchema, reviewQueryFrom } from "@/lib/registrations/review-schema";
import { answerColumns, answerText, attendanceText } from "@/lib/registrations/review-format";

describe("the review dashboard's URL state", () => {
  test("reads the filters, falling back to defaults for bad values", () => {
    expect(reviewQueryFrom(new URLSearchParams("status=PENDING&q=%E7%8E%8B&order=desc&page=3&size=20"))).toEqual({ status: "PENDING", q: "王", order: "desc", page: 3, size: 20 });
    expect(reviewQueryFrom({ status: "DELETED", order: "sideways", page: "-1", size: "7", q: ["ＡＢＣ ", "x"] })).toEqual({ status: "ALL", q: "ABC", order: "asc", page: 1, size: 50 });
  });

  test("writes only what differs from the defaults", () => {
    const q = reviewQueryFrom({});
    expect(reviewHref("/manage/courses/9000001/registrations", q)).toBe("/manage/courses/9000001/registrations");
    expect(reviewHref("/x", q, { status: "REJECTED", q: "臺北", page: 2 })).toBe(`/x?status=REJECTED&q=${encodeURIComponent("臺北")}&page=2`);
  });
});

describe("review input", () => {
  test("a rejection needs a reason; other decisions do not", () => {
    const r = reviewInputSchema.safeParse({ code: "9000001", ids: [1], decision: "REJECTED", reason: "  " });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ["reason"], message: expect.stringContaining("請填寫不錄取的原因") });
    expect(reviewInputSchema.parse({ code: "9000001", ids: ["1", 2], decision: "APPROVED" })).toMatchObject({ ids: [1, 2] });
    expect(reviewInputSchema.safeParse({ code: "9000001", ids: [], decision: "APPROVED" }).error?.issues[0].message).toBe("請先勾選要審核的報名。");
    expect(reviewInputSchema.safeParse({ code: "9000001", ids: [1], decision: "CANCELLED" }).error?.issues[0].message).toBe("請選擇審核結果。");
    expect(rejectReasonSchema.safeParse("x".repeat(201)).success).toBe(false);
    expect(rejectReasonSchema.parse("  名額有限 ")).toBe("名額有限");
    // Chinese punctuation stays as the organizer typed it (NFKC turned it into ASCII ,()).
    expect(rejectReasonSchema.parse("非本校教師，請洽（教務處）")).toBe("非本校教師，請洽（教務處）");
    expect(reviewInputSchema.parse({ code: "9000001", ids: [1], decision: "REJECTED", reason: "名額已滿，（下次請早）" }).reason).toBe("名額已滿，（下次請早）");
  });

  test("attendance marks are booleans per registration", () => {
    expect(attendanceInputSchema.safeParse({ code: "1", marks: [{ id: 1, attended: "yes" }] }).error?.issues[0].message).toBe("請為每位教師選擇出席或缺席。");
    expect(attendanceInputSchema.safeParse({ code: "1", marks: [] }).error?.issues[0].message).toBe("沒有要儲存的出席資料。");
  });
});

describe("answers as columns", () => {
  test("labels from the form schema, the national ID left out, the emergency contact in one cell", () => {
    const cols = answerColumns(["nationalId", "meal", "emergencyContact", "unknownField"]);
    expect(cols.map((c) => c.label)).toEqual(["用餐類別", "緊急聯絡人"]);
    expect(answerText({ meal: "素食", emergencyContact: { name: "王大明", phone: "0912345678" } }, "emergencyContact")).toBe("王大明 0912345678");
    expect(answerText({}, "meal")).toBe("");
    expect([null, true, false].map((v) => attendanceText(v))).toEqual(["未登錄", "出席", "缺席"]);
  });
});
