import { type Page } from "@playwright/test";
import { TAG_NAMES } from "../../lib/courses/tags";
import { expect, expectNoAxeViolations, expectNoSidewaysScroll, signInThroughPage, test } from "./helpers";

// 專案屬性標籤 as one managed list: the organizer picks a course's tags from the list (no free
// text, no alias beside its tag), and the advanced search offers each tag once with its count.

const DAY = 86400_000;
/** A calendar date `days` from today in Taipei, as YYYY-MM-DD. */
function taipeiDay(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * DAY).toISOString().slice(0, 10);
}

async function checkPage(page: Page) {
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
}

test("新增課程: the organizer picks 專案屬性標籤 from the list, by keyboard, and the draft keeps them", async ({ page }, info) => {
  test.setTimeout(120_000);
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/manage/courses/new")}`);
  await signInThroughPage(page, "業務帳號", "organizer");
  await page.waitForURL((u) => u.pathname === "/manage/courses/new");

  const tags = page.getByRole("group", { name: "專案屬性標籤", exact: true });
  // Every tag of the list, each once; an alias is not a second tag; nothing to type.
  await expect(tags.getByRole("checkbox")).toHaveCount(TAG_NAMES.length);
  await expect(tags.getByRole("checkbox", { name: "性平教育", exact: true })).toHaveCount(0);
  await expect(tags.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByLabel("其他標籤")).toHaveCount(0);

  // By keyboard: Space ticks the focused tag, Tab goes to the next one.
  const gender = tags.getByRole("checkbox", { name: "性別平等教育", exact: true });
  await gender.focus();
  await page.keyboard.press("Space");
  await expect(gender).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(tags.getByRole("checkbox", { name: TAG_NAMES[1], exact: true })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(tags.getByRole("checkbox", { name: TAG_NAMES[1], exact: true })).toBeChecked();
  await expect(tags).toContainText("已選 2 個");
  await checkPage(page);

  const title = info.project.name === "phone" ? "校園性別平等與環境議題手機版研習" : "校園性別平等與環境議題桌面版研習";
  const start = taipeiDay(45);
  await page.getByLabel("研習名稱").fill(title);
  await page.getByLabel("課程分類").fill("國中 / 議題 / 性別平等教育");
  await page.getByLabel("課程開始日期").fill(start);
  await expect(page.getByLabel("課程結束日期")).toHaveValue(start);
  await page.getByLabel("研習時數").fill("3");
  await page.getByLabel("參加對象").fill("全國公私立國民中學教師");
  await page.getByLabel("課程內容").fill("性別平等教育與環境教育議題融入課程的實例分享。");
  await page.getByLabel("各班人數").fill("30");
  await page.getByLabel("報名開始時間（日期）").fill(taipeiDay(1));
  await page.getByLabel("報名開始時間（時間，24小時制）").fill("08:00");
  await page.getByLabel("報名截止時間（日期）").fill(taipeiDay(30));
  await page.getByLabel("報名截止時間（時間，24小時制）").fill("24:00");
  await page.getByRole("button", { name: "建立草稿" }).click();
  await page.waitForURL(/\/manage\/courses\/\d+\/edit\?done=created$/, { timeout: 30_000 });
  await expect(page.getByText("已建立草稿")).toBeVisible();

  // What was saved comes back ticked, and only that.
  const saved = page.getByRole("group", { name: "專案屬性標籤", exact: true });
  await expect(saved.getByRole("checkbox", { name: "性別平等教育", exact: true })).toBeChecked();
  await expect(saved.getByRole("checkbox", { name: TAG_NAMES[1], exact: true })).toBeChecked();
  await expect(saved.getByRole("checkbox", { checked: true })).toHaveCount(2);
  await checkPage(page);
});

test("研習進階搜尋: each tag once, with its number of courses; a URL with an alias ticks its tag", async ({ page }) => {
  await page.goto(`/courses/advanced?tag=${encodeURIComponent("性平教育")}`);
  const tags = page.getByRole("group", { name: "專案屬性標籤（符合任一個即可）" });
  const gender = tags.getByRole("checkbox", { name: /^性別平等教育 \([\d,]+\)$/ });
  await expect(gender).toBeChecked();
  await expect(tags.getByRole("checkbox", { name: /^性平教育/ })).toHaveCount(0);
  const names = await tags.getByRole("checkbox").evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
  expect(new Set(names).size).toBe(names.length);
  expect(names.every((n) => TAG_NAMES.includes(n))).toBe(true);
  await checkPage(page);
});
