/**
 * @jest-environment node
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { renderPasswordResetMail } from "@/lib/mail/outbox";
import { isCaughtMailId, listCaughtMail, readCaughtMail, storeCaughtMail } from "@/lib/mail/catcher-store";

test("the 忘記密碼 mail names the account, carries the link and says when it expires (Taipei time)", () => {
  const { subject, text } = renderPasswordResetMail({
    name: "林雅婷",
    username: "teacher",
    link: "https://inservice.example/reset-password?token=abc",
    expiresAt: new Date("2026-03-01T02:30:00Z"),
  });
  expect(subject).toBe("【全國教師在職進修資訊網】重設密碼通知");
  expect(text).toContain("林雅婷 您好");
  expect(text).toContain("（teacher）");
  expect(text).toContain("2026/03/01(日) 10:30 前");
  expect(text).toContain("\nhttps://inservice.example/reset-password?token=abc\n");
  expect(text).toContain("30 分鐘內有效，只能使用一次");
});

describe("the mail catcher's store", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "catcher-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("lists newest first and reads one back", () => {
    const a = storeCaughtMail(dir, { from: "a@x", to: ["t@x"], subject: "first", text: "1", messageId: null }, new Date("2026-01-01T00:00:00Z"));
    const b = storeCaughtMail(dir, { from: "a@x", to: ["t@x"], subject: "second", text: "2", messageId: "<m@x>" }, new Date("2026-01-01T00:00:01Z"));
    expect(listCaughtMail(dir).map((m) => m.subject)).toEqual(["second", "first"]);
    expect(readCaughtMail(dir, a.id)).toMatchObject({ subject: "first", date: "2026-01-01T00:00:00.000Z" });
    expect(readCaughtMail(dir, b.id)?.messageId).toBe("<m@x>");
  });

  test("ignores other files and never reads outside its folder", () => {
    writeFileSync(path.join(dir, "notes.json"), "{}");
    expect(listCaughtMail(dir)).toEqual([]);
    expect(isCaughtMailId("../../etc/passwd")).toBe(false);
    expect(readCaughtMail(dir, "../secret")).toBeNull();
    expect(listCaughtMail(path.join(dir, "missing"))).toEqual([]);
  });
});
