import type { APIRequestContext } from "@playwright/test";
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { Client } from "pg";
import { DEMO_PASSWORD, expect, expectNoAxeViolations, expectNoSidewaysScroll, signInThroughPage, test } from "./helpers";

test("home and login pages are accessible and fit the screen", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "主選單" }).getByRole("link", { name: "研習搜尋" })).toBeVisible();
  await expect(page.getByRole("link", { name: "登入" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "登入" }).click();
  await expect(page.getByRole("heading", { name: "進修網帳號登入" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  // The header's links are not prefetched: a click still takes the reader there, on a phone too.
  await page.getByRole("navigation", { name: "主選單" }).getByRole("link", { name: "研習搜尋" }).click();
  await expect(page).toHaveURL(/\/courses(\?|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a wrong password gets one clear message and keeps the person on the page", async ({ page }) => {
  await page.goto("/login");
  await signInThroughPage(page, "教師個人帳號", "teacher", "not-the-password");
  await expect(page.getByText("帳號或密碼錯誤")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expectNoAxeViolations(page);
});

test("a teacher signs in, comes back to the page asked for, cannot reach organizer pages, and signs out", async ({ page, request }) => {
  await page.goto("/me");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fme/);
  await signInThroughPage(page, "教師個人帳號", "teacher");
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("老師，您好");
  await expect(page.getByRole("main").getByRole("link", { name: "個人研習記錄" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);

  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("inservice.session"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");

  const res = await page.goto("/manage");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "您的帳號無法使用這個頁面" })).toBeVisible();

  await page.goto("/");
  await page.locator("summary").filter({ hasText: "的選單" }).click();
  // 登出 ends the session and reloads the home page. The menu shows 登入 before that reload
  // starts, so wait for the reloaded page's own load event, or the next goto races the reload
  // (net::ERR_ABORTED, seen in CI).
  await Promise.all([
    page.waitForResponse((r) => r.url().includes("/api/auth/signout")),
    page.waitForEvent("load"),
    page.getByRole("button", { name: "登出" }).click(),
  ]);
  await expect(page.getByRole("link", { name: "登入" })).toBeVisible({ timeout: 10_000 });
  const after = await page.goto("/me");
  expect(after?.url()).toContain("/login");

  // Signing out ended the session on the server: a copy of the cookie saved before is refused,
  // and /api/auth/session neither describes nor renews it (it clears the cookie instead).
  const copied = { cookie: `${session!.name}=${session!.value}` };
  const me = await request.get("/me", { headers: copied });
  expect(me.url()).toContain("/login");
  const described = await request.get("/api/auth/session", { headers: copied });
  expect(await described.json()).toEqual({});
  expect(described.headers()["set-cookie"] ?? "").toMatch(/inservice\.session=;/);
});

test("after three failures the 驗證碼 is required; the browser solves it and the right password signs in", async ({ page }) => {
  // The site's policy allows workers only from this site (no blob:, no data:), and the widget's
  // proof-of-work worker still runs: it is a file of the site.
  const policy = (await page.request.get("/login")).headers()["content-security-policy"] ?? "";
  expect(policy).toContain("worker-src 'self';");
  const refused: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });
  await page.goto("/login");
  const alert = page.getByRole("alert").filter({ hasText: "帳號或密碼錯誤" });
  for (let i = 0; i < 3; i++) {
    await signInThroughPage(page, "教師個人帳號", "teacher", `not-the-password-${i}`);
    await expect(alert).toBeVisible();
    await expect(page.getByRole("button", { name: "登入" })).toBeEnabled();
  }
  await expect(alert).toContainText("完成驗證碼");
  // ALTCHA's checkbox, labelled in Chinese; Chromium does the proof of work by itself.
  // It starts at once ("驗證中，請稍候…") and ends checked, named 已驗證.
  await expect(page.getByRole("checkbox", { name: /我不是機器人|驗證中|已驗證/ })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "已驗證" })).toBeChecked({ timeout: 20_000 });
  expect(refused).toEqual([]);
  await expectNoAxeViolations(page);
  await page.getByLabel("密碼", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登入" }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 15_000 });
});

/** A sign-in as a script sends it (next-auth's CSRF flow); returns the error code or "ok". */
async function scriptedSignIn(request: APIRequestContext, fields: Record<string, string>): Promise<string> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, accountKind: "teacher", username: "teacher", json: "true", ...fields },
    maxRedirects: 0,
  });
  const location = res.headers()["location"] ?? ((await res.json().catch(() => ({}))) as { url?: string }).url ?? "";
  const error = new URL(location, "http://x").searchParams.get("error");
  if (error) return error;
  return (res.headers()["set-cookie"] ?? "").includes("inservice.session=") ? "ok" : `status ${res.status()}`;
}

const base64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64");

test("a script that reads the challenge but does not do the work cannot sign in; one that does the work can", async ({ request }) => {
  // The server counts failures per real client address (scripts/serve.ts): earlier specs' failed
  // attempts from this test runner's address (not the browser's) would require the 驗證碼 already.
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  await db.query(`DELETE FROM "LoginAttempt"`);
  await db.end();
  for (let i = 0; i < 3; i++) expect(await scriptedSignIn(request, { password: `scripted-wrong-${i}` })).toMatch(/^INVALID_CREDENTIALS/);
  expect(await scriptedSignIn(request, { password: DEMO_PASSWORD })).toBe("CAPTCHA_REQUIRED");
  const fetchChallenge = async () => (await (await request.post("/api/auth/challenge")).json()) as Challenge;

  // What can be read off the page and the challenge, without the proof of work.
  const challenge = await fetchChallenge();
  for (const guess of [{ challenge }, { challenge, solution: { counter: 0, derivedKey: challenge.parameters.keyPrefix } }]) {
    expect(await scriptedSignIn(request, { password: DEMO_PASSWORD, challenge: base64(guess) })).toBe("CAPTCHA_WRONG");
  }
  // A forged (re-signed by nobody) easier challenge does not pass either.
  const easier = { ...challenge, parameters: { ...challenge.parameters, keyPrefix: "0" } };
  const easySolution = await solveChallenge({ challenge: easier, deriveKey });
  expect(await scriptedSignIn(request, { password: DEMO_PASSWORD, challenge: base64({ challenge: easier, solution: easySolution }) })).toBe("CAPTCHA_WRONG");

  // Doing the work passes, once.
  const fresh = await fetchChallenge();
  const solution = await solveChallenge({ challenge: fresh, deriveKey });
  const solved = base64({ challenge: fresh, solution });
  expect(await scriptedSignIn(request, { password: DEMO_PASSWORD, challenge: solved })).toBe("ok");
  for (let i = 0; i < 3; i++) await scriptedSignIn(request, { password: `scripted-wrong-again-${i}` });
  expect(await scriptedSignIn(request, { password: DEMO_PASSWORD, challenge: solved })).toBe("CAPTCHA_WRONG");
  // A success leaves the address without failures for the tests that follow.
  const last = await fetchChallenge();
  const lastSolved = base64({ challenge: last, solution: await solveChallenge({ challenge: last, deriveKey }) });
  expect(await scriptedSignIn(request, { password: DEMO_PASSWORD, challenge: lastSolved })).toBe("ok");
});

test("an organizer signs in with a business account and cannot reach teacher pages", async ({ page }) => {
  await page.goto("/login?callbackUrl=%2Fmanage");
  await signInThroughPage(page, "業務帳號", "organizer");
  await expect(page).toHaveURL(/\/manage$/);
  await expect(page.getByRole("heading", { name: "本單位課程管理" })).toBeVisible();
  await expect(page.getByText("臺北市立示範國民中學")).toBeVisible();
  await expectNoAxeViolations(page);
  const res = await page.goto("/me");
  expect(res?.status()).toBe(403);
});

test("a region admin sees the approval queue of their counties", async ({ page }) => {
  await page.goto("/login?callbackUrl=%2Fregion");
  await signInThroughPage(page, "業務帳號", "region");
  await expect(page.getByRole("heading", { level: 1, name: "課程審核" })).toBeVisible();
  await expect(page.getByText(/轄區：臺北市/)).toBeVisible();
  await expect(page.getByRole("list", { name: "待審核課程，送審最久的在前" }).getByRole("listitem").first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the FAQ and the login page say the same about a forgotten password", async ({ page }) => {
  await page.goto("/login");
  const onLogin = (await page.getByRole("heading", { name: "忘記密碼？" }).locator("xpath=following-sibling::p[1]").innerText()).trim();
  expect(onLogin).toContain("忘記密碼？");
  await page.goto("/faq");
  await page.getByText("忘記密碼怎麼辦？").click();
  await expect(page.getByText(onLogin, { exact: true })).toBeVisible();
});
