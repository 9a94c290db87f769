import { expect as baseExpect, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoSidewaysScroll, test } from "./helpers";

// The manual's search fields on each of the four ways in (圖3–圖6), the 辦理研習單位 suggestions
// used by keyboard, and focus landing on the results heading after a choice or a search; on
// desktop and phone (360 px).
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

const UNIT = "臺北市立示範國民中學";

async function expectGoodPage(page: Page) {
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
}

/** The results heading has focus and is on screen: the next Tab goes into the results. */
async function expectFocusOnResults(page: Page) {
  const heading = page.getByRole("heading", { level: 2, name: /搜尋結果/ });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  return heading;
}

/** Types part of a unit name (台 for 臺) and takes the suggestion with the keyboard. */
async function chooseUnitByKeyboard(page: Page, label: string) {
  const box = page.getByRole("combobox", { name: label });
  await box.click();
  await box.pressSequentially("台北市立示範", { delay: 30 });
  await expect(box).toHaveAttribute("aria-expanded", "true");
  const listbox = page.getByRole("listbox", { name: `${label}建議` });
  await expect(listbox.getByRole("option", { name: UNIT })).toBeVisible();
  await expectNoAxeViolations(page);
  await box.press("ArrowDown");
  const active = await box.getAttribute("aria-activedescendant");
  expect(active).toBeTruthy();
  await expect(page.locator(`[id="${active}"]`)).toHaveAttribute("aria-selected", "true");
  await expect(page.locator(`[id="${active}"]`)).toHaveText(UNIT);
  await box.press("Enter");
  await expect(box).toHaveValue(UNIT);
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(box).toBeFocused();
  return box;
}

test("依研習地點搜尋 (圖3): county, stage, then 研習資訊分類索引 with a unit chosen by keyboard", async ({ page }) => {
  await page.goto("/courses/map");
  const counties = page.getByRole("navigation", { name: "縣市" });
  await counties.getByRole("link", { name: "臺北市" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`county=${encodeURIComponent("臺北市")}.*#results-heading$`));
  await expectFocusOnResults(page);
  // From there the first course is a few Tabs away (past the sort and page-size links), not 61.
  let tabs = 0;
  while (tabs < 20 && !(await page.evaluate(() => /^\/courses\/\d+$/.test(document.activeElement?.getAttribute("href") ?? "")))) {
    await page.keyboard.press("Tab");
    tabs++;
  }
  expect(tabs).toBeLessThanOrEqual(15);

  await page.getByRole("navigation", { name: "學校階段" }).getByRole("link", { name: "國中", exact: true }).click();
  await expect(page).toHaveURL(/stage=JUNIOR_HIGH/);
  await expectFocusOnResults(page);

  const form = page.getByRole("search", { name: "研習資訊分類索引" });
  for (const label of ["研習名稱/代碼", "課程開始日期（起）", "課程開始日期（迄）", "班別性質"]) await expect(form.getByLabel(label)).toBeVisible();
  await expect(form.getByRole("group", { name: /專案屬性標籤/ })).toBeVisible();
  await expectGoodPage(page);

  await form.getByLabel("班別性質").selectOption("NON_CREDIT");
  const box = await chooseUnitByKeyboard(page, "辦理研習單位");
  // Enter with the list closed submits the search.
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`org=${encodeURIComponent(UNIT)}`));
  await expect(page).toHaveURL(/county=.*stage=JUNIOR_HIGH.*type=NON_CREDIT/);
  await expectFocusOnResults(page);
  const rows = page.getByRole("region", { name: /搜尋結果/ }).getByRole("row").filter({ has: page.getByRole("cell") });
  await expect(rows.first()).toContainText(UNIT);
  await expectGoodPage(page);
});

test("全部研習列表 (圖4): courses not started by default, 依開課學校、單位, 班別性質, 研習日期 and 報名期限", async ({ page }) => {
  await page.goto("/courses");
  const form = page.getByRole("search", { name: "全部研習列表搜尋" });
  await expect(form.getByRole("radio", { name: "依開課縣市" })).toBeChecked();
  await expect(form.getByLabel("開課縣市", { exact: true })).toBeVisible();
  await expect(form.getByRole("combobox", { name: "開課學校、單位" })).toBeHidden();
  for (const name of ["不限", "非學分班", "學分班", "學位班", "顯示30天內", "全部"]) await expect(form.getByRole("radio", { name, exact: true })).toBeVisible();
  await expect(form.getByLabel("搜尋範圍")).toBeVisible();
  await expect(page.getByText("目前只列出尚未開始（今天或以後開始）的研習。")).toBeVisible();
  for (const name of ["研習日期", "報名期限"]) await expect(page.getByRole("columnheader", { name: new RegExp(name) })).toHaveCount(1);
  await expectGoodPage(page);

  // A course that ended 20 days ago is not listed unless past ones are included.
  await form.getByLabel("關鍵字").fill("9000009");
  await form.getByRole("button", { name: "搜尋" }).click();
  await expectFocusOnResults(page);
  await expect(page.getByRole("heading", { name: /搜尋結果/ })).toContainText("共 0 筆");
  await page.getByRole("search", { name: "全部研習列表搜尋" }).getByLabel("包含已開始、已結束的研習").check();
  await page.getByRole("search", { name: "全部研習列表搜尋" }).getByRole("button", { name: "搜尋" }).click();
  await expect(page).toHaveURL(/past=1/);
  await expectFocusOnResults(page);
  await expect(page.getByRole("region", { name: /搜尋結果/ }).getByRole("cell").filter({ hasText: /^9000009$/ })).toBeVisible();

  // By school or unit: the county field gives way to the unit field, the choice stays out of the URL.
  await page.goto("/courses");
  const list = page.getByRole("search", { name: "全部研習列表搜尋" });
  await list.getByRole("radio", { name: "依開課學校、單位" }).check();
  await expect(list.getByLabel("開課縣市", { exact: true })).toBeHidden();
  await chooseUnitByKeyboard(page, "開課學校、單位");
  await list.getByRole("radio", { name: "非學分班", exact: true }).check();
  await list.getByRole("button", { name: "搜尋" }).click();
  await expect(page).toHaveURL(new RegExp(`org=${encodeURIComponent(UNIT)}`));
  await expect(page).not.toHaveURL(/by=/);
  await expect(page).toHaveURL(/type=NON_CREDIT/);
  await expectFocusOnResults(page);
  const rows = page.getByRole("region", { name: /搜尋結果/ }).getByRole("row").filter({ has: page.getByRole("cell") });
  await expect(rows.first()).toContainText(UNIT);
  await expect(rows.first()).toContainText(/\d{4}\/\d{2}\/\d{2}/);
  // After the search the unit side stays chosen, filled in.
  await expect(page.getByRole("radio", { name: "依開課學校、單位" })).toBeChecked();
  await expect(page.getByRole("combobox", { name: "開課學校、單位" })).toHaveValue(UNIT);
  await expectGoodPage(page);
});

test("研習進階搜尋 (圖5): 辦理研習單位 suggests names too, and Esc closes the list", async ({ page }) => {
  await page.goto("/courses/advanced");
  const box = page.getByRole("combobox", { name: "辦理研習單位" });
  await box.click();
  await box.pressSequentially("示範國", { delay: 30 });
  await expect(page.getByRole("option", { name: UNIT })).toBeVisible();
  await box.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(box).toHaveValue("示範國");
  await box.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await box.press("Enter");
  await expect(box).toHaveValue(UNIT);
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`org=${encodeURIComponent(UNIT)}`));
  await expectFocusOnResults(page);
  await expectGoodPage(page);
});

test("依開課單位搜尋 (圖6): a stage, then 研習名稱/代碼, 辦理研習單位, dates, 地區, 性質 and tags; 開課地點 shown", async ({ page }) => {
  await page.goto("/courses/organizers");
  await page.getByRole("navigation", { name: "依學校階段" }).getByRole("link", { name: "國中", exact: true }).click();
  await expectFocusOnResults(page);
  const form = page.getByRole("search", { name: "研習資訊分類索引" });
  for (const label of ["研習名稱/代碼", "課程開始日期（起）", "課程開始日期（迄）", "地區（研習地點）", "性質"]) await expect(form.getByLabel(label, { exact: true })).toBeVisible();
  await expect(form.getByRole("group", { name: /專案屬性標籤/ })).toBeVisible();
  await expectGoodPage(page);

  await chooseUnitByKeyboard(page, "辦理研習單位");
  await form.getByLabel("地區（研習地點）").selectOption("臺北市");
  await form.getByLabel("課程開始日期（起）").fill("2020-01-01");
  await form.getByRole("button", { name: "搜尋" }).click();
  await expect(page).toHaveURL(/stage=JUNIOR_HIGH/);
  await expect(page).toHaveURL(/from=2020-01-01/);
  await expectFocusOnResults(page);
  const results = page.getByRole("region", { name: /搜尋結果/ });
  await expect(results.getByRole("columnheader", { name: "開課地點" })).toHaveCount(1);
  const rows = results.getByRole("row").filter({ has: page.getByRole("cell") });
  await expect(rows.first()).toContainText(UNIT);
  await expect(rows.first()).toContainText("臺北市");
  await expectGoodPage(page);
});

test("a keyword of only symbols is not searched: the page says so instead of answering with every course", async ({ page }) => {
  await page.goto(`/courses?q=${encodeURIComponent("%%")}`);
  const alert = page.getByRole("alert").filter({ hasText: "關鍵字" });
  await expect(alert).toContainText("關鍵字「%%」沒有可搜尋的文字，請輸入關鍵字。");
  // Either the other conditions' list, marked as such, or no list at all.
  await expect(page.getByRole("heading", { name: /搜尋結果/ })).toContainText(/未套用關鍵字|未搜尋/);
  await expectGoodPage(page);

  await page.goto(`/courses/advanced?q=${encodeURIComponent("😀")}`);
  await expect(page.getByRole("alert").filter({ hasText: "關鍵字" })).toContainText("關鍵字「😀」沒有可搜尋的文字");
  await expect(page.getByRole("table")).toHaveCount(0);
});
