/**
 * @jest-environment node
 */
import { useTestDatabase } from "../support/database";
import { createCourse, createUnit } from "../support/factories";

// Next's data cache only exists inside a Next server; here a small stand-in with the same
// contract (results keyed by key parts and arguments, kept as JSON, dropped by tag) shows what
// findCourse keeps and when it reads the database again. The e2e tests run the real cache.
const mockCacheStore = new Map<string, { json: string; tags: string[] }>();
jest.mock("next/cache", () => ({
  unstable_cache:
    (fn: (...a: unknown[]) => Promise<unknown>, keyParts: string[], options: { tags?: string[] } = {}) =>
    async (...args: unknown[]) => {
      const key = JSON.stringify([keyParts, args]);
      const hit = mockCacheStore.get(key);
      if (hit) return JSON.parse(hit.json);
      const value = await fn(...args);
      mockCacheStore.set(key, { json: JSON.stringify(value), tags: options.tags ?? [] });
      return value;
    },
  revalidateTag: jest.fn((tag: string) => {
    for (const [key, entry] of mockCacheStore) if (entry.tags.includes(tag)) mockCacheStore.delete(key);
  }),
  revalidatePath: jest.fn(),
}));

import { db } from "@/lib/db";
import { findCourse, secondsUntilWindowChange, SAFETY_REVALIDATE_SECONDS } from "@/lib/courses/find-course";
import { getCourseSeats } from "@/lib/courses/seats";
import { courseCacheTag, revalidateCourse } from "@/lib/courses/course-cache";

useTestDatabase();

beforeEach(() => mockCacheStore.clear());

describe("findCourse: the public data of a course page", () => {
  test("returns every field the page shows, dates as strings, organizer included", async () => {
    const unit = await createUnit({ name: "臺北市立測試國民中學", county: "臺北市" });
    await db.unit.update({ where: { id: unit.id }, data: { address: "臺北市中正區測試路1號", phone: "02-1234-5678" } });
    const created = await createCourse(unit.id, {
      code: "7100001",
      title: "素養導向評量工作坊",
      classType: "CREDIT",
      category: "工作坊",
      subjectPath: "國中 / 教學 / 數學領域",
      schoolYear: 115,
      semester: 1,
      startDate: new Date("2026-12-19"),
      endDate: new Date("2026-12-20"),
      timeSlot: "WEEKEND",
      venue: "臺北市中正區測試路1號（視聽教室）",
      venueCounty: "臺北市",
      hours: 6,
      credits: 2,
      description: "第一行\n第二行",
      audience: "國中數學教師",
      classCount: 2,
      seatsPerClass: 25,
      capacity: 50,
      fee: 1500,
      paymentMethod: "現場繳費",
      contactName: "王承辦",
      contactPhone: "02-1234-5678#12",
      contactEmail: "wang@example.edu.tw",
      tags: ["數學教育"],
      listedAt: new Date("2026-10-01T01:30:00Z"),
      registrationOpensAt: new Date("2026-11-01T00:00:00Z"),
      registrationClosesAt: new Date("2026-12-10T16:00:00Z"),
      eligibility: "OWN_UNIT_ONLY",
    });
    const c = await findCourse("7100001");
    expect(c).toMatchObject({
      code: "7100001",
      title: "素養導向評量工作坊",
      classType: "CREDIT",
      category: "工作坊",
      subjectPath: "國中 / 教學 / 數學領域",
      schoolYear: 115,
      semester: 1,
      startDate: "2026-12-19",
      endDate: "2026-12-20",
      timeSlot: "WEEKEND",
      venue: "臺北市中正區測試路1號（視聽教室）",
      venueCounty: "臺北市",
      hours: 6,
      credits: 2,
      description: "第一行\n第二行",
      audience: "國中數學教師",
      classCount: 2,
      seatsPerClass: 25,
      capacity: 50,
      fee: 1500,
      paymentMethod: "現場繳費",
      organizer: { code: unit.code, name: "臺北市立測試國民中學", county: "臺北市", address: "臺北市中正區測試路1號", phone: "02-1234-5678" },
      contactName: "王承辦",
      contactPhone: "02-1234-5678#12",
      contactEmail: "wang@example.edu.tw",
      tags: ["數學教育"],
      listedAt: "2026-10-01T01:30:00.000Z",
      registrationOpensAt: "2026-11-01T00:00:00.000Z",
      registrationClosesAt: "2026-12-10T16:00:00.000Z",
      onlineRegistration: true,
      eligibility: "OWN_UNIT_ONLY",
      status: "PUBLISHED",
      cancelledAt: null,
      cancelReason: null,
      updatedAt: created.updatedAt.toISOString(),
    });
    // A plain object that survives the cache unchanged.
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });

  test("a cancelled course stays readable and says why; a draft's note stays private", async () => {
    const unit = await createUnit();
    await createCourse(unit.id, { code: "7100002", status: "CANCELLED", statusNote: "講師因故無法出席", cancelledAt: new Date("2026-11-20T02:00:00Z") });
    await expect(findCourse("7100002")).resolves.toMatchObject({ status: "CANCELLED", cancelReason: "講師因故無法出席", cancelledAt: "2026-11-20T02:00:00.000Z" });
  });

  test("drafts, courses waiting for approval, unknown and malformed codes are NOT_FOUND", async () => {
    const unit = await createUnit();
    await createCourse(unit.id, { code: "7100003", status: "DRAFT", statusNote: "請補充內容" });
    await createCourse(unit.id, { code: "7100004", status: "SUBMITTED" });
    for (const code of ["7100003", "7100004", "7199999", "abc", "71000011234567", ""]) {
      await expect(findCourse(code)).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("找不到這門課程") });
    }
  });
});

describe("caching: an edit is visible on the next read", () => {
  test("the cached copy is used until revalidateCourse drops it", async () => {
    const unit = await createUnit();
    await createCourse(unit.id, { code: "7100010", title: "原本的名稱" });
    expect((await findCourse("7100010")).title).toBe("原本的名稱");
    expect([...mockCacheStore.values()].some((e) => e.tags.includes(courseCacheTag("7100010")))).toBe(true);

    // A change that leaves updatedAt as it was is only seen once the cache is dropped: proof
    // that reads come from the cache.
    await db.$executeRaw`UPDATE "Course" SET "title" = '改過的名稱' WHERE "code" = '7100010'`;
    expect((await findCourse("7100010")).title).toBe("原本的名稱");

    // What an edit use case does after saving (there is none yet: a later issue builds it).
    revalidateCourse("7100010");
    expect((await findCourse("7100010")).title).toBe("改過的名稱");
  });

  test("a change made elsewhere (newer updatedAt) is read afresh even if nobody revalidated", async () => {
    const unit = await createUnit();
    await createCourse(unit.id, { code: "7100011", title: "舊名稱" });
    await findCourse("7100011");
    // Prisma sets updatedAt on every update, as an edit on another app instance would.
    await db.course.update({ where: { code: "7100011" }, data: { title: "新名稱", venue: "新地點" } });
    const c = await findCourse("7100011");
    expect(c).toMatchObject({ title: "新名稱", venue: "新地點" });
  });

  test("cancelling is visible at once, and seats never come from the cache", async () => {
    const unit = await createUnit();
    await createCourse(unit.id, { code: "7100012", capacity: 30, seatsPerClass: 30 });
    await findCourse("7100012");
    await db.course.update({ where: { code: "7100012" }, data: { status: "CANCELLED", statusNote: "颱風停課", cancelledAt: new Date() } });
    await expect(findCourse("7100012")).resolves.toMatchObject({ status: "CANCELLED", cancelReason: "颱風停課" });

    await db.$executeRaw`UPDATE "Course" SET "approvedCount" = 12, "activeCount" = 12 WHERE "code" = '7100012'`;
    await expect(getCourseSeats("7100012")).resolves.toMatchObject({ capacity: 30, approvedCount: 12, seatsLeft: 18 });
    await db.$executeRaw`UPDATE "Course" SET "approvedCount" = 30, "activeCount" = 30 WHERE "code" = '7100012'`;
    await expect(getCourseSeats("7100012")).resolves.toMatchObject({ seatsLeft: 0 });
  });

  test("revalidateCourse outside a Next request (a job, a script) does not fail", async () => {
    const { revalidateTag } = jest.requireMock("next/cache") as { revalidateTag: jest.Mock };
    revalidateTag.mockImplementationOnce(() => {
      throw new Error("Invariant: static generation store missing in revalidateTag(course:1)");
    });
    expect(() => revalidateCourse("1")).not.toThrow();
    revalidateTag.mockImplementationOnce(() => {
      throw new Error("something else");
    });
    expect(() => revalidateCourse("1")).toThrow("something else");
  });
});

describe("secondsUntilWindowChange: when a cached page must be rendered again by the clock", () => {
  const now = new Date("2026-12-01T00:00:00Z");
  test("the next opening or closing within a day, else a day", () => {
    expect(secondsUntilWindowChange({ registrationOpensAt: new Date("2026-12-01T00:10:00Z"), registrationClosesAt: new Date("2026-12-09T00:00:00Z") }, now)).toBe(600);
    expect(secondsUntilWindowChange({ registrationOpensAt: new Date("2026-11-01T00:00:00Z"), registrationClosesAt: new Date("2026-12-01T02:00:00Z") }, now)).toBe(7200);
    expect(secondsUntilWindowChange({ registrationOpensAt: null, registrationClosesAt: null }, now)).toBe(SAFETY_REVALIDATE_SECONDS);
    expect(secondsUntilWindowChange({ registrationOpensAt: new Date("2026-12-20T00:00:00Z"), registrationClosesAt: null }, now)).toBe(SAFETY_REVALIDATE_SECONDS);
    expect(secondsUntilWindowChange({ registrationOpensAt: new Date("2026-12-01T00:00:00.200Z"), registrationClosesAt: null }, now)).toBe(1);
  });
});
