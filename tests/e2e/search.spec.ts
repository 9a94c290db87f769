import { expect as baseExpect, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoSidewaysScroll, test } from "./helpers";

// The four ways into course search, each walked to a course page, on desktop and phone.
// Generous waits: a busy CI machine can take seconds to render a search.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

const isPhone = (page: Page) => (page.viewportSize()?.width ?? 1280) < 768;

async function expectGoodPage(page: Page) {
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
}

async function expectResults(page: Page) {
  const results = page.getByRole("region", { name: /搜尋結果/ });
  await expect(results.getByRole("heading", { name: /搜尋結果/ })).toBeVisible();
  await expect(results.getByText(/資料更新時間：\d{4}\/\d{2}\/\d{2}/)).toBeVisible();
  const rows = results.getByRole("row").filter({ has: page.getByRole("cell") });
  await expect(rows.first()).toBeVisible();
  return rows;
}

/** Opens the first result and checks that its course page is the one listed. */
async function openFirstResult(page: Page) {
  const rows = await expectResults(page);
  const link = rows.first().getByRole("link").first();
  const title = (await link.innerText()).trim();
  await link.click();
  await expect(page).toHaveURL(/\/courses\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
}

test("依研習地點搜尋: a county on the map (or in the list), then a school stage, then a course", async ({ page }) => {
  await page.goto("/courses/map");
  await expect(page.getByRole("heading", { level: 1, name: "依研習地點搜尋" })).toBeVisible();
  await expect(page.getByText("請先選擇縣市")).toBeVisible();
  await expectGoodPage(page);

  const counties = page.getByRole("navigation", { name: "縣市" });
  await expect(counties.getByRole("link")).toHaveCount(22);
  if (isPhone(page)) {
    // Keyboard: the county list is the way in for keyboards and screen readers.
    await counties.getByRole("link", { name: "臺北市" }).focus();
    await page.keyboard.press("Enter");
  } else {
    await page.locator(`svg a[href*="${encodeURIComponent("臺北市")}"]`).click();
  }
  await expect(page).toHaveURL(new RegExp(`county=${encodeURIComponent("臺北市")}`));
  await expect(counties.getByRole("link", { name: "臺北市" })).toHaveAttribute("aria-current", "true");
  await expectResults(page);

  await page.getByRole("navigation", { name: "學校階段" }).getByRole("link", { name: "國中", exact: true }).click();
  await expect(page).toHaveURL(/stage=JUNIOR_HIGH/);
  const rows = await expectResults(page);
  await expect(rows.first()).toContainText("臺北市");
  await expectGoodPage(page);
  await openFirstResult(page);
});

test("全部研習列表: a keyword, matched words marked, sorted by date, back to the results", async ({ page }) => {
  await page.goto("/courses");
  await expect(page.getByRole("heading", { level: 1, name: "全部研習列表" })).toBeVisible();
  await page.getByLabel("關鍵字").fill("性平");
  await page.getByRole("button", { name: "搜尋" }).click();
  await expect(page).toHaveURL(/\/courses\?q=%E6%80%A7%E5%B9%B3/);
  const rows = await expectResults(page);
  // 性平 also finds 性別平等, and the matched words are marked.
  await expect(rows.first().locator("mark").first()).toBeVisible();
  await expectGoodPage(page);

  const sortByStart = isPhone(page)
    ? page.getByRole("navigation", { name: "排序方式" }).getByRole("link", { name: /開始日期/ })
    : page.getByRole("columnheader", { name: /研習日期/ }).getByRole("link");
  await sortByStart.click();
  await expect(page).toHaveURL(/sort=start/);
  await expectResults(page);

  await openFirstResult(page);
  await page.goBack();
  await expect(page).toHaveURL(/q=%E6%80%A7%E5%B9%B3.*sort=start/);
  await expect(page.getByLabel("關鍵字")).toHaveValue("性平");
});

test("研習進階搜尋: 顯示更多方式, county and 報名中, then a course", async ({ page }) => {
  await page.goto("/courses/advanced");
  await expect(page.getByRole("heading", { level: 1, name: "研習進階搜尋" })).toBeVisible();
  await expect(page.getByLabel("地區（研習地點）")).toBeHidden();
  await expectGoodPage(page);

  await page.getByLabel("關鍵字").fill("示範");
  await page.getByText("顯示更多方式", { exact: true }).click();
  await page.getByLabel("地區（研習地點）").selectOption("臺北市");
  await page.getByLabel("報名中").check();
  await page.getByRole("button", { name: "搜尋" }).click();
  await expect(page).toHaveURL(/open=1/);
  await expect(page).toHaveURL(new RegExp(`county=${encodeURIComponent("臺北市")}`));
  const rows = await expectResults(page);
  await expect(rows.first()).toContainText("報名中");
  // The fields behind 顯示更多方式 stay open and filled in after the search.
  await expect(page.getByLabel("報名中")).toBeChecked();
  await expectGoodPage(page);
  await openFirstResult(page);
});

test("依開課單位搜尋: one of the eleven stages, then a county, then a course", async ({ page }) => {
  await page.goto("/courses/organizers");
  await expect(page.getByRole("heading", { level: 1, name: "依開課單位搜尋" })).toBeVisible();
  // The manual's two menus: 依學校階段 (7) and 社教單位 (4), the eleven stages.
  const schools = page.getByRole("navigation", { name: "依學校階段" });
  await expect(schools.getByRole("link")).toHaveCount(7);
  await expect(page.getByRole("navigation", { name: "社教單位" }).getByRole("link")).toHaveCount(4);
  await expectGoodPage(page);

  await schools.getByRole("link", { name: "國中", exact: true }).click();
  await expect(page).toHaveURL(/stage=JUNIOR_HIGH/);
  await expectResults(page);
  await page.getByLabel("地區（研習地點）").selectOption("臺北市");
  await page.getByRole("button", { name: "搜尋" }).click();
  await expect(page).toHaveURL(new RegExp(`county=${encodeURIComponent("臺北市")}`));
  await expectResults(page);
  await expectGoodPage(page);
  await openFirstResult(page);
});

test("a bad search parameter gets a Chinese explanation, never an error page", async ({ page, request }) => {
  const res = await page.goto("/courses?page=abc&size=7");
  expect(res?.status()).toBe(200);
  const alert = page.getByRole("alert").filter({ hasText: "搜尋條件有誤" });
  await expect(alert).toContainText("頁碼必須是 1 到 1000 的整數");
  await expect(alert).toContainText("每頁筆數只能是 10、30、50 或 100");
  await expect(alert.getByRole("link", { name: "清除條件重新搜尋" })).toHaveAttribute("href", "/courses");
  const api = await request.get("/api/courses?size=7");
  expect(api.status()).toBe(400);
  expect((await api.json()).error.message).toContain("每頁筆數");
});
