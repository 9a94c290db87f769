/**
 * @jest-environment node
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { applyMigrations, checkMigrations, createMigration } from "../../scripts/db/migrate";

const adminUrl = process.env.TEST_PG_ADMIN_URL!;
const scratch = `mig_scratch_${process.env.JEST_WORKER_ID ?? "1"}`;
const scratchUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${scratch}`;
  return u.toString();
})();

async function admin(sql: string) {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  await admin(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${scratch}"`);
});
afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
});

describe("migrations", () => {
  test("apply cleanly to an empty database, then apply nothing the second time", async () => {
    const applied = await applyMigrations(scratchUrl);
    expect(applied.length).toBeGreaterThan(0);
    expect(applied[0]).toMatch(/^\d{14}_init$/);
    expect(await applyMigrations(scratchUrl)).toEqual([]);

    const c = new Client({ connectionString: scratchUrl });
    await c.connect();
    try {
      const tables = (await c.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.tablename);
      for (const t of ["Unit", "User", "Course", "Registration", "RegistrationEvent", "Follow", "SavedSearch", "TrainingRecord", "IdempotencyRecord", "_prisma_migrations"]) {
        expect(tables).toContain(t);
      }
      const checks = (await c.query(`SELECT conname FROM pg_constraint WHERE contype = 'c'`)).rows.map((r) => r.conname);
      expect(checks).toEqual(expect.arrayContaining(["course_approved_within_capacity", "course_capacity_is_classes_times_seats", "course_code_is_numeric"]));
      const recorded = await c.query(`SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`);
      expect(recorded.rows[0].n).toBe(applied.length);
    } finally {
      await c.end();
    }
  });

  test("the committed schema has no change without a migration", async () => {
    expect(await checkMigrations()).toBeNull();
  });

  test("a schema change is detected, and creating its migration makes the check pass", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "mig-"));
    try {
      cpSync(path.resolve(__dirname, "../../prisma"), dir, { recursive: true });
      const paths = { schemaFile: path.join(dir, "schema.prisma"), migrationsDir: path.join(dir, "migrations") };
      expect(await createMigration("nothing", paths)).toBeNull();
      const schema = readFileSync(paths.schemaFile, "utf8").replace("model Setting {", "model Setting {\n  note String?");
      writeFileSync(paths.schemaFile, schema);
      expect(await checkMigrations(paths)).toMatch(/ALTER TABLE "Setting" ADD COLUMN\s+"note"/);
      const folder = await createMigration("add_note", paths);
      expect(folder).toMatch(/^\d{14}_add_note$/);
      expect(await checkMigrations(paths)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
