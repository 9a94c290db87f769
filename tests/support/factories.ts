import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/generated/prisma/enums";

/** Small builders of rows for integration tests. */
let counter = 0;
const next = () => ++counter;

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "Passw0rd-test";
function passwordHash() {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
}

export async function createUnit(overrides: Partial<{ name: string; county: string; code: string }> = {}) {
  const n = next();
  return db.unit.create({
    data: {
      code: overrides.code ?? String(100000 + n),
      name: overrides.name ?? `臺北市立測試${n}國民中學`,
      county: overrides.county ?? "臺北市",
      stage: "JUNIOR_HIGH",
    },
  });
}

export async function createUser(role: Role, overrides: Partial<{ username: string; unitId: number; regionCounties: string[]; name: string }> = {}) {
  const n = next();
  const unitId = overrides.unitId ?? (role === "REGION_ADMIN" ? undefined : (await createUnit()).id);
  return db.user.create({
    data: {
      username: overrides.username ?? `${role.toLowerCase()}${n}`,
      passwordHash: await passwordHash(),
      role,
      name: overrides.name ?? `測試使用者${n}`,
      email: `user${n}@example.edu.tw`,
      unitId,
      positionType: role === "TEACHER" ? "QUALIFIED_FULL_TIME" : undefined,
      regionCounties: overrides.regionCounties ?? (role === "REGION_ADMIN" ? ["臺北市"] : []),
    },
  });
}

export function actorOf(u: { id: number; role: Role; name: string; unitId: number | null; regionCounties: string[] }): Actor {
  return { id: u.id, role: u.role, name: u.name, unitId: u.unitId, regionCounties: u.regionCounties };
}

export async function createCourse(organizerId: number, overrides: Partial<Parameters<typeof db.course.create>[0]["data"]> = {}) {
  const n = next();
  return db.course.create({
    data: {
      code: String(8000000 + n),
      title: `測試研習${n}`,
      classType: "NON_CREDIT",
      category: "一般研習",
      subjectPath: "國中 / 教學 / 數學領域",
      schoolYear: 115,
      semester: 1,
      startDate: new Date("2026-12-20"),
      endDate: new Date("2026-12-20"),
      timeSlot: "WEEKDAY_DAYTIME",
      venue: "臺北市中正區測試路1號",
      venueCounty: "臺北市",
      hours: 3,
      description: "測試用課程。",
      audience: "全國教師",
      classCount: 1,
      seatsPerClass: 30,
      capacity: 30,
      organizerId,
      contactName: "承辦人",
      contactPhone: "02-12345678",
      contactEmail: "contact@example.edu.tw",
      status: "PUBLISHED",
      ...overrides,
    } as Parameters<typeof db.course.create>[0]["data"],
  });
}

/** Many teachers at once (for concurrency tests). */
export async function createTeachers(n: number, unitId?: number) {
  const unit = unitId ?? (await createUnit()).id;
  const start = next();
  counter += n;
  const hash = await passwordHash();
  await db.user.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      username: `bulk${start}-${i}`,
      passwordHash: hash,
      role: "TEACHER" as const,
      name: `王測${i}`,
      email: `bulk${start}-${i}@example.edu.tw`,
      unitId: unit,
      positionType: "QUALIFIED_FULL_TIME" as const,
    })),
  });
  const users = await db.user.findMany({ where: { username: { startsWith: `bulk${start}-` } }, orderBy: { id: "asc" } });
  return users.map(actorOf);
}

/** A published course whose online registration is open now. */
export async function createOpenCourse(organizerId: number, overrides: Partial<Parameters<typeof db.course.create>[0]["data"]> = {}) {
  const day = 86400_000;
  return createCourse(organizerId, {
    onlineRegistration: true,
    registrationOpensAt: new Date(Date.now() - day),
    registrationClosesAt: new Date(Date.now() + 7 * day),
    startDate: new Date(new Date(Date.now() + 14 * day).toISOString().slice(0, 10)),
    endDate: new Date(new Date(Date.now() + 14 * day).toISOString().slice(0, 10)),
    formFields: [],
    ...overrides,
  });
}
