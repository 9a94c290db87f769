import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "inservice2026";

/** axe (WCAG 2.1 AA rules) reports no violations on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}

/** Nothing makes the page scroll sideways (the 360 px rule). */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

export async function signInThroughPage(page: Page, kind: "教師個人帳號" | "業務帳號", username: string, password = DEMO_PASSWORD) {
  await page.getByLabel(kind).check();
  await page.getByLabel("帳號", { exact: true }).fill(username);
  await page.getByLabel("密碼", { exact: true }).fill(password);
  // After failed sign-ins (from this address or for this username) the 驗證碼 is shown: the
  // browser solves it by itself; wait until it says 已驗證.
  if (await page.getByRole("checkbox", { name: /我不是機器人|驗證中|已驗證/ }).count()) {
    await expect(page.getByRole("checkbox", { name: "已驗證" })).toBeChecked({ timeout: 20_000 });
  }
  await page.getByRole("button", { name: "登入" }).click();
}
