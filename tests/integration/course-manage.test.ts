/**
 * @jest-environment node
 */
// Course management by organizers: create, edit, submit, cancel — own unit only, with the
// capacity guard, the audit trail, and a published edit visible at once.
import { useTestDatabase } from "../support/database";
import { actorOf, createCourse, createOpenCourse, createTeachers, createUnit, createUser } from "../support/factories";
import { dayFromNow, validCourseInput } from "./course-manage-input";

// Next's data cache only exists inside a Next server: the same stand-in as course-find.test.ts
// (results kept as JSON, dropped by tag) shows that an edit reaches the course page at once.
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

import { revalidateTag } from "next/cache";
import { db } from "@/lib/db";
import { createCourse as createCourseUseCase } from "@/lib/courses/create-course";
import { updateCourse } from "@/lib/courses/update-course";
import { submitCourse } from "@/lib/courses/submit-course";
import { cancelCourse } from "@/lib/courses/cancel-course";
import { getCourseForEdit, getNewCourseDefaults } from "@/lib/courses/get-course-for-edit";
import { listUnitCourses } from "@/lib/courses/list-unit-courses";
import { getOrganizerHome } from "@/lib/courses/get-organizer-home";
import { findCourse } from "@/lib/courses/find-course";
import { enrol } from "@/lib/registrations/enrol";
import type { Actor } from "@/lib/auth/actor";
import { renderToStaticMarkup } from "react-dom/server";
import { OrganizerHome } from "@/components/manage/organizer-home";

useTestDatabase();

async function organizerOf(county = "臺北市") {
  const unit = await createUnit({ county });
  const user = await createUser("ORGANIZER", { unitId: unit.id });
  return { unit, actor: actorOf(user) };
}

async function auditOf(code: string) {
  const course = await db.course.findUniqueOrThrow({ where: { code }, select: { id: true } });
  return db.auditEvent.findMany({ where: { courseId: course.id }, orderBy: { id: "asc" } });
}

beforeEach(() => {
  mockCacheStore.clear();
  jest.mocked(revalidateTag).mockClear();
});

describe("createCourse", () => {
  test("creates a draft of the organizer's unit with a code from the sequence, capacity computed, audited", async () => {
    const { unit, actor } = await organizerOf();
    const a = await createCourseUseCase(actor, validCourseInput({ classCount: "2", seatsPerClass: "25" }));
    const b = await createCourseUseCase(actor, validCourseInput({ title: "第二門課程的名稱" }));
    expect(a.status).toBe("DRAFT");
    expect(Number(a.code)).toBeGreaterThanOrEqual(9100001);
    expect(Number(b.code)).toBeGreaterThan(Number(a.code));
    const row = await db.course.findUniqueOrThrow({ where: { code: a.code } });
    expect(row).toMatchObject({
      organizerId: unit.id, status: "DRAFT", capacity: 50, classCount: 2, seatsPerClass: 25, tags: ["資訊教育", "數位學習"],
      formFields: ["mobile", "meal"], approvedCount: 0, activeCount: 0, statusNote: null, submittedAt: null,
    });
    const [event] = await auditOf(a.code);
    expect(event).toMatchObject({ action: "course.create", actorId: actor.id });
    expect(event.detail).toMatchObject({ code: a.code, values: { title: "數位學習融入數學教學工作坊", capacity: 50 } });
    // A draft is not public.
    await expect(findCourse(a.code)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("registration times are Taipei time, 24-hour clock; without online registration no window or form is stored", async () => {
    const { actor } = await organizerOf();
    const start = dayFromNow(40);
    const { code } = await createCourseUseCase(actor, validCourseInput({ startDate: start, endDate: start, registrationOpensAt: `${dayFromNow(1)}T08:00`, registrationClosesAt: `${dayFromNow(20)}T17:30` }));
    const row = await db.course.findUniqueOrThrow({ where: { code } });
    expect(row.registrationOpensAt?.toISOString()).toBe(`${dayFromNow(1)}T00:00:00.000Z`);
    expect(row.registrationClosesAt?.toISOString()).toBe(`${dayFromNow(20)}T09:30:00.000Z`);

    const offline = await createCourseUseCase(actor, validCourseInput({ onlineRegistration: false }));
    expect(await db.course.findUniqueOrThrow({ where: { code: offline.code } })).toMatchObject({
      onlineRegistration: false, registrationOpensAt: null, registrationClosesAt: null, formFields: [],
    });
  });

  test("cross-field rules answer in Chinese, next to the field to change", async () => {
    const { actor } = await organizerOf();
    const start = dayFromNow(30);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ endDate: dayFromNow(29) }, "endDate", /結束日期不可早於開始日期/],
      [{ credits: "2" }, "credits", /非學分班不登錄學分/],
      [{ classType: "CREDIT", category: "教師在職進修學分班" }, "credits", /請填寫學分數/],
      [{ registrationClosesAt: `${dayFromNow(31)}T08:00` }, "registrationClosesAt", /不可晚於課程結束日期/],
      [{ registrationOpensAt: `${dayFromNow(10)}T08:00`, registrationClosesAt: `${dayFromNow(9)}T08:00` }, "registrationClosesAt", /須晚於報名開始時間/],
      [{ registrationOpensAt: "" }, "registrationOpensAt", /請填寫報名開始時間/],
      [{ schoolYear: "99" }, "schoolYear", /應為 \d+學年度/],
      [{ hours: "1.25" }, "hours", /0\.5 小時為單位/],
      [{ contactEmail: "not-an-email" }, "contactEmail", /電子郵件格式不正確/],
      [{ seatsPerClass: "0" }, "seatsPerClass", /至少為 1/],
      [{ formFields: ["meal", "shoeSize"] }, "formFields", /不認得/],
    ];
    for (const [overrides, field, message] of cases) {
      const input = validCourseInput({ startDate: start, endDate: start, ...overrides });
      await expect(createCourseUseCase(actor, input)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { [field]: [expect.stringMatching(message)] } });
    }
    // A course cannot start in the past.
    const past = dayFromNow(-3);
    await expect(
      createCourseUseCase(actor, validCourseInput({ startDate: past, endDate: past, registrationOpensAt: `${dayFromNow(-10)}T08:00`, registrationClosesAt: `${dayFromNow(-4)}T08:00` })),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { startDate: ["課程開始日期不可早於今天"] } });
    // A credit class with credits is fine; so is a 0.5-hour step and a full-width number.
    await expect(createCourseUseCase(actor, validCourseInput({ classType: "CREDIT", category: "教師在職進修學分班", credits: "２", hours: "1.5" }))).resolves.toMatchObject({ status: "DRAFT" });
  });

  test("only organizers with a unit may create", async () => {
    for (const role of ["TEACHER", "REGION_ADMIN"] as const) {
      await expect(createCourseUseCase(actorOf(await createUser(role)), validCourseInput())).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(createCourseUseCase(null, validCourseInput())).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const noUnit = await db.user.update({ where: { id: (await createUser("ORGANIZER")).id }, data: { unitId: null } });
    await expect(createCourseUseCase(actorOf(noUnit), validCourseInput())).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("尚未設定所屬單位") });
  });

  test("the new-course form starts from the unit's county and the organizer's contact", async () => {
    const { unit, actor } = await organizerOf("高雄市");
    const { unitName, values } = await getNewCourseDefaults(actor);
    expect(unitName).toBe(unit.name);
    expect(values).toMatchObject({ venueCounty: "高雄市", contactName: actor.name, onlineRegistration: true, eligibility: "ANY_TEACHER" });
  });
});

describe("updateCourse", () => {
  test("edits a draft: fields not given keep their value; the audit keeps what changed, from and to", async () => {
    const { actor } = await organizerOf();
    const { code } = await createCourseUseCase(actor, validCourseInput());
    const r = await updateCourse(actor, { code, title: "數位學習融入數學教學工作坊（進階）", seatsPerClass: "40" });
    expect(r).toMatchObject({ code, status: "DRAFT", promoted: 0 });
    expect(r.changed.sort()).toEqual(["capacity", "seatsPerClass", "title"]);
    expect(await db.course.findUniqueOrThrow({ where: { code } })).toMatchObject({ title: "數位學習融入數學教學工作坊（進階）", capacity: 40, venue: "臺北市中正區測試路1號 視聽教室" });
    const events = await auditOf(code);
    expect(events.map((e) => e.action)).toEqual(["course.create", "course.update"]);
    expect(events[1].detail).toMatchObject({ changes: { title: { from: "數位學習融入數學教學工作坊", to: "數位學習融入數學教學工作坊（進階）" }, capacity: { from: 30, to: 40 } } });
    // Saving the same again changes nothing and writes nothing.
    expect((await updateCourse(actor, { code, seatsPerClass: "40" })).changed).toEqual([]);
    expect(await auditOf(code)).toHaveLength(2);
    // The edit page gets the stored form back.
    const edit = await getCourseForEdit(actor, code);
    expect(edit.values).toMatchObject({ seatsPerClass: "40", title: "數位學習融入數學教學工作坊（進階）" });
    expect(edit.can).toEqual({ edit: true, submit: true, cancel: false });
  });

  test("another unit's organizer can neither read nor change the course", async () => {
    const { actor } = await organizerOf();
    const other = await organizerOf();
    const { code } = await createCourseUseCase(actor, validCourseInput());
    await expect(getCourseForEdit(other.actor, code)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateCourse(other.actor, { code, title: "被別人改掉的名稱" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(submitCourse(other.actor, { code })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateCourse(actor, { code: "9999998", title: "不存在的課程" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.course.findUniqueOrThrow({ where: { code } })).title).toBe("數位學習融入數學教學工作坊");
    expect((await listUnitCourses(other.actor)).rows).toEqual([]);
  });

  test("a course waiting for approval or cancelled cannot be edited", async () => {
    const { unit, actor } = await organizerOf();
    const submitted = await createCourse(unit.id, { status: "SUBMITTED" });
    const cancelled = await createCourse(unit.id, { status: "CANCELLED" });
    await expect(updateCourse(actor, { code: submitted.code, title: "送審中修改名稱" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("等待區管中心審核") });
    await expect(updateCourse(actor, { code: cancelled.code, title: "取消後修改名稱" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  test("a published course stays published and the change is on its page at once", async () => {
    const { unit, actor } = await organizerOf();
    const course = await createOpenCourse(unit.id, { title: "原本的研習名稱" });
    expect((await findCourse(course.code)).title).toBe("原本的研習名稱");
    const r = await updateCourse(actor, { code: course.code, title: "修改後的研習名稱", venue: "新北市板橋區新地點" });
    expect(r.status).toBe("PUBLISHED");
    expect(revalidateTag).toHaveBeenCalledWith(`course:${course.code}`, { expire: 0 });
    expect(await findCourse(course.code)).toMatchObject({ title: "修改後的研習名稱", venue: "新北市板橋區新地點", status: "PUBLISHED" });
  });

  test("capacity can never be cut below the teachers already approved", async () => {
    const { unit, actor } = await organizerOf();
    const course = await createOpenCourse(unit.id, { classCount: 2, seatsPerClass: 5, capacity: 10, admissionMode: "AUTOMATIC", waitlistLimit: 3 });
    for (const t of await createTeachers(4)) await enrol(t, { code: course.code });
    await expect(updateCourse(actor, { code: course.code, classCount: "1", seatsPerClass: "3" })).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("已有 4 位教師審核通過"),
      fieldErrors: { seatsPerClass: [expect.stringContaining("不可少於 4 人")] },
    });
    expect((await db.course.findUniqueOrThrow({ where: { code: course.code } })).capacity).toBe(10);
    // Exactly the approved number is fine.
    await expect(updateCourse(actor, { code: course.code, classCount: "1", seatsPerClass: "4" })).resolves.toMatchObject({ changed: expect.arrayContaining(["capacity"]) });
    expect(await db.course.findUniqueOrThrow({ where: { code: course.code } })).toMatchObject({ capacity: 4, approvedCount: 4 });
  });

  test("the waitlist limit cannot go below the teachers waitlisted; more seats on a 先到先得 course go to the waitlist at once", async () => {
    const { unit, actor } = await organizerOf();
    const course = await createOpenCourse(unit.id, { classCount: 1, seatsPerClass: 2, capacity: 2, admissionMode: "AUTOMATIC", waitlistLimit: 3 });
    const teachers = await createTeachers(5);
    for (const t of teachers) await enrol(t, { code: course.code });
    expect(await db.course.findUniqueOrThrow({ where: { code: course.code } })).toMatchObject({ approvedCount: 2, waitlistedCount: 3, activeCount: 5 });
    await expect(updateCourse(actor, { code: course.code, waitlistLimit: "2" })).rejects.toMatchObject({ fieldErrors: { waitlistLimit: [expect.stringContaining("已有 3 位備取")] } });

    const r = await updateCourse(actor, { code: course.code, seatsPerClass: "4" });
    expect(r.promoted).toBe(2);
    expect(await db.course.findUniqueOrThrow({ where: { code: course.code } })).toMatchObject({ capacity: 4, approvedCount: 4, waitlistedCount: 1, activeCount: 5 });
    const regs = await db.registration.findMany({ where: { course: { code: course.code } }, orderBy: { registeredAt: "asc" }, select: { status: true, id: true } });
    expect(regs.map((x) => x.status)).toEqual(["APPROVED", "APPROVED", "APPROVED", "APPROVED", "WAITLISTED"]);
    expect(await db.mailMessage.count({ where: { kind: "promotion", registrationId: { in: regs.map((x) => x.id) } } })).toBe(2);
    const promotedEvents = await db.registrationEvent.findMany({ where: { registrationId: { in: regs.map((x) => x.id) }, fromStatus: "WAITLISTED", toStatus: "APPROVED" } });
    expect(promotedEvents.map((e) => e.reason)).toEqual(["開課單位增加名額，備取自動遞補", "開課單位增加名額，備取自動遞補"]);
    expect((await auditOf(course.code)).at(-1)?.detail).toMatchObject({ promotedFromWaitlist: 2 });
  });
});

describe("submitCourse", () => {
  test("sends a draft to the 區管中心 and clears an earlier return reason (kept in the audit)", async () => {
    const { unit, actor } = await organizerOf();
    const course = await createCourse(unit.id, { status: "DRAFT", statusNote: "請補充講師資料", startDate: new Date(dayFromNow(30)), endDate: new Date(dayFromNow(30)), registrationClosesAt: new Date(Date.now() + 86400_000) });
    const r = await submitCourse(actor, { code: course.code });
    expect(r.status).toBe("SUBMITTED");
    const row = await db.course.findUniqueOrThrow({ where: { code: course.code } });
    expect(row).toMatchObject({ status: "SUBMITTED", statusNote: null });
    expect(row.submittedAt?.toISOString()).toBe(r.submittedAt);
    expect((await auditOf(course.code)).at(-1)).toMatchObject({ action: "course.submit", actorId: actor.id, detail: { previousReturnReason: "請補充講師資料" } });
    await expect(submitCourse(actor, { code: course.code })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("已經送審") });
  });

  test("a course whose start or registration deadline has passed must be fixed first", async () => {
    const { unit, actor } = await organizerOf();
    const past = await createCourse(unit.id, { status: "DRAFT", startDate: new Date(dayFromNow(-2)), endDate: new Date(dayFromNow(-2)) });
    await expect(submitCourse(actor, { code: past.code })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("開始日期已過") });
    const closed = await createCourse(unit.id, { status: "DRAFT", startDate: new Date(dayFromNow(20)), endDate: new Date(dayFromNow(20)), registrationClosesAt: new Date(Date.now() - 60_000) });
    await expect(submitCourse(actor, { code: closed.code })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("報名截止時間已過") });
  });
});

describe("cancelCourse", () => {
  test("cancels a published course with its reason; teachers whose registration counts are mailed; audited", async () => {
    const { unit, actor } = await organizerOf();
    const course = await createOpenCourse(unit.id, { classCount: 1, seatsPerClass: 1, capacity: 1, admissionMode: "AUTOMATIC", waitlistLimit: 1 });
    const [a, b, c] = await createTeachers(3);
    await enrol(a, { code: course.code });
    await enrol(b, { code: course.code });
    await expect(enrol(c, { code: course.code })).rejects.toMatchObject({ code: "CONFLICT" });

    await expect(cancelCourse(actor, { code: course.code, reason: "" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { reason: ["請填寫取消原因"] } });
    const r = await cancelCourse(actor, { code: course.code, reason: "講師因故無法出席，本研習取消" });
    expect(r).toMatchObject({ status: "CANCELLED", notified: 2 });
    expect(await db.course.findUniqueOrThrow({ where: { code: course.code } })).toMatchObject({ status: "CANCELLED", statusNote: "講師因故無法出席，本研習取消" });
    await expect(findCourse(course.code)).resolves.toMatchObject({ status: "CANCELLED", cancelReason: "講師因故無法出席，本研習取消" });
    const mails = await db.mailMessage.findMany({ where: { kind: "course-cancelled" }, orderBy: { id: "asc" } });
    expect(mails.map((m) => m.userId).sort()).toEqual([a.id, b.id].sort());
    expect(mails[0].subject).toContain("研習取消通知");
    expect(mails[0].text).toContain("取消原因：講師因故無法出席，本研習取消");
    expect((await auditOf(course.code)).at(-1)).toMatchObject({ action: "course.cancel", detail: { reason: "講師因故無法出席，本研習取消", notified: 2 } });
    await expect(cancelCourse(actor, { code: course.code, reason: "再取消一次的原因" })).rejects.toMatchObject({ code: "CONFLICT", message: "這門課程已經取消。" });
  });

  test("drafts and courses waiting for approval are not cancelled; other units' courses are refused", async () => {
    const { unit, actor } = await organizerOf();
    const draft = await createCourse(unit.id, { status: "DRAFT" });
    await expect(cancelCourse(actor, { code: draft.code, reason: "不開設這門課程了" })).rejects.toMatchObject({ code: "CONFLICT" });
    const other = await organizerOf();
    const published = await createCourse(unit.id);
    await expect(cancelCourse(other.actor, { code: published.code, reason: "不是我的課程" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.course.findUniqueOrThrow({ where: { code: published.code } })).status).toBe("PUBLISHED");
  });
});

describe("the organizer's list and home", () => {
  test("lists the unit's courses with state, 待審核 / 審核通過 / 備取 counts, filters and pages", async () => {
    const { unit, actor } = await organizerOf();
    const open = await createOpenCourse(unit.id, { title: "報名中的課程", startDate: new Date(dayFromNow(50)), endDate: new Date(dayFromNow(50)) });
    await createCourse(unit.id, { title: "退回的課程", status: "DRAFT", statusNote: "請補充課程內容", startDate: new Date(dayFromNow(40)), endDate: new Date(dayFromNow(40)) });
    await createCourse(unit.id, { title: "新草稿", status: "DRAFT", startDate: new Date(dayFromNow(30)), endDate: new Date(dayFromNow(30)) });
    await createCourse(unit.id, { title: "送審中的課程", status: "SUBMITTED", startDate: new Date(dayFromNow(20)), endDate: new Date(dayFromNow(20)) });
    const [t1, t2] = await createTeachers(2);
    await enrol(t1, { code: open.code });
    await enrol(t2, { code: open.code });

    const all = await listUnitCourses(actor);
    expect(all.counts).toEqual({ ALL: 4, DRAFT: 1, RETURNED: 1, SUBMITTED: 1, PUBLISHED: 1, CANCELLED: 0 });
    // The tabs add up to 全部: a returned draft is under 退回修正 only.
    const { ALL, ...tabs } = all.counts;
    expect(Object.values(tabs).reduce((a, b) => a + b, 0)).toBe(ALL);
    expect(all.rows.map((r) => r.title)).toEqual(["報名中的課程", "退回的課程", "新草稿", "送審中的課程"]);
    expect(all.rows[0]).toMatchObject({ pendingCount: 2, approvedCount: 0, activeRegistrations: 2 });
    expect(all.rows[1]).toMatchObject({ status: "DRAFT", statusNote: "請補充課程內容" });

    expect((await listUnitCourses(actor, { status: "RETURNED" })).rows.map((r) => r.title)).toEqual(["退回的課程"]);
    expect((await listUnitCourses(actor, { status: "DRAFT" })).rows.map((r) => r.title)).toEqual(["新草稿"]);
    const page2 = await listUnitCourses(actor, { pageSize: 3, page: 2 });
    expect(page2).toMatchObject({ page: 2, pageCount: 2, total: 4 });
    expect(page2.rows.map((r) => r.title)).toEqual(["送審中的課程"]);
    // Nonsense from the URL falls back to the defaults.
    expect(await listUnitCourses(actor, { status: "BOGUS", page: "x" })).toMatchObject({ filter: null, page: 1 });

    const home = await getOrganizerHome(actor);
    expect(home.returned).toEqual([expect.objectContaining({ title: "退回的課程", reason: "請補充課程內容" })]);
    expect(home.toReview).toEqual([expect.objectContaining({ code: open.code, pendingCount: 2 })]);
    expect(home.toReviewTotals).toEqual({ courses: 1, registrations: 2 });
    expect(home).toMatchObject({ draftCount: 1, submittedCount: 1 });
    expect(home.drafts.map((d) => d.title)).toEqual(["新草稿"]);

    // The home panel (an async server component) says the same.
    const html = renderToStaticMarkup(await OrganizerHome({ actor }));
    expect(html).toContain("區管中心退回 1 門課程");
    expect(html).toContain("退回原因：請補充課程內容");
    expect(html).toContain("1 門課程有 2 筆報名待審核");
    expect(html).toContain(`href="/manage/courses/${open.code}/registrations"`);
    expect(html).toContain("1 門草稿尚未送審");
  });

  test("the list and home refuse everyone but organizers", async () => {
    const teacher = actorOf(await createUser("TEACHER"));
    const region = actorOf(await createUser("REGION_ADMIN"));
    for (const who of [teacher, region, null] as (Actor | null)[]) {
      await expect(listUnitCourses(who)).rejects.toMatchObject({ code: who ? "FORBIDDEN" : "UNAUTHENTICATED" });
      await expect(getOrganizerHome(who)).rejects.toMatchObject({ code: who ? "FORBIDDEN" : "UNAUTHENTICATED" });
    }
  });
});
