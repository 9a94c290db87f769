import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

export { expect };

/**
 * Watches every page of a browser context for the Content-Security-Policy: what the browser
 * reports breaking it (its console messages and `securitypolicyviolation` events), and HTML
 * documents that arrive without a policy. Returns the problems seen so far.
 */
export async function watchContentSecurityPolicy(context: BrowserContext): Promise<() => string[]> {
  const problems: string[] = [];
  context.on("console", (m) => {
    if (/Content[ -]Security[ -]Policy/i.test(m.text())) problems.push(`${m.page()?.url() ?? ""}: ${m.text()}`);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  context.on("response", async (r) => {
    if (r.request().resourceType() !== "document" || r.status() < 200 || (r.status() >= 300 && r.status() < 400)) return;
    const headers = await r.allHeaders().catch(() => null);
    if (!headers || !/text\/html/i.test(headers["content-type"] ?? "")) return;
    const csp = headers["content-security-policy"] ?? "";
    if (!/script-src 'nonce-[A-Za-z0-9_-]{22}' 'strict-dynamic'/.test(csp)) problems.push(`${r.url()}: HTML without the site's Content-Security-Policy`);
  });
  return () => [...problems];
}

/**
 * Playwright's `test`, whose pages fail the test when the browser reports a Content-Security-
 * Policy violation or an HTML document comes without the policy. Every spec imports this one.
 * A context a test opens itself (browser.newContext) is watched with watchContentSecurityPolicy.
 */
export const test = base.extend({
  context: async ({ context }, use) => {
    const problems = await watchContentSecurityPolicy(context);
    await use(context);
    expect(problems(), "Content-Security-Policy problems").toEqual([]);
  },
});

export const DEMO_PASSWORD = "inservice2026";

/** axe (WCAG 2.1 AA rules) reports no violations on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  // Next streams a page's metadata after its body: wait for the <title> before judging the page.
  await expect(page).toHaveTitle(/\S/);
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
