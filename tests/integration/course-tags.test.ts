/**
 * @jest-environment node
 */
// 專案屬性標籤 as one managed list: the data migration that merged the duplicates, the course
// form (use case and JSON API) refusing a tag outside the list, and the tag facets' counts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { useTestDatabase } from "../support/database";
import { actorOf, createCourse, createUnit, createUser } from "../support/factories";
import { validCourseInput } from "./course-manage-input";
import type { Actor } from "@/lib/auth/actor";

const mockSession: { actor: Actor | null } = { actor: null };
jest.mock("@/lib/auth/session", () => ({ getActor: async () => mockSession.actor }));
jest.mock("next/cache", () => ({
  unstable_cache: (fn: (...a: unknown[]) => Promise<unknown>) => fn,
  revalidateTag: jest.fn(),
  revalidatePath: jest.fn(),
}));

import { db } from "@/lib/db";
import { createCourse as createCourseUseCase } from "@/lib/courses/create-course";
import { canonicalTag, canonicalTags, TAG_VOCABULARY } from "@/lib/courses/tags";
import { allDocumentBatches } from "@/lib/search/documents";
import { PostgresSearchIndex } from "@/lib/search/postgres-index";
import * as manageCoursesApi from "@/app/api/manage/courses/route";

const database = useTestDatabase();

const MIGRATIONS = path.join(__dirname, "../../prisma/migrations");
const MIGRATION = path.join(MIGRATIONS, "20261207082656_canonical_course_tags", "migration.sql");

/** Runs the migration's script again, as the migrator does: one script, one transaction. */
async function applyTagMigration(): Promise<void> {
  const c = new Client({ connectionString: database.url() });
  await c.connect();
  try {
    await c.query(`BEGIN;\n${readFileSync(MIGRATION, "utf8")}\nCOMMIT;`);
  } finally {
    await c.end();
  }
}

/** What lib/courses/tags.ts makes of a stored list: listed tags by name, unlisted ones as written, once each, in order. */
function expectedTags(tags: string[]): string[] {
  return [...new Set(tags.filter((t) => t.trim()).map((t) => canonicalTag(t) ?? t.trim()))];
}

let organizerUnitId: number;
let organizer: Actor;
beforeAll(async () => {
  const unit = await createUnit();
  organizerUnitId = unit.id;
  organizer = actorOf(await createUser("ORGANIZER", { unitId: unit.id }));
});

describe("the data migration merges duplicate and alias tags", () => {
  test("every course's tags become the tags' names, once each, in order; unlisted tags stay; only changed courses are touched", async () => {
    const cases: string[][] = [
      ["性平教育", "性別平等教育"],
      ["性別平等教育", "環境教育", "性平教育"],
      ["特教", "數學教育", "特殊教育", "數學教育"],
      ["性平 教育", "性平教育\u3000", "兩性平等教育"],
      ["資訊教育", "數位學習"],
      ["本土語文", "台灣文學"],
      [],
    ];
    const before = new Date("2026-01-01T00:00:00Z");
    const courses = [];
    for (const tags of cases) courses.push(await createCourse(organizerUnitId, { tags, updatedAt: before }));
    await applyTagMigration();
    const after = await db.course.findMany({ where: { id: { in: courses.map((c) => c.id) } }, select: { id: true, tags: true, updatedAt: true } });
    const byId = new Map(after.map((c) => [c.id, c]));
    const got = courses.map((c) => byId.get(c.id)!.tags);
    expect(got).toEqual([
      ["性別平等教育"],
      ["性別平等教育", "環境教育"],
      ["特殊教育", "數學教育"],
      ["性別平等教育"],
      ["資訊教育", "數位學習"],
      ["本土語言", "台灣文學"],
      [],
    ]);
    // The same table of cases through lib/courses/tags.ts gives the same answers.
    expect(got).toEqual(cases.map(expectedTags));
    // A changed course is newer (so the search index is rebuilt at start-up); an unchanged one is not.
    const touched = courses.map((c) => byId.get(c.id)!.updatedAt.getTime() > before.getTime());
    expect(touched).toEqual([true, true, true, true, false, true, false]);
  });

  test("every name and alias of the list as it was when the migration was written maps as lib/courses/tags.ts maps it", async () => {
    const spellings = TAG_VOCABULARY.flatMap((t) => [t.name, ...t.aliases]);
    const course = await createCourse(organizerUnitId, { tags: spellings });
    await applyTagMigration();
    const { tags } = await db.course.findUniqueOrThrow({ where: { id: course.id }, select: { tags: true } });
    // A failure here means the list has a spelling no migration merges: add a migration for it.
    expect(tags).toEqual(canonicalTags(spellings));
    expect(tags).toEqual(TAG_VOCABULARY.map((t) => t.name));
  });

  test("running it again changes nothing", async () => {
    const course = await createCourse(organizerUnitId, { tags: ["性平教育", "數學教育"] });
    await applyTagMigration();
    const once = await db.course.findUniqueOrThrow({ where: { id: course.id } });
    await applyTagMigration();
    const twice = await db.course.findUniqueOrThrow({ where: { id: course.id } });
    expect(twice.tags).toEqual(["性別平等教育", "數學教育"]);
    expect(twice.updatedAt).toEqual(once.updatedAt);
  });
});

describe("the course form takes tags from the list only", () => {
  test("an alias is saved as its tag, once", async () => {
    const { code } = await createCourseUseCase(organizer, validCourseInput({ tags: ["性平教育", "性別平等教育", "特教"] }));
    expect((await db.course.findUniqueOrThrow({ where: { code } })).tags).toEqual(["性別平等教育", "特殊教育"]);
  });

  test("a tag outside the list is refused with a Chinese message on the tags field, and nothing is saved", async () => {
    const count = await db.course.count();
    await expect(createCourseUseCase(organizer, validCourseInput({ tags: ["環境教育", "數學教育"] }))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { tags: ["「數學教育」不在專案屬性標籤清單中，請從清單中勾選"] },
    });
    expect(await db.course.count()).toBe(count);
  });

  test("the JSON API says the same (400, the field's message)", async () => {
    mockSession.actor = organizer;
    const res = await manageCoursesApi.POST(
      new Request("http://localhost:3000/api/manage/courses", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000" },
        body: JSON.stringify(validCourseInput({ tags: ["自創標籤"] })),
      }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.fieldErrors.tags).toEqual(["「自創標籤」不在專案屬性標籤清單中，請從清單中勾選"]);
    const ok = await manageCoursesApi.POST(
      new Request("http://localhost:3000/api/manage/courses", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000" },
        body: JSON.stringify(validCourseInput({ tags: "性平教育、閱讀教育" as unknown as string[] })),
      }),
    );
    expect(ok.status).toBe(201);
    const { course } = await ok.json();
    expect((await db.course.findUniqueOrThrow({ where: { code: course.code } })).tags).toEqual(["性別平等教育", "閱讀教育"]);
  });
});

describe("tag facets", () => {
  test("count the public courses of the index per tag, as SELECT count(*) does", async () => {
    const unit = await createUnit({ county: "新北市" });
    const spread: [string[], "PUBLISHED" | "CANCELLED" | "DRAFT" | "SUBMITTED"][] = [
      [["性別平等教育"], "PUBLISHED"],
      [["性別平等教育", "環境教育"], "PUBLISHED"],
      [["性別平等教育"], "CANCELLED"],
      [["性別平等教育", "閱讀教育"], "DRAFT"],
      [["環境教育"], "SUBMITTED"],
      [["閱讀教育", "資訊教育"], "PUBLISHED"],
    ];
    for (const [tags, status] of spread) await createCourse(unit.id, { tags, status });
    const index = new PostgresSearchIndex();
    await index.rebuild(allDocumentBatches());
    const facets = await index.facets();
    const rows = await db.$queryRawUnsafe<{ name: string; count: number }[]>(
      `SELECT t.name, count(*)::int AS count FROM "Course" c, unnest(c.tags) AS t(name)
       WHERE c.status IN ('PUBLISHED', 'CANCELLED') GROUP BY t.name`,
    );
    expect(Object.fromEntries(facets.tags.map((t) => [t.name, t.count]))).toEqual(Object.fromEntries(rows.map((r) => [r.name, r.count])));
    expect(facets.tags.find((t) => t.name === "環境教育")?.count).toBeGreaterThanOrEqual(1);
    const counts = facets.tags.map((t) => t.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

describe("GET /api/tags", () => {
  test("lists the managed tags in order with their aliases and counts of public courses", async () => {
    const { GET } = await import("@/app/api/tags/route");
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const { tags } = (await res.json()) as { tags: { name: string; aliases: string[]; count: number }[] };
    expect(tags.map((t) => t.name)).toEqual(TAG_VOCABULARY.map((t) => t.name));
    expect(tags.find((t) => t.name === "性別平等教育")?.aliases).toContain("性平教育");
    const rows = await db.$queryRawUnsafe<{ name: string; count: number }[]>(
      `SELECT t.name, count(*)::int AS count FROM "Course" c, unnest(c.tags) AS t(name)
       WHERE c.status IN ('PUBLISHED', 'CANCELLED') GROUP BY t.name`,
    );
    const expected = new Map(rows.map((r) => [r.name, r.count]));
    expect(Object.fromEntries(tags.map((t) => [t.name, t.count]))).toEqual(Object.fromEntries(TAG_VOCABULARY.map((t) => [t.name, expected.get(t.name) ?? 0])));
    expect(tags.find((t) => t.name === "性別平等教育")!.count).toBeGreaterThan(0);
  });
});
