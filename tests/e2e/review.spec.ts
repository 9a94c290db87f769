import { type Page } from "@playwright/test";
import { createCipheriv, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { Client } from "pg";
import { DEMO_SCHOOL } from "../../prisma/seed/accounts";
import { expect, expectNoAxeViolations, expectNoSidewaysScroll, signInThroughPage, test } from "./helpers";

test.use({ actionTimeout: 15_000 });

// 錄取審核, 出席登錄 and the exports, as the demo organizer (臺北市立示範國民中學): each project
// (desktop, phone) gets two fresh courses of the demo school with registrations of its own.

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The app's encryption of ID numbers (lib/people/national-id.ts), for the test data. */
function encryptId(id: string): { cipher: string; keyId: string } {
  const keyId = process.env.NATIONAL_ID_KEY_ID!;
  const entry = process.env.NATIONAL_ID_KEYS!.split(",").find((p) => p.startsWith(`${keyId}:`))!;
  const key = Buffer.from(entry.slice(keyId.length + 1), "base64");
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([c.update(id, "utf8"), c.final()]);
  return { cipher: Buffer.concat([iv, c.getAuthTag(), body]).toString("base64"), keyId };
}

const DAY = 86400_000;
const taipeiDay = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * DAY).toISOString().slice(0, 10);

type Teacher = { id: number; name: string };

/** A course of the demo school; `regs` registrations in order, all with the given status. */
async function createCourse(title: string, o: { start: number; capacity: number; status: "PENDING" | "APPROVED"; teachers: Teacher[]; withIds?: boolean }) {
  const [unit] = await sql<{ id: number }>(`SELECT id FROM "Unit" WHERE code = $1`, [DEMO_SCHOOL.code]);
  const approved = o.status === "APPROVED" ? o.teachers.length : 0;
  const [course] = await sql<{ id: number; code: string }>(
    `INSERT INTO "Course" (code, title, "classType", category, "subjectPath", "schoolYear", semester, "startDate", "endDate", "timeSlot", venue, "venueCounty",
       hours, description, audience, "classCount", "seatsPerClass", capacity, "approvedCount", "activeCount", "organizerId", "contactName", "contactPhone", "contactEmail",
       status, "onlineRegistration", "registrationOpensAt", "registrationClosesAt", "formFields", "publishedAt", "updatedAt")
     VALUES (nextval('course_code_seq')::text, $1, 'NON_CREDIT', '一般研習', '國中 / 教學 / 數學領域', 115, 1, $2::date, $2::date, 'WEEKDAY_DAYTIME', '臺北市大安區示範路1號', '臺北市',
       3, 'e2e 錄取審核測試課程', '全國教師', 1, $3, $3, $4, $5, $6, '張淑芬', '02-12345678', 'org@example.edu.tw',
       'PUBLISHED', true, now() - interval '10 days', now() + interval '5 days', $7, now() - interval '10 days', now())
     RETURNING id, code`,
    [title, taipeiDay(o.start), o.capacity, approved, o.teachers.length, unit.id, o.withIds ? ["meal", "nationalId"] : ["meal"]],
  );
  const ids = ["A123456789", "B123456780", "F131104093", "A234567890", "C123456788", "D123456785"];
  for (const [i, t] of o.teachers.entries()) {
    const enc = o.withIds ? encryptId(ids[i % ids.length]) : null;
    await sql(
      `INSERT INTO "Registration" ("courseId", "userId", status, answers, "nationalIdCipher", "nationalIdKeyId", "registeredAt", "statusChangedAt", "updatedAt")
       VALUES ($1, $2, $3::"RegistrationStatus", $4, $5, $6, now() - make_interval(hours => $7), now() - make_interval(hours => $7), now())`,
      [course.id, t.id, o.status, JSON.stringify({ meal: i % 2 ? "素食" : "葷食" }), enc?.cipher ?? null, enc?.keyId ?? null, 48 - i],
    );
  }
  return course;
}

async function teachers(from: number, n: number): Promise<Teacher[]> {
  const names = Array.from({ length: n }, (_, i) => `t${String(from + i).padStart(6, "0")}`);
  return sql<Teacher>(`SELECT id, name FROM "User" WHERE username = ANY($1) ORDER BY username`, [names]);
}

async function signInAsOrganizer(page: Page, back: string) {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(back)}`);
  await signInThroughPage(page, "業務帳號", "organizer");
  await page.waitForURL((u) => u.pathname === back);
}

async function shot(page: Page, name: string, project: string) {
  mkdirSync("test-results/screenshots", { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${project}_${name}.png`, fullPage: true });
}

test("the organizer filters, approves, meets the capacity guard, rejects with a reason, reveals an ID, exports, and marks attendance", async ({ page }, info) => {
  test.setTimeout(240_000);
  const project = info.project.name;
  const base = project === "phone" ? 4700 : 4600;
  const reviewTeachers = await teachers(base + 1, 6);
  const attendTeachers = await teachers(base + 51, 3);
  const review = await createCourse(`【e2e】錄取審核（${project}）`, { start: 20, capacity: 3, status: "PENDING", teachers: reviewTeachers, withIds: true });
  const attend = await createCourse(`【e2e】出席登錄（${project}）`, { start: -1, capacity: 10, status: "APPROVED", teachers: attendTeachers });
  const path = `/manage/courses/${review.code}/registrations`;

  await signInAsOrganizer(page, path);
  await expect(page.getByRole("heading", { name: "錄取審核", level: 1 })).toBeVisible();
  await expect(page.getByTestId("seats-left")).toHaveText("3");
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await shot(page, "review", project);

  // Filter by status (URL state) and search by name.
  await page.getByRole("navigation", { name: "依處理狀態篩選" }).getByRole("link", { name: /待審核/ }).click();
  await expect(page).toHaveURL(/status=PENDING/);
  await expect(page.getByRole("checkbox", { name: /^選取 / })).toHaveCount(6);
  await page.getByLabel("姓名或服務學校").fill(reviewTeachers[2].name);
  await page.getByRole("button", { name: "搜尋" }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByRole("checkbox", { name: /^選取 / })).toHaveCount(1);
  await expect(page.getByRole("checkbox", { name: `選取 ${reviewTeachers[2].name}` })).toBeVisible();
  await page.getByRole("link", { name: "清除" }).click();
  await expect(page).toHaveURL(/status=PENDING$/);

  // Approve one.
  await page.getByRole("button", { name: `通過：${reviewTeachers[0].name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "已將 1 位教師設為「審核通過」" })).toBeVisible();
  await expect(page.getByTestId("seats-left")).toHaveText("2");
  await expect(page.getByRole("checkbox", { name: /^選取 / })).toHaveCount(5);

  // Bulk-approve the five left: more than the two seats left, so none is approved.
  await page.getByLabel("全選本頁").check();
  await expect(page.getByText("已選 5 位")).toBeVisible();
  await page.getByRole("button", { name: "審核通過（已選的報名）" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "名額不足" })).toContainText("名額不足：尚餘 2 個名額，您選了 5 位。");
  await expect(page.getByTestId("seats-left")).toHaveText("2");
  await expectNoAxeViolations(page);
  await shot(page, "review-refused", project);

  // Reject one with a reason: the reason is required.
  await page.getByLabel("全選本頁").uncheck();
  await page.getByRole("checkbox", { name: `選取 ${reviewTeachers[1].name}` }).check();
  await page.getByRole("button", { name: /^審核不通過…/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "確定不錄取" }).click();
  await expect(dialog.getByText(/請填寫不錄取的原因/)).toBeVisible();
  await expect(dialog.getByLabel(/不錄取原因/)).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await dialog.getByLabel(/不錄取原因/).fill("非本研習參加對象");
  await dialog.getByRole("button", { name: "確定不錄取" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "已將 1 位教師設為「審核不通過」" })).toBeVisible();
  await page.getByRole("navigation", { name: "依處理狀態篩選" }).getByRole("link", { name: /審核不通過/ }).click();
  await expect(page.getByText("說明：非本研習參加對象")).toBeVisible();

  // Reveal one ID number (audited).
  await page.getByRole("button", { name: `顯示身分證字號（${reviewTeachers[1].name}）` }).click();
  await expect(page.getByText("B123456780")).toBeVisible();
  await expect(page.getByText("（本次查閱已記錄）")).toBeVisible();
  const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'registration.reveal-national-id' AND "courseId" = (SELECT id FROM "Course" WHERE code = $1)`, [review.code]);
  expect(n).toBe(1);

  // Download the CSV: UTF-8 with a BOM, Chinese headers, masked IDs.
  await page.getByRole("navigation", { name: "依處理狀態篩選" }).getByRole("link", { name: /全部/ }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "匯出 CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`報名名單-${review.code}.csv`);
  const csv = readFileSync((await download.path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.toString("utf8").slice(1);
  expect(text.split("\r\n")[0]).toBe("編號,姓名,性別,服務學校,職位類別,電子郵件,身分證字號（遮蔽）,處理狀態,審核說明,報名時間,用餐類別,出席");
  expect(text.split("\r\n").filter(Boolean)).toHaveLength(7);
  expect(text).toContain("A********9");
  expect(text).not.toContain("A123456789");

  // Attendance, after the course has started: all present, then one correction.
  await page.goto(`/manage/courses/${attend.code}/attendance`);
  await expect(page.getByRole("heading", { name: "出席登錄", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await page.getByRole("button", { name: "全部出席" }).click();
  await page.getByRole("button", { name: "儲存出席紀錄" }).click();
  await expect(page.getByRole("status").filter({ hasText: "新登錄 3 位" })).toBeVisible();
  await page.getByRole("checkbox", { name: new RegExp(attendTeachers[2].name) }).uncheck();
  await page.getByRole("button", { name: "儲存出席紀錄" }).click();
  await expect(page.getByRole("status").filter({ hasText: "更正 1 位" })).toBeVisible();
  await expect(page.getByText("出席 2・缺席 1・未登錄 0")).toBeVisible();
  await shot(page, "attendance", project);
  const records = await sql<{ userId: number; hours: number }>(`SELECT "userId", hours FROM "TrainingRecord" WHERE "courseId" = (SELECT id FROM "Course" WHERE code = $1) ORDER BY "userId"`, [attend.code]);
  expect(records.map((r) => r.userId).sort()).toEqual(attendTeachers.slice(0, 2).map((t) => t.id).sort());
  expect(records.every((r) => r.hours === 3)).toBe(true);

  // Before a course starts, attendance waits.
  await page.goto(`/manage/courses/${review.code}/attendance`);
  await expect(page.getByText(/研習尚未開始（.*開始），開始後才能登錄出席。/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("teachers and visitors cannot reach the review dashboard", async ({ page }) => {
  await page.goto("/manage/courses/9000001/registrations");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await signInThroughPage(page, "教師個人帳號", "teacher");
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  const res = await page.goto("/manage/courses/9000001/registrations");
  expect(res?.status()).toBe(403);
  const api = await page.evaluate(async () => (await fetch("/api/manage/courses/9000001/registrations")).status);
  expect(api).toBe(403);
  const csv = await page.request.post("/manage/courses/9000001/registrations/export/csv", { form: { status: "ALL" } });
  expect(csv.status()).toBe(403);
});
