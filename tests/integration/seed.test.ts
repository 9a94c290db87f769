/**
 * @jest-environment node
 */
import { Client } from "pg";
import { useTestDatabase } from "../support/database";
import { seedDemoData, DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/seed/index";
import { signIn } from "@/lib/auth/sign-in";
import { isValidNationalId } from "@/lib/people/national-id-format";
import { decryptNationalId } from "@/lib/people/national-id";

const database = useTestDatabase();
const SIZE = { seed: 7, today: "2026-09-01", courses: 1000, teachers: 300, units: 60, log: () => {} };

/** A digest of everything the generator decides (not random IVs or insert times). */
async function digest(): Promise<string> {
  const c = new Client({ connectionString: database.url() });
  await c.connect();
  try {
    const q = async (sql: string) => JSON.stringify((await c.query(sql)).rows);
    const parts = await Promise.all([
      q(`SELECT md5(string_agg(concat_ws('|', id, code, name, county, stage), ',' ORDER BY id)) FROM "Unit"`),
      q(`SELECT md5(string_agg(concat_ws('|', id, username, name, role, "unitId", "positionType", "nationalIdHash", "passwordHash"), ',' ORDER BY id)) FROM "User"`),
      q(`SELECT md5(string_agg(concat_ws('|', id, code, title, "classType", category, "startDate", "endDate", hours, capacity, "approvedCount", "waitlistedCount", "activeCount", status, "registrationOpensAt", "registrationClosesAt", eligibility, "admissionMode", array_to_string(tags, '/'), array_to_string("formFields", '/')), ',' ORDER BY id)) FROM "Course"`),
      q(`SELECT md5(string_agg(concat_ws('|', id, "courseId", "userId", status, answers::text, "registeredAt"), ',' ORDER BY id)) FROM "Registration"`),
      q(`SELECT md5(string_agg(concat_ws('|', "userId", "courseId", hours, "schoolYear"), ',' ORDER BY id)) FROM "TrainingRecord"`),
    ]);
    return parts.join("\n");
  } finally {
    await c.end();
  }
}

describe("demo data", () => {
  test("the same seed and date give the same data; a re-run without --force keeps it", async () => {
    const first = await seedDemoData(database.url(), { ...SIZE, force: true });
    expect(first.skipped).toBe(false);
    const a = await digest();
    const again = await seedDemoData(database.url(), { ...SIZE });
    expect(again.skipped).toBe(true);
    await seedDemoData(database.url(), { ...SIZE, force: true });
    expect(await digest()).toEqual(a);
    await seedDemoData(database.url(), { ...SIZE, seed: 8, force: true });
    expect(await digest()).not.toEqual(a);
  }, 120_000);

  test("seat counters agree with the registrations, national IDs decrypt to valid numbers, demo accounts sign in", async () => {
    await seedDemoData(database.url(), { ...SIZE, force: true });
    const c = new Client({ connectionString: database.url() });
    await c.connect();
    try {
      const wrong = await c.query(`
        SELECT c.code FROM "Course" c
        LEFT JOIN LATERAL (
          SELECT count(*) FILTER (WHERE status = 'APPROVED') AS a,
                 count(*) FILTER (WHERE status = 'WAITLISTED') AS w,
                 count(*) FILTER (WHERE status IN ('PENDING','APPROVED','WAITLISTED')) AS act
          FROM "Registration" r WHERE r."courseId" = c.id) r ON true
        WHERE c."approvedCount" <> r.a OR c."waitlistedCount" <> r.w OR c."activeCount" <> r.act`);
      expect(wrong.rows).toEqual([]);
      const statuses = (await c.query(`SELECT DISTINCT status::text AS status FROM "Registration" ORDER BY 1`)).rows.map((r) => r.status);
      expect(statuses).toEqual(["APPROVED", "CANCELLED", "PENDING", "REJECTED", "WAITLISTED"]);
      const counties = (await c.query(`SELECT count(DISTINCT county)::int AS n FROM "Unit"`)).rows[0].n;
      expect(counties).toBe(22);
      const ids = (await c.query(`SELECT "nationalIdCipher" AS cipher, "nationalIdKeyId" AS "keyId" FROM "User" WHERE "nationalIdCipher" IS NOT NULL LIMIT 50`)).rows;
      expect(ids.length).toBeGreaterThan(0);
      for (const row of ids) expect(isValidNationalId(decryptNationalId(row))).toBe(true);
    } finally {
      await c.end();
    }
    for (const account of DEMO_ACCOUNTS) {
      const kind = account.role === "TEACHER" ? "teacher" : "business";
      const r = await signIn({ accountKind: kind, username: account.username, password: DEMO_PASSWORD }, `192.0.2.${account.username.length}`);
      expect(r).toMatchObject({ ok: true, actor: { role: account.role } });
    }
    const generated = await signIn({ accountKind: "teacher", username: "t000042", password: DEMO_PASSWORD }, "192.0.2.99");
    expect(generated).toMatchObject({ ok: true });
  }, 120_000);
});
