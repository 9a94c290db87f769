import { safeCallbackUrl, signInMessage } from "@/lib/auth/sign-in-messages";
import { changePasswordSchema } from "@/lib/auth/password-schema";

describe("sign-in messages", () => {
  test("one message for unknown accounts and wrong passwords", () => {
    expect(signInMessage("INVALID_CREDENTIALS").message).toContain("帳號或密碼錯誤");
    expect(signInMessage("INVALID_CREDENTIALS").captcha).toBe(false);
    expect(signInMessage("INVALID_CREDENTIALS+CAPTCHA").captcha).toBe(true);
    expect(signInMessage("CAPTCHA_REQUIRED")).toEqual({ message: expect.stringContaining("驗證碼"), captcha: true });
  });

  test("a lock says until when, in Taipei time", () => {
    expect(signInMessage("LOCKED:2026-11-29T10:15:00.000Z").message).toContain("2026/11/29(日) 18:15");
  });

  test("only local paths are returned to", () => {
    expect(safeCallbackUrl("/me/records")).toBe("/me/records");
    expect(safeCallbackUrl("https://evil.example")).toBe("/");
    expect(safeCallbackUrl("//evil.example")).toBe("/");
    expect(safeCallbackUrl("/login?x=1")).toBe("/");
    expect(safeCallbackUrl(undefined)).toBe("/");
  });

  it("refuses callback paths a browser would read as another site, and odd characters", () => {
    // Browsers drop tabs and newlines and read backslashes as slashes: each of these would leave.
    for (const raw of ["/\t/evil.example/", "/\n/evil.example", "/\\evil.example", "/\\/evil.example", "\\\\evil.example", " //evil.example", "/\r\n/evil.example"]) {
      expect(safeCallbackUrl(raw)).toBe("/");
    }
    expect(safeCallbackUrl("/me\r\nSet-Cookie: x=1")).toBe("/");
    expect(safeCallbackUrl("/\u0000")).toBe("/");
    expect(safeCallbackUrl("/" + "a".repeat(3000))).toBe("/");
    expect(safeCallbackUrl("/%09/evil.example")).toBe("/%09/evil.example"); // a path on this site, not a host
    expect(safeCallbackUrl("/courses?q=數學#results")).toBe("/courses?q=%E6%95%B8%E5%AD%B8#results");
    expect(safeCallbackUrl("/login/../me")).toBe("/me");
    expect(safeCallbackUrl("/me/../login")).toBe("/");
  });
});

describe("new password rules", () => {
  const base = { currentPassword: "Old12345" };
  test("length, letters and digits, matching confirmation, different from current", () => {
    expect(changePasswordSchema.safeParse({ ...base, newPassword: "New12345", confirmPassword: "New12345" }).success).toBe(true);
    const issues = (v: object) => changePasswordSchema.safeParse({ ...base, ...v }).error?.issues.map((i) => i.message) ?? [];
    expect(issues({ newPassword: "N1", confirmPassword: "N1" })).toContain("新密碼至少需要 8 個字元");
    expect(issues({ newPassword: "abcdefgh", confirmPassword: "abcdefgh" })).toContain("新密碼需包含數字");
    expect(issues({ newPassword: "New12345", confirmPassword: "New12346" })).toContain("兩次輸入的新密碼不一致");
    expect(issues({ newPassword: "Old12345", confirmPassword: "Old12345" })).toContain("新密碼不可與目前的密碼相同");
  });
});
