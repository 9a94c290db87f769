/**
 * @jest-environment node
 */
import { useTestDatabase } from "../support/database";
import { createCourse, createUnit } from "../support/factories";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { GET as sitemapIndex } from "@/app/sitemap.xml/route";
import { GET as coursePart } from "@/app/sitemaps/courses/[part]/route";
import { GET as pagesPart } from "@/app/sitemaps/pages.xml/route";
import robots from "@/app/robots";
import { listSitemapParts } from "@/lib/seo/list-sitemap-parts";
import { listSitemapCourses } from "@/lib/seo/list-sitemap-courses";
import { MAX_URLS_PER_SITEMAP, SITEMAP_NS } from "@/lib/seo/sitemap-xml";

useTestDatabase();

const SITE = "https://inservice.example.tw";
beforeAll(() => {
  process.env.SITE_URL = SITE;
  resetEnvForTests();
});
beforeEach(async () => {
  await db.course.deleteMany();
});

/** The <loc>/<lastmod> pairs of a sitemap or sitemap index. */
function entries(xml: string, tag: "url" | "sitemap") {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  expect(xml).toContain(`xmlns="${SITEMAP_NS}"`);
  return [...xml.matchAll(new RegExp(`<${tag}>(.*?)</${tag}>`, "g"))].map(([, inner]) => ({
    loc: /<loc>(.*?)<\/loc>/.exec(inner)?.[1],
    lastmod: /<lastmod>(.*?)<\/lastmod>/.exec(inner)?.[1],
  }));
}

const part = (name: string) => coursePart(new Request(`${SITE}/sitemaps/courses/${name}`), { params: Promise.resolve({ part: name }) });

async function seedCourses() {
  const unit = await createUnit();
  const published = [];
  for (let i = 0; i < 7; i++) {
    published.push(await createCourse(unit.id, { code: `74000${10 + i}`, updatedAt: new Date(Date.UTC(2026, 10, 1 + i, 3)) }));
  }
  await createCourse(unit.id, { code: "7400090", status: "DRAFT" });
  await createCourse(unit.id, { code: "7400091", status: "SUBMITTED" });
  await createCourse(unit.id, { code: "7400092", status: "CANCELLED" });
  return published;
}

test("the sitemap index lists the public pages and the course sitemaps, whose parts hold exactly the published courses with lastmod", async () => {
  const published = await seedCourses();
  const indexRes = await sitemapIndex();
  expect(indexRes.status).toBe(200);
  expect(indexRes.headers.get("content-type")).toContain("application/xml");
  const index = entries(await indexRes.text(), "sitemap");
  expect(index).toEqual([
    { loc: `${SITE}/sitemaps/pages.xml`, lastmod: undefined },
    { loc: `${SITE}/sitemaps/courses/1.xml`, lastmod: "2026-11-07T03:00:00.000Z" },
  ]);

  const res = await part("1.xml");
  expect(res.status).toBe(200);
  const urls = entries(await res.text(), "url");
  expect(urls).toEqual(published.map((c) => ({ loc: `${SITE}/courses/${c.code}`, lastmod: c.updatedAt.toISOString() })));

  const pages = entries(await (await pagesPart()).text(), "url").map((u) => u.loc);
  expect(pages).toEqual(expect.arrayContaining([`${SITE}/`, `${SITE}/courses`, `${SITE}/courses/map`, `${SITE}/courses/advanced`, `${SITE}/courses/organizers`]));
  expect(pages.some((p) => /\/(me|manage|region|login|account)/.test(p!))).toBe(false);

  expect((await part("2.xml")).status).toBe(404);
  expect((await part("0.xml")).status).toBe(404);
  expect((await part("1")).status).toBe(404);
});

test("parts hold at most the limit each, every published course once, and stay put as courses are added", async () => {
  const published = await seedCourses();
  const size = 3;
  const parts = await listSitemapParts(size);
  expect(parts.length).toBeGreaterThan(1);
  const seen: string[] = [];
  for (const p of parts) {
    const courses = await listSitemapCourses(p.part, size);
    expect(courses.length).toBe(p.count);
    expect(courses.length).toBeLessThanOrEqual(size);
    expect(p.lastmod).toBe(courses.map((c) => c.lastmod).sort().at(-1));
    seen.push(...courses.map((c) => c.code));
  }
  expect(seen.sort()).toEqual(published.map((c) => c.code).sort());

  // Part n is the id range ((n−1)·size, n·size]: a new course never moves the others.
  const unit = await createUnit();
  await createCourse(unit.id, { code: "7400100" });
  const after = await listSitemapParts(size);
  for (const p of parts.slice(0, -1)) expect(after.find((a) => a.part === p.part)?.count).toBe(p.count);
  expect(after.reduce((n, p) => n + p.count, 0)).toBe(published.length + 1);
  expect(MAX_URLS_PER_SITEMAP).toBe(50_000);
});

test("a cancelled course leaves the sitemap; a newly published one joins it", async () => {
  await seedCourses();
  await db.course.update({ where: { code: "7400010" }, data: { status: "CANCELLED" } });
  await db.course.update({ where: { code: "7400091" }, data: { status: "PUBLISHED", publishedAt: new Date() } });
  const locs = entries(await (await part("1.xml")).text(), "url").map((u) => u.loc);
  expect(locs).not.toContain(`${SITE}/courses/7400010`);
  expect(locs).toContain(`${SITE}/courses/7400091`);
});

test("robots.txt allows the public pages, disallows personal and management pages, and names the sitemap", () => {
  const r = robots();
  const rules = Array.isArray(r.rules) ? r.rules : [r.rules];
  expect(rules).toHaveLength(1);
  expect(rules[0]).toMatchObject({ userAgent: "*", allow: "/" });
  expect(rules[0].disallow).toEqual(expect.arrayContaining(["/me", "/manage", "/region", "/account", "/login", "/api/", "/courses/*/register", "/courses/*/live"]));
  expect(rules[0].disallow).not.toContain("/courses");
  expect(r.sitemap).toBe(`${SITE}/sitemap.xml`);
});
