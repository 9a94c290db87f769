import { type Browser, type Page } from "@playwright/test";
import { Client } from "pg";
import { DEMO_SCHOOL } from "../../prisma/seed/accounts";
import { expect, expectNoAxeViolations, expectNoSidewaysScroll, signInThroughPage, test, watchContentSecurityPolicy } from "./helpers";

// The whole manual, as the people who use it walk it: 區管中心 approves a course; a teacher
// searches for it, opens it and registers; the organizer approves the registration; the teacher
// sees 審核通過 in 個人報名記錄 and has the mail; after the course the organizer records
// attendance and the hours appear in 個人研習記錄. Each project (desktop, phone) walks it with
// its own course and teacher.

test.use({ actionTimeout: 15_000 });
test.setTimeout(240_000);

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const taipeiDay = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86400_000).toISOString().slice(0, 10);

/** A course of the demo school, submitted to 區管中心 and waiting for approval. */
async function submittedCourse(title: string): Promise<string> {
  const [unit] = await sql<{ id: number }>(`SELECT id FROM "Unit" WHERE code = $1`, [DEMO_SCHOOL.code]);
  const [course] = await sql<{ code: string }>(
    `INSERT INTO "Course" (code, title, "classType", category, "subjectPath", "schoolYear", semester, "startDate", "endDate", "timeSlot", venue, "venueCounty",
       hours, description, audience, "classCount", "seatsPerClass", capacity, "organizerId", "contactName", "contactPhone", "contactEmail",
       status, "onlineRegistration", "registrationOpensAt", "registrationClosesAt", "formFields", "submittedAt", "updatedAt")
     VALUES (nextval('course_code_seq')::text, $1, 'NON_CREDIT', '一般研習', '國中 / 教學 / 自然科學領域', 115, 1, $2::date, $2::date, 'WEEKDAY_DAYTIME',
       '臺北市大安區示範路1號 自然教室', '臺北市', 6, '以探究實作帶領學生設計校園生態調查。', '全國國民中學教師', 1, 30, 30, $3, '張淑芬', '02-12345678',
       'org@example.edu.tw', 'SUBMITTED', true, now() - interval '1 day', now() + interval '10 days', ARRAY['meal'], now(), now())
     RETURNING code`,
    [title, taipeiDay(20), unit.id],
  );
  return course.code;
}

type ContextOptions = Parameters<Browser["newContext"]>[0];

/** Content-Security-Policy problems of every person's context, checked after each test. */
const cspWatches: (() => string[])[] = [];
test.afterEach(() => {
  const problems = cspWatches.splice(0).flatMap((w) => w());
  expect(problems, "Content-Security-Policy problems").toEqual([]);
});

/** A person of their own (own cookies) on the project's device. */
async function signedIn(browser: Browser, device: ContextOptions, kind: "教師個人帳號" | "業務帳號", username: string): Promise<Page> {
  const context = await browser.newContext({ ...device, locale: "zh-TW", timezoneId: "Asia/Taipei" });
  cspWatches.push(await watchContentSecurityPolicy(context));
  const page = await context.newPage();
  await page.goto("/login");
  await signInThroughPage(page, kind, username);
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return page;
}

async function check(page: Page) {
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
}

test("the whole manual: approve, search, register, review, mail, attendance, hours", async ({ browser, baseURL, viewport, isMobile, hasTouch, userAgent, deviceScaleFactor }, info) => {
  const device: ContextOptions = { baseURL, viewport, isMobile, hasTouch, userAgent, deviceScaleFactor };
  const phone = info.project.name === "phone";
  const username = phone ? "t004812" : "t004811";
  const title = `校園生態探究實作工作坊${phone ? "（手機）" : "（桌機）"}`;
  const code = await submittedCourse(title);
  const [teacher] = await sql<{ name: string; email: string }>(`SELECT name, email FROM "User" WHERE username = $1`, [username]);

  // 區管中心 approves: the course is published.
  // Each role's home page shows what waits for it.
  const region = await signedIn(browser, device, "業務帳號", "region");
  await region.goto("/");
  await expect(region.getByRole("heading", { name: "課程審核" })).toBeVisible();
  await expect(region.getByRole("heading", { name: /門課程等待審核/ })).toBeVisible();
  await check(region);
  await region.getByRole("link", { name: "前往課程審核" }).click();
  await expect(region).toHaveURL(/\/region$/);
  await region.getByRole("link", { name: `審閱「${title}」` }).click();
  await check(region);
  await region.getByRole("button", { name: "核准公告" }).click();
  await region.waitForURL(/\/region\?done=approved/);
  await check(region);

  // The teacher finds it through search within a minute, opens it and registers.
  const me = await signedIn(browser, device, "教師個人帳號", username);
  const searchUrl = `/courses?q=${encodeURIComponent("校園生態探究實作")}&field=title`;
  await expect(async () => {
    await me.goto(searchUrl);
    await expect(me.getByRole("link", { name: title }).filter({ visible: true }).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000, 3_000] });
  await check(me);
  await me.getByRole("link", { name: title }).filter({ visible: true }).first().click();
  await expect(me.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await check(me);
  await me.getByRole("link", { name: "線上報名專區" }).click();
  await expect(me.getByRole("heading", { name: "線上報名專區" })).toBeVisible();
  await me.getByRole("group", { name: /用餐類別/ }).getByRole("radio", { name: "素食" }).check();
  await me.getByRole("button", { name: "我要報名" }).click();
  await expect(me.getByRole("button", { name: "取消報名" })).toBeVisible({ timeout: 20_000 });
  await expect(me.getByText("待審核").first()).toBeVisible();
  await check(me);

  // The organizer approves the registration.
  const organizer = await signedIn(browser, device, "業務帳號", "organizer");
  await organizer.goto("/");
  await expect(organizer.getByRole("heading", { name: "待辦事項" })).toBeVisible();
  await expect(organizer.getByRole("heading", { name: /筆報名待審核/ })).toBeVisible();
  await check(organizer);
  await organizer.goto(`/manage/courses/${code}/registrations`);
  await check(organizer);
  await organizer.getByRole("button", { name: `通過：${teacher.name}` }).click();
  await expect(organizer.getByRole("status").filter({ hasText: /通過|完成/ })).toBeVisible({ timeout: 20_000 });
  await check(organizer);

  // The teacher sees 審核通過 in 個人報名記錄 …
  await me.goto("/me/registrations");
  const row = me.locator("li, tr").filter({ hasText: title }).filter({ visible: true }).first();
  await expect(row).toContainText("審核通過");
  await check(me);

  // … and on the home page, among the courses to come.
  await me.goto("/");
  const upcoming = me.getByRole("list", { name: "尚未結束的研習報名" }).getByRole("listitem").filter({ hasText: title });
  await expect(upcoming).toContainText("審核通過");
  await check(me);

  // … and has the mail (the project's own SMTP server catches it; /dev/mail lists it).
  await expect(async () => {
    await me.goto("/dev/mail");
    await expect(me.getByRole("link", { name: new RegExp(`研習錄取審核結果：${title}.*審核通過`) }).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000, 3_000] });
  await me.getByRole("link", { name: new RegExp(`研習錄取審核結果：${title}`) }).first().click();
  await expect(me.getByText(teacher.email).first()).toBeVisible();
  await expect(me.getByText(`${teacher.name} 老師您好`)).toBeVisible();
  await check(me);

  // The course takes place (the test moves it into the past) …
  await sql(`UPDATE "Course" SET "startDate" = $2::date, "endDate" = $2::date, "registrationOpensAt" = $3::timestamp, "registrationClosesAt" = $4::timestamp WHERE code = $1`, [
    code,
    taipeiDay(-2),
    `${taipeiDay(-20)} 00:00`,
    `${taipeiDay(-5)} 00:00`,
  ]);

  // … the organizer records attendance …
  await organizer.goto(`/manage/courses/${code}/attendance`);
  await check(organizer);
  await organizer.getByRole("button", { name: "全部出席" }).click();
  await organizer.getByRole("button", { name: "儲存出席紀錄" }).click();
  // The answer itself: the button's spinner (role status, 儲存中) would match a looser text and
  // let the test read 個人研習記錄 before the save was done (seen in CI).
  await expect(organizer.getByRole("status").filter({ hasText: "已儲存出席紀錄" })).toBeVisible({ timeout: 20_000 });

  // … and the hours appear in 個人研習記錄.
  await me.goto("/me/records");
  const record = me.locator("li, tr").filter({ hasText: title }).filter({ visible: true }).first();
  await expect(record).toContainText("6");
  await check(me);
});
