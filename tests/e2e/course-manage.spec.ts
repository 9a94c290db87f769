import { type Page } from "@playwright/test";
import { expect, expectNoAxeViolations, expectNoSidewaysScroll, signInThroughPage, test } from "./helpers";

// The course's way from a draft to a searchable course page: the organizer (臺北市立示範國民中學)
// creates and submits it, the 北區 區管中心 returns it with a reason, the organizer sees the
// reason, edits and submits again, the region approves, and the course page and search show it.

test.setTimeout(240_000);

const DAY = 86400_000;
/** A calendar date `days` from today in Taipei, as YYYY-MM-DD. */
function taipeiDay(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * DAY).toISOString().slice(0, 10);
}

async function signIn(page: Page, username: string, back: string) {
  await page.context().clearCookies();
  await page.goto(`/login?callbackUrl=${encodeURIComponent(back)}`);
  await signInThroughPage(page, "業務帳號", username);
  await page.waitForURL((u) => u.pathname === back);
}

async function checkPage(page: Page) {
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
}

test("a course goes from draft to search: create, submit, return with a reason, fix, resubmit, approve", async ({ page }, info) => {
  // Each project makes its own course; the words are rare so that search finds exactly it.
  const words = info.project.name === "phone" ? "螢火蟲棲地復育" : "蝴蝶食草園";
  const title = `${words}戶外探究教學研習`;
  const start = taipeiDay(40);

  // ── The organizer opens a new course ──────────────────────────────────────────────────────
  await signIn(page, "organizer", "/manage");
  await expect(page.getByRole("heading", { name: "本單位課程管理" })).toBeVisible();
  await checkPage(page);
  await page.getByRole("link", { name: "新增課程" }).first().click();
  await expect(page.getByRole("heading", { name: "新增課程" })).toBeVisible();

  await page.getByLabel("研習名稱").fill(title);
  await page.getByLabel("課程分類").fill("國小 / 議題 / 環境教育");
  await page.getByRole("checkbox", { name: "環境教育" }).check();
  await page.getByLabel("課程開始日期").fill(start);
  // The end date follows the start date, and the school term is filled in from it.
  await expect(page.getByLabel("課程結束日期")).toHaveValue(start);
  await expect(page.getByLabel("學年度")).not.toHaveValue("");
  // A rule across fields answers next to the field: the end cannot be before the start.
  await page.getByLabel("課程結束日期").fill(taipeiDay(39));
  await page.getByLabel("課程結束日期").blur();
  await expect(page.getByText("課程結束日期不可早於開始日期")).toBeVisible();
  await expect(page.getByLabel("課程結束日期")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("課程結束日期").fill(start);
  await page.getByLabel("課程結束日期").blur();
  await expect(page.getByText("課程結束日期不可早於開始日期")).toHaveCount(0);

  await page.getByLabel("研習時數").fill("3");
  await page.getByLabel("參加對象").fill("全國公私立國民小學教師");
  await page.getByLabel("課程內容").fill("走訪校園生態池與社區綠地，設計戶外探究課程。");
  await page.getByLabel("各班人數").fill("30");
  await expect(page.getByText("30 人", { exact: true })).toBeVisible();
  await page.getByLabel("報名開始時間（日期）").fill(taipeiDay(1));
  await page.getByLabel("報名開始時間（時間，24小時制）").fill("08:00");
  await page.getByLabel("報名截止時間（日期）").fill(taipeiDay(30));
  await page.getByLabel("報名截止時間（時間，24小時制）").fill("24:00");
  await page.getByRole("checkbox", { name: "用餐類別" }).check();
  await checkPage(page);

  await page.getByRole("button", { name: "建立草稿" }).click();
  await page.waitForURL(/\/manage\/courses\/\d+\/edit\?done=created$/, { timeout: 30_000 });
  const code = /\/manage\/courses\/(\d+)\/edit/.exec(page.url())![1];
  await expect(page.getByText("已建立草稿")).toBeVisible();
  await expect(page.getByText("草稿", { exact: true })).toBeVisible();
  // What was saved comes back in the form, the deadline as the portal writes it.
  await expect(page.getByLabel("研習名稱")).toHaveValue(title);
  await expect(page.getByLabel("報名截止時間（時間，24小時制）")).toHaveValue("24:00");
  await checkPage(page);

  await page.getByRole("button", { name: "儲存並送審" }).click();
  await expect(page.getByText("已送審，等待區管中心審核")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("待區管中心審核", { exact: true })).toBeVisible();
  await expect(page.getByLabel("研習名稱")).toHaveCount(0);
  await checkPage(page);

  // ── The 區管中心 returns it with a reason ─────────────────────────────────────────────────
  await signIn(page, "region", "/region");
  await expect(page.getByRole("heading", { name: "課程審核" })).toBeVisible();
  await checkPage(page);
  await page.locator(`a[href="/region/courses/${code}"]`).click();
  await expect(page.getByRole("heading", { name: "審閱課程" })).toBeVisible();
  await expect(page.getByText("用餐類別", { exact: true })).toBeVisible();
  await checkPage(page);
  // The reason is required.
  await page.getByRole("button", { name: "退回修正" }).click();
  await expect(page.getByText("請填寫退回原因")).toBeVisible();
  await expect(page.getByLabel("退回原因")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("退回原因").fill("研習時數與課程內容不符，請改為 6 小時");
  await page.getByRole("button", { name: "退回修正" }).click();
  await page.waitForURL(/\/region\?done=returned/, { timeout: 30_000 });
  await expect(page.getByText(`已退回課程 ${code}`)).toBeVisible();
  await expect(page.locator(`a[href="/region/courses/${code}"]`)).toHaveCount(0);

  // ── The organizer sees the reason, fixes the course and sends it again ─────────────────────
  await signIn(page, "organizer", "/manage");
  await page.getByRole("link", { name: /^退回修正 \d+$/ }).click();
  await expect(page).toHaveURL(/\/manage\?status=RETURNED$/);
  const row = page.locator("tr", { hasText: code });
  await expect(row.getByText("退回原因：研習時數與課程內容不符，請改為 6 小時")).toBeVisible();
  await checkPage(page);
  await row.getByRole("link", { name: `編輯「${title}」` }).click();
  await expect(page.getByTestId("return-reason")).toContainText("研習時數與課程內容不符，請改為 6 小時");
  await page.getByLabel("研習時數").fill("6");
  await checkPage(page);
  await page.getByRole("button", { name: "儲存並送審" }).click();
  await expect(page.getByText("已送審，等待區管中心審核")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("return-reason")).toHaveCount(0);

  // ── The 區管中心 approves ───────────────────────────────────────────────────────────────────
  await signIn(page, "region", "/region");
  await page.getByRole("link", { name: `審閱「${title}」` }).and(page.locator(`[href="/region/courses/${code}"]`)).click();
  await expect(page.getByText("6 小時", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "核准公告" }).click();
  await page.waitForURL(/\/region\?done=approved/, { timeout: 30_000 });
  await expect(page.getByText(`已核准公告課程 ${code}`)).toBeVisible();
  await checkPage(page);

  // ── Public: the course page at once, search within a minute ────────────────────────────────
  await page.context().clearCookies();
  await page.goto(`/courses/${code}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("6 小時", { exact: true })).toBeVisible();
  await checkPage(page);

  const approvedAt = Date.now();
  await expect(async () => {
    await page.goto(`/courses?q=${encodeURIComponent(words)}`);
    await expect(page.locator(`a[href="/courses/${code}"]`).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000, intervals: [1000, 2000, 3000] });
  expect(Date.now() - approvedAt).toBeLessThan(60_000);
  await checkPage(page);
});

test("the organizer's list filters by state in the URL and pages; a published course's edit is on its page at once", async ({ page }, info) => {
  await signIn(page, "organizer", "/manage");
  await page.getByRole("link", { name: /^已公告/ }).click();
  await expect(page).toHaveURL(/\/manage\?status=PUBLISHED$/);
  await expect(page.getByRole("link", { name: /^已公告/ })).toHaveAttribute("aria-current", "page");
  await expect(page.locator("tbody").getByText("待區管中心審核")).toHaveCount(0);
  await checkPage(page);

  // 9000007 (no online registration, published) gets a new venue: the page shows it at once.
  const venue = info.project.name === "phone" ? "臺北市中正區示範路1號 第二會議室" : "臺北市中正區示範路1號 第一會議室";
  await page.goto("/manage/courses/9000007/edit");
  await expect(page.getByText("這門課程已公告：儲存後課程頁面立即更新")).toBeVisible();
  await page.getByRole("textbox", { name: "開課地點", exact: true }).fill(venue);
  await page.getByRole("button", { name: "儲存變更" }).click();
  await expect(page.getByText(/^已儲存。課程頁面已更新/)).toBeVisible({ timeout: 30_000 });
  await page.goto("/courses/9000007");
  await expect(page.getByText(venue)).toBeVisible();

  // Capacity below the approved teachers is refused, with the number, next to the field.
  await page.goto("/manage/courses/9000003/edit");
  await page.getByLabel("各班人數").fill("3");
  await page.getByRole("button", { name: "儲存變更" }).click();
  await expect(page.getByText("已有 5 位教師審核通過，總名額（開班班數 × 各班人數）不可少於 5 人。").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel("各班人數")).toHaveValue("3");
  await expect(page.getByLabel("各班人數")).toHaveAttribute("aria-invalid", "true");
  await checkPage(page);
});

test("people without the role are turned away from every page of it", async ({ page }) => {
  await page.goto("/manage/courses/new");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fmanage%2Fcourses%2Fnew$/);

  await page.goto("/login");
  await signInThroughPage(page, "教師個人帳號", "teacher");
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  for (const path of ["/manage", "/manage/courses/new", "/manage/courses/9000012/edit", "/region", "/region/courses/9000011"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  await checkPage(page);

  await signIn(page, "region", "/region");
  expect((await page.goto("/manage/courses/9000012/edit"))?.status()).toBe(403);
  // The JSON API says the same.
  const api = await page.evaluate(async () => (await fetch("/api/manage/courses")).status);
  expect(api).toBe(403);
});

test("新增課程 by keyboard: the bar stuck to the bottom never hides the control that has focus", async ({ page }) => {
  await signIn(page, "organizer", "/manage/courses/new");
  const bar = page.locator("[data-sticky-actions]");
  await page.getByLabel("研習名稱").focus();
  let checked = 0;
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press("Tab");
    const hidden = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const stuck = document.querySelector("[data-sticky-actions]") as HTMLElement | null;
      if (!el || !stuck || stuck.contains(el) || el === document.body) return null;
      if (getComputedStyle(stuck).position !== "sticky") return null;
      const a = el.getBoundingClientRect();
      const b = stuck.getBoundingClientRect();
      // A control must show whole above the bar; a tall one (a textarea) at least 3 lines of it.
      const visible = Math.min(a.bottom, b.top) - Math.max(a.top, 0);
      return visible >= Math.min(a.height, 72) - 1 ? "" : `${el.tagName} ${el.getAttribute("name") ?? el.id} (${Math.round(visible)} of ${Math.round(a.height)} px visible)`;
    });
    if (hidden === null) {
      if (await bar.evaluate((b) => b.contains(document.activeElement))) break;
      continue;
    }
    expect(hidden, `focused control under the sticky bar after ${i + 1} Tabs`).toBe("");
    checked++;
  }
  // On a phone the bar is sticky and dozens of controls pass above it; on a desktop it is static.
  if (test.info().project.name === "phone") expect(checked).toBeGreaterThan(40);
});
