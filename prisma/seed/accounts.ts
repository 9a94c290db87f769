// The fixed parts of the demo data that other code (README, tests, demos) refers to by name.
// No dependencies: safe to import from anywhere, including browser-side test helpers.

/** The password of every demo account (demo data only). */
export const DEMO_PASSWORD = "inservice2026";

/** The named school the fixture courses belong to. */
export const DEMO_SCHOOL = {
  code: "999001",
  name: "臺北市立示範國民中學",
  county: "臺北市",
  stage: "JUNIOR_HIGH",
} as const;

export type DemoAccount = {
  username: string;
  role: "TEACHER" | "ORGANIZER" | "REGION_ADMIN";
  name: string;
  /** The account's unit, when it is fixed (the `teacher` account's school depends on the seed). */
  unitName?: string;
  /** One line, in Chinese, for the README and the sign-in page. */
  description: string;
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: "teacher",
    role: "TEACHER",
    name: "林雅婷",
    description: "一般學校的教師：已有待審核、正取、備取、不錄取、已取消的報名，追蹤的課程與研習時數記錄",
  },
  {
    username: "schoolteacher",
    role: "TEACHER",
    name: "陳冠宇",
    unitName: DEMO_SCHOOL.name,
    description: "臺北市立示範國民中學的教師：可報名僅限校內教師的研習",
  },
  {
    username: "organizer",
    role: "ORGANIZER",
    name: "張淑芬",
    unitName: DEMO_SCHOOL.name,
    description: "臺北市立示範國民中學的承辦人：管理示範研習、審核報名、登錄出席與時數",
  },
  {
    username: "region",
    role: "REGION_ADMIN",
    name: "黃志明",
    description: "北區區管中心（臺北市、新北市、基隆市、宜蘭縣、金門縣、連江縣）：審核送審課程、管理單位與帳號",
  },
];

/** The counties the `region` demo account covers (北區). */
export const DEMO_REGION_COUNTIES = ["臺北市", "新北市", "基隆市", "宜蘭縣", "金門縣", "連江縣"] as const;

/** Generated teacher accounts: t000001 … */
export function teacherUsername(n: number): string {
  return `t${String(n).padStart(6, "0")}`;
}

/** Organizer accounts: org + unit code (a second one per unit gets the suffix -2). */
export function organizerUsername(unitCode: string, index = 1): string {
  return index === 1 ? `org${unitCode}` : `org${unitCode}-${index}`;
}

/**
 * Fixture courses (all organised by 臺北市立示範國民中學), by what they are for. Their dates
 * are relative to the seed's `today`.
 */
export const FIXTURE_COURSES = {
  /** Registration open now, manual review, registrations in every status (teacher: PENDING). */
  openManual: "9000001",
  /** Registration open now, automatic admission, capacity 100, no registrations (rush benchmark). */
  openAutomatic: "9000002",
  /** Registration open now, automatic admission, capacity 5, full, waitlist at its limit (3). */
  fullAutomatic: "9000003",
  /** Registration open now, only teachers of 臺北市立示範國民中學 may register. */
  ownUnitOnly: "9000004",
  /** Published; registration opens in 7 days. */
  opensLater: "9000005",
  /** Registration closed yesterday, course in 5 days (teacher: REJECTED). */
  closed: "9000006",
  /** Published without online registration (未提供線上報名). */
  noOnline: "9000007",
  /** Cancelled by the organizer. */
  cancelled: "9000008",
  /** Ended 20 days ago; attendance recorded; training record for `teacher`. */
  pastCompleted: "9000009",
  /** Registration open now, the form asks for every field (teacher: CANCELLED, may re-register). */
  everyField: "9000010",
  /** Submitted, waiting for 區管中心 approval (the `region` account can approve it). */
  submitted: "9000011",
  /** Draft returned by 區管中心 with a note. */
  draft: "9000012",
} as const;

export type FixtureCourseName = keyof typeof FIXTURE_COURSES;
