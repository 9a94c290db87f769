import { type Page } from "@playwright/test";
import { Client } from "pg";
import { FIXTURE_COURSES } from "../../prisma/seed/accounts";
import { expect, expectNoAxeViolations, expectNoSidewaysScroll, signInThroughPage, test, watchContentSecurityPolicy } from "./helpers";

// 研習課程介紹 (/courses/{code}) against the seeded end-to-end database: every state of the
// registration block, the cache and what must stay live, follow/unfollow with the sign-in round
// trip, the 404, search-engine data, and the sitemap.

const SITE_URL = process.env.SITE_URL ?? `http://localhost:${process.env.E2E_PORT ?? 3100}`;

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

type CourseRow = {
  id: number;
  code: string;
  title: string;
  description: string;
  venue: string;
  venueCounty: string;
  /** YYYY-MM-DD */
  startDate: string;
  endDate: string;
  fee: number;
  capacity: number;
  approvedCount: number;
  statusNote: string | null;
  organizerName: string;
};

async function courseRow(code: string): Promise<CourseRow> {
  const [row] = await sql<CourseRow>(
    `SELECT c."id", c."code", c."title", c."description", c."venue", c."venueCounty", c."startDate"::text AS "startDate",
            c."endDate"::text AS "endDate", c."fee", c."capacity", c."approvedCount", c."statusNote", u."name" AS "organizerName"
       FROM "Course" c JOIN "Unit" u ON u."id" = c."organizerId" WHERE c."code" = $1`,
    [code],
  );
  return row;
}

/** Opens a course page and waits until the live part (seats, the viewer's state) has arrived. */
async function openCourse(page: Page, code: string) {
  const res = await page.goto(`/courses/${code}`);
  expect(res?.status()).toBe(200);
  // The first pages after the server starts wait for their scripts; give a busy machine time.
  await expect(page.getByTestId("registration-block")).toHaveAttribute("data-live", "live", { timeout: 20_000 });
  return res!;
}

/** Published generated courses open for registration with seats to spare, a few per project. */
async function openCourses(offset: number): Promise<string[]> {
  const rows = await sql<{ code: string }>(
    `SELECT "code" FROM "Course" WHERE "status" = 'PUBLISHED' AND "onlineRegistration" AND "registrationOpensAt" < now()
       AND "registrationClosesAt" > now() AND "capacity" - "approvedCount" >= 2 AND "code" NOT LIKE '900%'
     ORDER BY "code" LIMIT 2 OFFSET $1`,
    [offset],
  );
  return rows.map((r) => r.code);
}

const projectOffset = () => (test.info().project.name === "phone" ? 10 : 0);

test.describe("every state of the registration block", () => {
  const cases = [
    { name: "openManual", badge: "報名中", message: /開放線上報名中，至 .+ 截止。/, seats: true },
    { name: "fullAutomatic", badge: "報名中", message: /開放線上報名中/, seats: true, extra: "目前名額已滿" },
    { name: "ownUnitOnly", badge: "報名中", message: /開放線上報名中/, seats: true, extra: "校內教師報名" },
    { name: "opensLater", badge: "尚未開放報名", message: /尚未開放報名，將於 .+ 開放線上報名。/, seats: true },
    { name: "closed", badge: "報名已截止", message: /線上報名已於 .+ 截止。/, seats: true },
    { name: "noOnline", badge: "未提供線上報名", message: /^本課程未提供線上報名，.+請洽開課單位承辦人。 查看承辦人聯絡方式$/, seats: false },
    { name: "cancelled", badge: "已取消", message: /本課程已取消，不開放報名。/, seats: false },
  ] as const;

  for (const c of cases) {
    test(`${c.name}: ${c.badge}`, async ({ page }) => {
      const code = FIXTURE_COURSES[c.name];
      const row = await courseRow(code);
      await openCourse(page, code);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(row.title);
      const block = page.getByRole("region", { name: "線上報名" });
      await expect(block.getByText(c.badge, { exact: true })).toBeVisible();
      await expect(page.getByTestId("registration-message")).toHaveText(c.message);
      if (c.seats) {
        await expect(page.getByTestId("seats-left")).toHaveText(String(row.capacity - row.approvedCount));
      } else {
        await expect(block.getByText("線上報名餘額")).toHaveCount(0);
      }
      if ("extra" in c) await expect(block).toContainText(c.extra);
      // The facts every course page shows.
      for (const label of ["上課日期", "課程時段", "開課地點", "研習時數/學分", "課程內容", "報名日期", "參加對象", "開班班數", "各班人數", "繳費金額", "繳費方式", "開課單位", "承辦人", "聯絡電話", "E-Mail"]) {
        await expect(page.getByRole("main").getByText(label, { exact: true }).first()).toBeVisible();
      }
      await expect(page.getByRole("main")).toContainText(`課程代碼 ${code}`);
      await expect(page.getByRole("main")).toContainText(row.organizerName);
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
    });
  }

  test("a cancelled course stays reachable and says why", async ({ page }) => {
    const row = await courseRow(FIXTURE_COURSES.cancelled);
    await openCourse(page, FIXTURE_COURSES.cancelled);
    const notice = page.getByTestId("cancelled-notice");
    await expect(notice).toContainText("本課程已取消");
    await expect(notice).toContainText(`取消原因：${row.statusNote}`);
    await expect(page).toHaveTitle(/^【已取消】/);
    // Nobody can start following a cancelled course.
    await expect(page.getByRole("button", { name: /加入追蹤/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: /加入追蹤/ })).toHaveCount(0);
  });

  test("no online registration: the portal's explanation and the contact person", async ({ page }) => {
    await openCourse(page, FIXTURE_COURSES.noOnline);
    await page.getByRole("link", { name: "查看承辦人聯絡方式" }).click();
    await expect(page).toHaveURL(/#contact$/);
    await expect(page.getByRole("region", { name: "開課單位" })).toBeInViewport();
  });
});

test("an unknown or unpublished code gives a Chinese 404 page with a way back to search", async ({ page }) => {
  for (const code of ["9999999", FIXTURE_COURSES.draft, FIXTURE_COURSES.submitted, "not-a-code"]) {
    const res = await page.goto(`/courses/${code}`);
    expect(res?.status(), code).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("找不到這門課程");
  }
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await page.getByLabel("研習名稱或課程代碼").fill("數學");
  await page.getByRole("button", { name: "搜尋研習" }).click();
  await expect(page).toHaveURL(/\/courses\?q=/);
});

test("search engines: metadata, and JSON-LD that parses and matches the course and the page", async ({ page }) => {
  for (const name of ["openManual", "cancelled", "noOnline"] as const) {
    const code = FIXTURE_COURSES[name];
    const row = await courseRow(code);
    await openCourse(page, code);
    const url = `${SITE_URL}/courses/${code}`;

    await expect(page).toHaveTitle(`${name === "cancelled" ? "【已取消】" : ""}${row.title}｜全國教師在職進修資訊網`);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", url);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", new RegExp(row.startDate.replace(/-/g, "/")));
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", url);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", `${name === "cancelled" ? "【已取消】" : ""}${row.title}`);
    await expect(page.locator('meta[name="robots"]')).toHaveCount(0);

    const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(scripts).toHaveLength(1);
    const ld = JSON.parse(scripts[0]);
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Course",
      name: row.title,
      description: row.description,
      courseCode: code,
      url,
      provider: { "@type": "Organization", name: row.organizerName },
      offers: { "@type": "Offer", price: row.fee, priceCurrency: "TWD", category: row.fee === 0 ? "Free" : "Paid" },
      hasCourseInstance: {
        "@type": "CourseInstance",
        courseMode: "Onsite",
        startDate: `${row.startDate}T00:00:00+08:00`,
        endDate: `${row.endDate}T23:59:59+08:00`,
        location: { "@type": "Place", name: row.venue, address: { "@type": "PostalAddress", streetAddress: row.venue, addressRegion: row.venueCounty, addressCountry: "TW" } },
        eventStatus: name === "cancelled" ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
      },
    });
    const availability = { openManual: "InStock", cancelled: "Discontinued", noOnline: "LimitedAvailability" }[name];
    expect(ld.offers.availability).toBe(`https://schema.org/${availability}`);
    // …and it is what the page shows.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ld.name);
    await expect(page.getByRole("main")).toContainText(ld.hasCourseInstance.location.name);
    await expect(page.getByRole("main")).toContainText(ld.provider.name);
    await expect(page.getByRole("main")).toContainText(`${ld.offers.price.toLocaleString("zh-TW")} 元`);
  }
});

test("the page comes from the cache while seats left are read on every view", async ({ page, request }) => {
  const [code] = await openCourses(projectOffset());
  const before = await courseRow(code);
  await openCourse(page, code);
  await expect(page.getByTestId("seats-left")).toHaveText(String(before.capacity - before.approvedCount));
  // One more seat taken (as an approval would), without touching the course's version.
  await sql(`UPDATE "Course" SET "approvedCount" = "approvedCount" + 1, "activeCount" = "activeCount" + 1 WHERE "code" = $1`, [code]);
  try {
    const res = await request.get(`/courses/${code}`);
    expect(res.headers()["x-nextjs-cache"]).toBe("HIT");
    await page.reload();
    await expect(page.getByRole("region", { name: "線上報名" })).toHaveAttribute("data-live", "live", { timeout: 20_000 });
    await expect(page.getByTestId("seats-left")).toHaveText(String(before.capacity - before.approvedCount - 1));
    // The live part is personal and never cached.
    const live = await request.get(`/courses/${code}/live`);
    expect(live.headers()["cache-control"]).toContain("no-store");
  } finally {
    await sql(`UPDATE "Course" SET "approvedCount" = "approvedCount" - 1, "activeCount" = "activeCount" - 1 WHERE "code" = $1`, [code]);
  }
});

test("an edit becomes visible at once", async ({ page, request }) => {
  // There is no course-editing use case yet (a later issue builds it): the edit is made in the
  // database, and the course's cache is dropped by revalidateCourse, here reached through the
  // page's own version check (/courses/{code}/live?v=…), as it is after a change on another
  // app instance.
  const [, code] = await openCourses(projectOffset());
  const before = await courseRow(code);
  await openCourse(page, code);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(before.title);
  const edited = `${before.title}（地點異動）`;
  await sql(`UPDATE "Course" SET "title" = $2, "venue" = '臺北市信義區新地點路2號', "updatedAt" = now() WHERE "code" = $1`, [code, edited]);
  try {
    // The page on screen learns that the course changed and offers to reload…
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    await expect(page.getByTestId("stale-notice")).toContainText("開課單位剛更新了課程資料");
    await expectNoAxeViolations(page);
    // …and the next request renders the page afresh.
    await page.getByRole("button", { name: "重新整理" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(edited);
    await expect(page.getByRole("main")).toContainText("臺北市信義區新地點路2號");
    await expect(page.getByTestId("stale-notice")).toHaveCount(0);
    const res = await request.get(`/courses/${code}`);
    expect(await res.text()).toContain(edited);
  } finally {
    await sql(`UPDATE "Course" SET "title" = $2, "venue" = $3, "updatedAt" = now() WHERE "code" = $1`, [code, before.title, before.venue]);
  }
});

test("follow and unfollow: a signed-out visitor signs in and comes back; 已追蹤課程 lists and unfollows", async ({ page }) => {
  const username = test.info().project.name === "phone" ? "t004902" : "t004901";
  const code = FIXTURE_COURSES.opensLater;
  const row = await courseRow(code);
  await sql(`DELETE FROM "Follow" WHERE "userId" = (SELECT "id" FROM "User" WHERE "username" = $1)`, [username]);

  await openCourse(page, code);
  await page.getByRole("link", { name: "加入追蹤" }).click();
  await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=%2Fcourses%2F${code}$`));
  await signInThroughPage(page, "教師個人帳號", username);
  await expect(page).toHaveURL(new RegExp(`/courses/${code}$`));
  await expect(page.getByRole("region", { name: "線上報名" })).toHaveAttribute("data-live", "live", { timeout: 20_000 });

  await page.getByRole("button", { name: "加入追蹤" }).click();
  await expect(page.getByText("已加入追蹤，可在「已追蹤課程」查看。")).toBeVisible();
  await expect(page.getByRole("button", { name: "取消追蹤" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "取消追蹤" })).toBeVisible();
  expect(await sql(`SELECT 1 FROM "Follow" f JOIN "User" u ON u."id" = f."userId" WHERE u."username" = $1`, [username])).toHaveLength(1);
  await expectNoAxeViolations(page);

  await page.goto("/me/following");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("已追蹤課程");
  const card = page.getByRole("article", { name: row.title });
  await expect(card).toContainText("尚未開放報名");
  await expect(card).toContainText(`課程代碼 ${code}`);
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await card.getByRole("button", { name: "取消追蹤" }).click();
  await expect(card.getByText("已取消追蹤。")).toBeVisible();
  await expect(card.getByRole("button", { name: "重新加入追蹤" })).toBeVisible();
  await page.reload();
  await expect(page.getByText("您目前沒有追蹤任何課程。")).toBeVisible();
  expect(await sql(`SELECT 1 FROM "Follow" f JOIN "User" u ON u."id" = f."userId" WHERE u."username" = $1`, [username])).toHaveLength(0);
});

test("the viewer's own state: a teacher's registration; business accounts get no follow button", async ({ page }) => {
  await page.goto("/login");
  await signInThroughPage(page, "教師個人帳號", "teacher");
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  await openCourse(page, FIXTURE_COURSES.openManual);
  await expect(page.getByTestId("my-registration")).toContainText("您的報名：待審核");
  await expect(page.getByRole("link", { name: "查看我的報名" })).toHaveAttribute("href", `/courses/${FIXTURE_COURSES.openManual}/register`);
  await expectNoAxeViolations(page);

  await page.context().clearCookies();
  await page.goto("/login");
  await signInThroughPage(page, "業務帳號", "organizer");
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  await openCourse(page, FIXTURE_COURSES.openManual);
  await expect(page.getByRole("button", { name: /追蹤/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /追蹤/ })).toHaveCount(0);
  await expect(page.getByTestId("my-registration")).toHaveCount(0);
});

test("readable without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const cspProblems = await watchContentSecurityPolicy(context);
  const page = await context.newPage();
  const code = FIXTURE_COURSES.openManual;
  const row = await courseRow(code);
  const res = await page.goto(`/courses/${code}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(row.title);
  await expect(page.getByRole("main")).toContainText(row.description);
  await expect(page.getByRole("main")).toContainText(row.venue);
  await expect(page.getByTestId("registration-message")).toContainText("開放線上報名中");
  await expect(page.getByRole("link", { name: "查看即時名額" })).toHaveAttribute("href", `/courses/${code}/register`);
  await expect(page.getByRole("link", { name: "線上報名專區" })).toBeVisible();
  await expect(page.getByRole("button", { name: "加入追蹤" })).toBeVisible();
  expect(cspProblems()).toEqual([]);
  await context.close();
});

test("sitemap index and parts list the published courses; robots.txt keeps crawlers out of personal pages", async ({ request, page }) => {
  const index = await (await request.get("/sitemap.xml")).text();
  const partUrls = [...index.matchAll(/<loc>([^<]+\/sitemaps\/courses\/\d+\.xml)<\/loc>/g)].map((m) => m[1]);
  expect(partUrls.length).toBeGreaterThan(0);
  const listed = new Map<string, string>();
  for (const url of partUrls) {
    const xml = await (await request.get(new URL(url).pathname)).text();
    const urls = [...xml.matchAll(/<url><loc>[^<]+\/courses\/(\d+)<\/loc><lastmod>([^<]+)<\/lastmod><\/url>/g)];
    expect(urls.length).toBeLessThanOrEqual(50_000);
    for (const [, code, lastmod] of urls) listed.set(code, lastmod);
  }
  const published = await sql<{ code: string; updatedAt: string }>(
    `SELECT "code", to_char("updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt" FROM "Course" WHERE "status" = 'PUBLISHED'`,
  );
  expect(listed.size).toBe(published.length);
  for (const c of published) expect(listed.get(c.code)).toBe(c.updatedAt);
  expect(listed.has(FIXTURE_COURSES.draft)).toBe(false);

  const robots = await (await request.get("/robots.txt")).text();
  for (const path of ["/me", "/manage", "/region", "/account", "/login"]) expect(robots).toContain(`Disallow: ${path}\n`);
  expect(robots).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);

  // Personal and management pages also carry noindex.
  for (const path of ["/login", "/me/following"]) {
    await page.goto(path);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  }
});
