// Demo data: generate (pure, deterministic) and write (encrypting national IDs), once per
// seed. The Setting row `demoSeed` records what is in the database, so a second run with the
// same seed and sizes does nothing unless forced.
import { createHash } from "node:crypto";
import { hashPassword } from "../../lib/auth/password";
import { DEMO_PASSWORD } from "./accounts";
import { DEFAULT_SIZES, generateDemoData, parseDay } from "./generate";
import { connect, writeDemoData } from "./write";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SCHOOL, FIXTURE_COURSES, teacherUsername } from "./accounts";
export type { DemoAccount, FixtureCourseName } from "./accounts";
export { generateDemoData } from "./generate";
export type { DemoData, GenerateOptions } from "./generate";
export { truncateAll, writeDemoData } from "./write";

export const DEMO_SEED_SETTING = "demoSeed";

export type SeedOptions = {
  seed?: number;
  /** YYYY-MM-DD; defaults to today in Asia/Taipei. */
  today?: string;
  courses?: number;
  teachers?: number;
  units?: number;
  /** Regenerate even when the same seed and sizes are already present. */
  force?: boolean;
  log?: (line: string) => void;
};

export type DemoSeedSetting = {
  seed: number;
  courses: number;
  teachers: number;
  units: number;
  today: string;
  generatedAt: string;
};

export type SeedResult = { skipped: boolean; setting: DemoSeedSetting | null };

/** Today's date in Asia/Taipei, as YYYY-MM-DD. */
export function todayInTaipei(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Taipei", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** A fixed 16-byte salt per seed, so the demo password hash is the same on every run. */
export function demoPasswordSalt(seed: number): Uint8Array {
  return new Uint8Array(createHash("sha256").update(`inservice-demo-password:${seed}`).digest().subarray(0, 16));
}

async function readSetting(databaseUrl: string): Promise<DemoSeedSetting | null> {
  const client = await connect(databaseUrl);
  try {
    const exists = await client.query<{ ok: boolean }>(`SELECT to_regclass('"Setting"') IS NOT NULL AS ok`);
    if (!exists.rows[0]?.ok) return null;
    const { rows } = await client.query<{ value: DemoSeedSetting }>(`SELECT "value" FROM "Setting" WHERE "key" = $1`, [
      DEMO_SEED_SETTING,
    ]);
    return rows[0]?.value ?? null;
  } finally {
    await client.end();
  }
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

/**
 * Fills the database with the demo data of `seed` (all earlier data in the model tables is
 * removed first), unless the same seed and sizes are already there and `force` is not set.
 * Reads the national-ID keys from the environment (lib/env.ts).
 */
export async function seedDemoData(databaseUrl: string, options: SeedOptions = {}): Promise<SeedResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const seed = options.seed ?? 1;
  const courses = options.courses ?? DEFAULT_SIZES.courses;
  const teachers = options.teachers ?? DEFAULT_SIZES.teachers;
  const units = options.units ?? DEFAULT_SIZES.units;
  const today = options.today ?? todayInTaipei();
  parseDay(today); // fail early on a malformed date
  for (const [name, value] of Object.entries({ seed, courses, teachers, units })) {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer, got ${value}`);
  }

  const present = await readSetting(databaseUrl);
  if (
    !options.force &&
    present &&
    present.seed === seed &&
    present.courses === courses &&
    (present.teachers ?? DEFAULT_SIZES.teachers) === teachers &&
    (present.units ?? DEFAULT_SIZES.units) === units
  ) {
    log(
      `Demo data already present (seed ${seed}, ${count(courses)} courses, generated ${present.generatedAt} for ${present.today}); use --force to regenerate`,
    );
    return { skipped: true, setting: present };
  }

  const started = Date.now();
  log(`Generating demo data (seed ${seed}, today ${today}, ${count(courses)} courses, ${count(teachers)} teachers, ${count(units)} units) …`);
  let t = Date.now();
  const data = generateDemoData({ seed, today, courses, teachers, units });
  log(
    `  generated ${count(data.units.length)} units, ${count(data.users.length)} users, ${count(data.courses.length)} courses, ` +
      `${count(data.registrations.length)} registrations, ${count(data.registrationEvents.length)} registration events, ` +
      `${count(data.follows.length)} follows, ${count(data.trainingRecords.length)} training records in ${seconds(t)} s`,
  );

  t = Date.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD, demoPasswordSalt(seed));
  log(`  hashed the demo password in ${seconds(t)} s`);

  // One transaction: the tables are emptied, filled and marked together, or not at all.
  log("Writing (the previous data stays until this succeeds) …");
  const setting: DemoSeedSetting = { seed, courses, teachers, units, today, generatedAt: new Date().toISOString() };
  await writeDemoData(databaseUrl, data, {
    passwordHash,
    log,
    replaceExisting: true,
    settings: { [DEMO_SEED_SETTING]: setting },
  });
  log(`Demo data ready in ${seconds(started)} s (seed ${seed}). Demo accounts use the password ${DEMO_PASSWORD}.`);
  return { skipped: false, setting };
}
