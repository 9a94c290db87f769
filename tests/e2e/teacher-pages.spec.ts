import { type Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectNoAxeViolations, expectNoSidewaysScroll, signInThroughPage, test } from "./helpers";

// Generated teachers of the deterministic seed, one per viewport so the projects never share one.
const account = (project: string, desktop: string, phone: string) => (project === "phone" ? phone : desktop);

async function signIn(page: Page, username: string, password = DEMO_PASSWORD, back?: string) {
  await page.goto(`/login${back ? `?callbackUrl=${encodeURIComponent(back)}` : ""}`);
  await signInThroughPage(page, "教師個人帳號", username, password);
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

/** axe and the 360 px rule; with SHOTS=1 also a full-page screenshot in test-results/screenshots. */
async function checkPage(page: Page, name?: string) {
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  if (process.env.SHOTS && name) {
    await page.screenshot({ path: `test-results/screenshots/teacher-${test.info().project.name}-${name}.png`, fullPage: true });
  }
}

test("忘記密碼: request a link, read it on /dev/mail, set a new password, sign in with it; the link works once", async ({ page }, info) => {
  test.slow(); // eight pages, each checked by axe, and a mail round trip
  const username = account(info.project.name, "t004731", "t004732");
  const newPassword = `NewPass${info.project.name === "phone" ? 2 : 1}x9`;

  await page.goto("/login");
  await page.getByRole("link", { name: "忘記密碼？" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole("heading", { name: "忘記密碼" })).toBeVisible();
  await checkPage(page, "forgot");
  // The form says what is missing, next to the field.
  await page.getByRole("button", { name: "寄送重設密碼連結" }).click();
  await expect(page.getByText("請輸入帳號或電子郵件")).toBeVisible();
  await expect(page.getByLabel("帳號或電子郵件")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("帳號或電子郵件").fill(username);
  await page.getByRole("button", { name: "寄送重設密碼連結" }).click();
  await expect(page.getByText("已收到您的申請。")).toBeVisible();
  await checkPage(page, "forgot-sent");

  // The mail arrives at the development SMTP server within seconds (outbox → pg-boss job → SMTP).
  // The newest reset mail must be this account's (the other viewport's may be there too).
  await expect(async () => {
    await page.goto("/dev/mail");
    const href = await page.getByRole("link", { name: "【全國教師在職進修資訊網】重設密碼通知" }).first().getAttribute("href", { timeout: 5000 });
    await page.goto(href!);
    await expect(page.getByText(`（${username}）`)).toBeVisible({ timeout: 5000 });
  }).toPass({ timeout: 60_000 });
  await checkPage(page, "mail-message");
  await page.goto("/dev/mail");
  await checkPage(page, "mail-list");
  await page.goBack();
  const resetLink = page.getByRole("link", { name: /\/reset-password\?token=/ });
  const resetUrl = new URL((await resetLink.getAttribute("href"))!);
  await resetLink.click();

  await expect(page.getByRole("heading", { name: "設定新密碼" })).toBeVisible();
  await checkPage(page, "reset");
  await page.getByLabel("新密碼", { exact: true }).fill(newPassword);
  await page.getByLabel("再輸入一次新密碼").fill("SomethingElse1");
  await page.getByRole("button", { name: "設定新密碼" }).click();
  await expect(page.getByText("兩次輸入的新密碼不一致")).toBeVisible();
  await page.getByLabel("再輸入一次新密碼").fill(newPassword);
  await page.getByRole("button", { name: "設定新密碼" }).click();
  await expect(page.getByText("新密碼已設定。請以新密碼登入。")).toBeVisible();
  await checkPage(page, "reset-done");

  // The old password no longer works; the new one does.
  await page.getByRole("link", { name: "前往登入" }).click();
  await signInThroughPage(page, "教師個人帳號", username, DEMO_PASSWORD);
  await expect(page.getByText(/帳號或密碼錯誤|帳號或密碼不正確/)).toBeVisible();
  await page.getByLabel("密碼", { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: "登入" }).click();
  await page.waitForURL((u) => u.pathname === "/me");

  // Single use.
  await page.goto(resetUrl.pathname + resetUrl.search);
  await expect(page.getByText(/這個重設密碼連結已失效/)).toBeVisible();
  await expect(page.getByRole("link", { name: "重新申請忘記密碼" })).toBeVisible();
  await checkPage(page, "reset-used");
});

test("修改個人基本資料: a wrong value is explained next to its field and nothing typed is lost; a good one is saved", async ({ page }, info) => {
  const username = account(info.project.name, "t004733", "t004734");
  await signIn(page, username, DEMO_PASSWORD, "/me/profile");
  await expect(page.getByRole("heading", { name: "修改個人基本資料" })).toBeVisible();
  await expect(page.getByText(/^[A-Z]\*{8}[0-9]$/).or(page.getByText("未填寫"))).toBeVisible();
  await checkPage(page, "profile");

  const email = page.getByLabel(/^電子郵件/);
  const mobile = page.getByLabel("手機號碼");
  await email.fill("not-an-address");
  await mobile.fill("0912-345-678");
  await page.getByLabel("職稱").fill("教師兼導師");
  await page.getByLabel("任教科目").fill("自然科學");
  await page.getByLabel("女").check();
  await page.getByLabel("職位類別").selectOption({ label: "代理代課教師" });
  await page.getByRole("button", { name: "儲存" }).click();
  await expect(page.getByText(/電子郵件格式不正確/)).toBeVisible();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAttribute("aria-describedby", /email-error/);
  await expect(email).toHaveValue("not-an-address");
  await expect(mobile).toHaveValue("0912-345-678");
  await expect(page.getByLabel("任教科目")).toHaveValue("自然科學");
  await checkPage(page, "profile-error");

  const address = `${username}.new@school.edu.tw`;
  await email.fill(address);
  await expect(page.getByText(/電子郵件格式不正確/)).toHaveCount(0);
  await page.getByRole("button", { name: "儲存" }).click();
  await expect(page.getByText("個人基本資料已儲存。")).toBeVisible();
  await expect(mobile).toHaveValue("0912345678");
  await page.reload();
  await expect(email).toHaveValue(address);
  await expect(page.getByLabel("任教科目")).toHaveValue("自然科學");
  await expect(page.getByLabel("女")).toBeChecked();
  await expect(page.getByLabel("職位類別")).toHaveValue("SUBSTITUTE");
});

test("個人報名記錄: the portal's columns, filters in the URL, each row links to its course", async ({ page }) => {
  test.slow(); // four pages, each checked by axe
  await signIn(page, "teacher", DEMO_PASSWORD, "/me/registrations");
  await expect(page.getByRole("heading", { name: "個人報名記錄", level: 1 })).toBeVisible();
  const table = page.getByRole("table");
  for (const column of ["課程代碼", "研習名稱", "辦理研習單位", "研習日期", "聯絡信箱", "線上報名結果", "課程狀態"]) {
    await expect(table.getByRole("columnheader", { name: column })).toBeAttached();
  }
  await expect(table.getByRole("row").filter({ hasText: "9000001" })).toContainText("待審核");
  await checkPage(page, "registrations");

  await page.getByLabel("線上報名結果").selectOption({ label: "審核不通過" });
  await page.getByRole("button", { name: "查詢" }).click();
  await expect(page).toHaveURL(/status=REJECTED/);
  const rows = page.getByRole("table").getByRole("row").filter({ has: page.getByRole("cell") });
  await expect(rows.first()).toBeVisible();
  const results = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[5]?.textContent ?? ""));
  expect(results.length).toBeGreaterThan(0);
  for (const r of results) expect(r).toContain("審核不通過");
  await expect(rows.filter({ hasText: "9000006" })).toHaveCount(1);
  await checkPage(page, "registrations-rejected");

  // A date range with nothing in it says so, and offers the whole list back.
  await page.goto("/me/registrations?from=2099-01-01&to=2099-12-31");
  await expect(page.getByLabel("研習日期（起）")).toHaveValue("2099-01-01");
  await expect(page.getByText("沒有符合條件的報名記錄。")).toBeVisible();
  await checkPage(page, "registrations-empty");
  await page.getByRole("link", { name: "顯示全部報名記錄" }).click();
  await expect(page).toHaveURL(/\/me\/registrations$/);

  await page.getByRole("table").getByRole("row").filter({ hasText: "9000001" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/courses\/9000001$/);
});

test("個人研習記錄: hours per school year add up, the page prints without the site's chrome", async ({ page }) => {
  await signIn(page, "teacher", DEMO_PASSWORD, "/me/records");
  await expect(page.getByRole("heading", { name: "個人研習記錄", level: 1 })).toBeVisible();
  const years = page.locator("section[aria-labelledby^='year-']");
  await expect(years.first()).toBeVisible();
  let overall = 0;
  for (const year of await years.all()) {
    const text = (await year.getByRole("heading", { level: 2 }).textContent()) ?? "";
    expect(text).toMatch(/^\d+學年度/);
    const total = Number(text.match(/共 ([\d.]+) 小時/)?.[1]);
    expect(total).toBeGreaterThan(0);
    const hours = await year.locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => Number(tr.lastElementChild?.textContent?.match(/([\d.]+) 小時/)?.[1] ?? NaN)),
    );
    expect(Math.round(hours.reduce((a, b) => a + b, 0) * 10) / 10).toBe(total);
    overall += total;
  }
  await expect(page.getByText(`${Math.round(overall * 10) / 10} 小時`, { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "9000009" })).toHaveCount(1);
  await checkPage(page, "records");

  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.getByRole("button", { name: "列印" }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("body > header")).toBeHidden();
  await expect(page.getByRole("button", { name: "列印" })).toBeHidden();
  await expect(page.getByText("列印時間")).toBeVisible();
  if (process.env.SHOTS) await page.screenshot({ path: `test-results/screenshots/teacher-${test.info().project.name}-records-print.png`, fullPage: true });
  await expect(years.first()).toBeVisible();
});

test("the teacher's home shows upcoming registrations with their results", async ({ page }) => {
  await signIn(page, "teacher", DEMO_PASSWORD, "/me");
  const upcoming = page.getByRole("region", { name: "即將參加的研習" });
  await expect(upcoming).toBeVisible();
  await expect(upcoming.getByRole("listitem").filter({ hasText: "待審核" }).first()).toBeVisible();
  await checkPage(page, "home");
  await upcoming.getByRole("link", { name: "全部報名記錄" }).click();
  await expect(page).toHaveURL(/\/me\/registrations$/);
});

test("/dev/mail is not indexed", async ({ page }) => {
  const res = await page.goto("/dev/mail");
  expect(res?.status()).toBe(200);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
});
