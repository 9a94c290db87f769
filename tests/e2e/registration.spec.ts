import { type Page } from "@playwright/test";
import { expect, expectNoAxeViolations, expectNoSidewaysScroll, signInThroughPage, test } from "./helpers";

// Fixture courses from the deterministic seed (prisma/seed/accounts.ts FIXTURE_COURSES).
const C = { openManual: "9000001", openAutomatic: "9000002", ownUnitOnly: "9000004", opensLater: "9000005", closed: "9000006", noOnline: "9000007", everyField: "9000010" };

async function signIn(page: Page, username: string, kind: "教師個人帳號" | "業務帳號" = "教師個人帳號", back?: string) {
  await page.goto(`/login${back ? `?callbackUrl=${encodeURIComponent(back)}` : ""}`);
  await signInThroughPage(page, kind, username);
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

test("a signed-out visitor is asked to sign in and comes back to the form", async ({ page }) => {
  await page.goto(`/courses/${C.openManual}/register`);
  await expect(page.getByText("請先登入教師個人帳號再報名。")).toBeVisible();
  await expect(page.getByRole("button", { name: "我要報名" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await page.getByRole("link", { name: "登入後報名" }).click();
  await signInThroughPage(page, "教師個人帳號", "schoolteacher");
  await expect(page).toHaveURL(new RegExp(`/courses/${C.openManual}/register$`));
  await expect(page.getByRole("heading", { name: "線上報名專區" })).toBeVisible();
});

test("each eligibility message appears for the right account and state", async ({ page }) => {
  await signIn(page, "organizer", "業務帳號");
  await page.goto(`/courses/${C.openManual}/register`);
  await expect(page.getByText("只有教師帳號可以報名研習")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.context().clearCookies();
  await signIn(page, "teacher");
  await page.goto(`/courses/${C.ownUnitOnly}/register`);
  await expect(page.getByText("該課程僅提供校內教師報名")).toBeVisible();
  await expect(page.getByRole("button", { name: "我要報名" })).toHaveCount(0);
  await page.goto(`/courses/${C.opensLater}/register`);
  await expect(page.getByText(/^尚未開放報名，將於 .* 開放線上報名。$/)).toBeVisible();
  await page.goto(`/courses/${C.closed}/register`);
  await expect(page.getByText(/^線上報名已於 .* 截止。$/)).toBeVisible();
  await page.goto(`/courses/${C.noOnline}/register`);
  await expect(page.getByText("未提供線上報名", { exact: true })).toBeVisible();
  await expect(page.getByText(/可能採各校薦派、指定參加/)).toBeVisible();
  await expect(page.locator("form input")).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.context().clearCookies();
  await signIn(page, "schoolteacher");
  await page.goto(`/courses/${C.ownUnitOnly}/register`);
  await expect(page.getByRole("button", { name: "我要報名" })).toBeVisible();
});

test("the form's messages appear next to the fields and what was typed stays", async ({ page }) => {
  await signIn(page, "teacher");
  await page.goto(`/courses/${C.everyField}/register`);
  const mobile = page.getByLabel("手機號碼");
  await mobile.fill("12345");
  await page.getByLabel("職稱").fill("");
  await page.getByLabel("任教科目").fill("數學");
  await page.getByRole("button", { name: "我要報名" }).click();
  // Focus (and the phone's view) go to a summary of what to fix, with a link to each field.
  const summary = page.getByRole("alert").filter({ hasText: "欄位需要修正" });
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  await expect(summary.getByRole("link", { name: /^手機號碼：/ })).toBeVisible();
  await summary.getByRole("link", { name: /^職稱：/ }).click();
  await expect(page.getByLabel("職稱")).toBeFocused();
  await expect(page.getByText(/手機號碼格式不正確/).last()).toBeVisible();
  await expect(mobile).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("請填寫職稱").last()).toBeVisible();
  await expect(mobile).toHaveValue("12345");
  await expect(page.getByLabel("任教科目")).toHaveValue("數學");
  // Fixing a field clears its message as the person types.
  await mobile.fill("0912345678");
  await expect(page.getByText(/手機號碼格式不正確/)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
});

test("with a slow network, double- and triple-clicking 我要報名 registers exactly once; 取消報名 needs confirmation", async ({ page }, info) => {
  const username = info.project.name === "phone" ? "t004902" : "t004901";
  await signIn(page, username);
  // Slow the registration request down, as a crowded evening would.
  await page.route(`**/courses/${C.openAutomatic}/register`, async (route) => {
    if (route.request().method() === "POST") await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.goto(`/courses/${C.openAutomatic}/register`);
  const button = page.getByRole("button", { name: "我要報名" });
  await button.dblclick();
  await button.click({ timeout: 1000 }).catch(() => {}); // a third click, if it is still there
  await expect(page.getByRole("button", { name: "報名處理中…" }).or(page.getByRole("button", { name: "取消報名" }))).toBeVisible();
  await expect(page.getByRole("button", { name: "取消報名" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("審核通過").first()).toBeVisible();
  await expect(page.getByText("（您）").filter({ visible: true })).toHaveCount(1);
  const mine = await page.evaluate(async (code) => (await fetch(`/api/courses/${code}/registration`)).json(), C.openAutomatic);
  expect(mine.registration.status).toBe("APPROVED");
  await expectNoAxeViolations(page);

  // Changing one's mind is safe: 不要取消 keeps the registration.
  await page.getByRole("button", { name: "取消報名" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "不要取消" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await page.reload();
  await expect(page.getByRole("button", { name: "取消報名" })).toBeVisible();

  await page.getByRole("button", { name: "取消報名" }).click();
  await page.getByRole("button", { name: "確定取消報名" }).click();
  await expect(page.getByText("您先前的報名已取消，可以重新報名")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("button", { name: "我要報名" })).toBeVisible();
  await expect(page.getByText("（您）").filter({ visible: true })).toHaveCount(0);
});
