/**
 * @jest-environment node
 */
import { useTestDatabase } from "../support/database";
import { db } from "@/lib/db";
import { listMyRegistrations } from "@/lib/registrations/list-my-registrations";
import { listMyTrainingRecords } from "@/lib/people/list-my-training-records";
import { taipeiToday } from "@/lib/format/date";
import { actorOf, createCourse, createTeachers, createUnit, createUser } from "../support/factories";
import type { Actor } from "@/lib/auth/actor";
import type { RegistrationStatus } from "@/generated/prisma/enums";

useTestDatabase();

const DAY = 86400_000;
/** A calendar date `offset` days from today (Taipei), at UTC midnight as course dates are stored. */
const dayFromToday = (offset: number) => new Date(new Date(`${taipeiToday()}T00:00:00Z`).getTime() + offset * DAY);
const iso = (d: Date) => d.toISOString().slice(0, 10);

async function register(t: Actor, courseId: number, status: RegistrationStatus, decisionNote?: string) {
  return db.registration.create({ data: { courseId, userId: t.id, status, decisionNote } });
}

describe("個人報名記錄", () => {
  let me: Actor;
  let other: Actor;
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    const unit = await createUnit({ name: "臺北市立報名記錄國民中學" });
    [me, other] = await createTeachers(2);
    const make = async (key: string, start: number, end: number, extra: object = {}) => {
      const c = await createCourse(unit.id, { title: `研習-${key}`, startDate: dayFromToday(start), endDate: dayFromToday(end), contactEmail: `${key}@school.edu.tw`, ...extra });
      codes[key] = c.code;
      return c;
    };
    const past = await make("past", -40, -40);
    const pastDone = await make("pastDone", -30, -29);
    const now = await make("now", -1, 1);
    const soon = await make("soon", 5, 5);
    const later = await make("later", 60, 61);
    const cancelledCourse = await make("cancelledCourse", 10, 10, { status: "CANCELLED" });
    const iCancelled = await make("iCancelled", 20, 20);
    await register(me, past.id, "REJECTED", "名額已滿，優先錄取本校教師");
    await register(me, pastDone.id, "APPROVED");
    await db.trainingRecord.create({ data: { userId: me.id, courseId: pastDone.id, hours: 6, schoolYear: 115, completedOn: dayFromToday(-29) } });
    await register(me, now.id, "APPROVED");
    await register(me, soon.id, "PENDING", "note for pending is not shown");
    await register(me, later.id, "WAITLISTED");
    await register(me, cancelledCourse.id, "APPROVED");
    await register(me, iCancelled.id, "CANCELLED");
    // Someone else's registrations never show up.
    await register(other, soon.id, "APPROVED");
    await register(other, (await make("othersOnly", 3, 3)).id, "APPROVED");
  });

  test("lists only the teacher's own registrations, newest course first, with the portal's columns", async () => {
    const r = await listMyRegistrations(me, {});
    expect(r.total).toBe(7);
    expect(r.rows.map((x) => x.code)).toEqual(["later", "iCancelled", "cancelledCourse", "soon", "now", "pastDone", "past"].map((k) => codes[k]));
    expect(r.rows.map((x) => x.code)).not.toContain(codes.othersOnly);
    const rejected = r.rows.find((x) => x.code === codes.past)!;
    expect(rejected).toMatchObject({
      title: "研習-past",
      organizerName: "臺北市立報名記錄國民中學",
      contactEmail: "past@school.edu.tw",
      status: "REJECTED",
      statusLabel: "審核不通過",
      decisionNote: "名額已滿，優先錄取本校教師",
      courseStateLabel: "研習已結束",
      startDate: iso(dayFromToday(-40)),
    });
    const state = Object.fromEntries(r.rows.map((x) => [x.code, x.courseStateLabel]));
    expect(state[codes.pastDone]).toBe("已完成研習");
    expect(state[codes.now]).toBe("研習進行中");
    expect(state[codes.soon]).toBe("已報名研習");
    expect(state[codes.cancelledCourse]).toBe("課程已取消");
    expect(state[codes.iCancelled]).toBe("已取消報名");
    // The decision note is shown with 審核不通過 only.
    expect(r.rows.find((x) => x.code === codes.soon)!.decisionNote).toBeNull();

    const theirs = await listMyRegistrations(other, {});
    expect(theirs.rows.map((x) => x.code).sort()).toEqual([codes.soon, codes.othersOnly].sort());
    expect(theirs.rows.find((x) => x.code === codes.soon)!.status).toBe("APPROVED");
  });

  test("filters by course dates (a course meeting the range) and by status; bad values are ignored", async () => {
    const range = await listMyRegistrations(me, { from: iso(dayFromToday(0)), to: iso(dayFromToday(10)) });
    expect(range.rows.map((x) => x.code).sort()).toEqual([codes.now, codes.soon, codes.cancelledCourse].sort());
    const backwards = await listMyRegistrations(me, { from: iso(dayFromToday(10)), to: iso(dayFromToday(0)) });
    expect(backwards.total).toBe(3);
    expect(backwards.query).toMatchObject({ from: iso(dayFromToday(0)), to: iso(dayFromToday(10)) });

    const approved = await listMyRegistrations(me, { status: "APPROVED" });
    expect(approved.rows.map((x) => x.code).sort()).toEqual([codes.pastDone, codes.now, codes.cancelledCourse].sort());
    const both = await listMyRegistrations(me, { status: ["WAITLISTED"], from: iso(dayFromToday(30)) });
    expect(both.rows.map((x) => x.code)).toEqual([codes.later]);

    const junk = await listMyRegistrations(me, { from: "2025-02-30", to: "yesterday", status: "DELETED", page: "-3" });
    expect(junk.total).toBe(7);
    expect(junk.query).toMatchObject({ from: undefined, to: undefined, status: undefined, page: 1 });
  });

  test("the home page's list: courses not yet ended, not cancelled by the teacher nor refused, soonest first", async () => {
    const r = await listMyRegistrations(me, { scope: "upcoming", status: "REJECTED" });
    expect(r.rows.map((x) => x.code)).toEqual([codes.now, codes.soon, codes.cancelledCourse, codes.later]);
  });

  test("the home page's 即將參加的研習 leaves out courses the teacher was not admitted to (審核不通過)", async () => {
    const unit = await createUnit();
    const [t] = await createTeachers(1);
    const admitted = await createCourse(unit.id, { startDate: dayFromToday(7), endDate: dayFromToday(7) });
    const refused = await createCourse(unit.id, { startDate: dayFromToday(3), endDate: dayFromToday(3) });
    await register(t, admitted.id, "APPROVED");
    await register(t, refused.id, "REJECTED", "非本研習參加對象");
    expect((await listMyRegistrations(t, { scope: "upcoming" })).rows.map((x) => x.code)).toEqual([admitted.code]);
    // 個人報名記錄 still shows the refusal and its reason.
    expect((await listMyRegistrations(t, {})).rows.map((x) => x.code).sort()).toEqual([admitted.code, refused.code].sort());
  });

  test("pages of 50", async () => {
    const unit = await createUnit();
    const [busy] = await createTeachers(1);
    for (let i = 0; i < 52; i++) {
      const c = await createCourse(unit.id, { startDate: dayFromToday(i), endDate: dayFromToday(i) });
      await register(busy, c.id, "PENDING");
    }
    const p1 = await listMyRegistrations(busy, {});
    expect(p1).toMatchObject({ total: 52, page: 1, pageCount: 2 });
    expect(p1.rows).toHaveLength(50);
    const p2 = await listMyRegistrations(busy, { page: "2" });
    expect(p2.rows).toHaveLength(2);
    expect(new Set([...p1.rows, ...p2.rows].map((x) => x.code)).size).toBe(52);
    // Beyond the last page: the last page.
    expect((await listMyRegistrations(busy, { page: "9" })).page).toBe(2);
  });

  test("only teachers", async () => {
    await expect(listMyRegistrations(null, {})).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(listMyRegistrations(actorOf(await createUser("ORGANIZER")), {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listMyRegistrations(actorOf(await createUser("REGION_ADMIN")), {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("個人研習記錄", () => {
  test("completed courses grouped by ROC school year, newest first, with each year's total and the overall total", async () => {
    const unit = await createUnit({ name: "臺北市立研習記錄國民小學" });
    const [me, other] = await createTeachers(2);
    const add = async (t: Actor, schoolYear: number, hours: number, date: string, extra: object = {}) => {
      const c = await createCourse(unit.id, { startDate: new Date(date), endDate: new Date(date), hours, ...extra });
      await db.trainingRecord.create({ data: { userId: t.id, courseId: c.id, hours, schoolYear, completedOn: new Date(date) } });
      return c;
    };
    await add(me, 113, 3, "2024-09-10");
    await add(me, 114, 6, "2025-08-20");
    await add(me, 114, 1.5, "2026-01-15");
    const credit = await add(me, 114, 10.5, "2026-03-01", { classType: "CREDIT", credits: 2 });
    await add(other, 114, 99, "2026-03-02");

    const r = await listMyTrainingRecords(me);
    expect(r.count).toBe(4);
    expect(r.totalHours).toBe(21);
    expect(r.years.map((y) => [y.schoolYear, y.totalHours, y.records.length])).toEqual([
      [114, 18, 3],
      [113, 3, 1],
    ]);
    expect(r.years[0].records[0]).toMatchObject({ code: credit.code, classTypeLabel: "學分班", credits: 2, hours: 10.5, organizerName: "臺北市立研習記錄國民小學", completedOn: "2026-03-01" });
    expect(r.years[0].records[2]).toMatchObject({ classTypeLabel: "非學分班（一般研習）" });

    const theirs = await listMyTrainingRecords(other);
    expect(theirs).toMatchObject({ count: 1, totalHours: 99 });
  });

  test("none yet, and only teachers", async () => {
    const [t] = await createTeachers(1);
    expect(await listMyTrainingRecords(t)).toEqual({ years: [], totalHours: 0, count: 0 });
    await expect(listMyTrainingRecords(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(listMyTrainingRecords(actorOf(await createUser("ORGANIZER")))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
