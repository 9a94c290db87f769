/**
 * @jest-environment node
 */
import { useTestDatabase } from "../support/database";
import { db } from "@/lib/db";
import { enrol } from "@/lib/registrations/enrol";
import { cancelRegistration } from "@/lib/registrations/cancel";
import { getRegistrationArea } from "@/lib/registrations/get-registration-area";
import { hashNationalId, decryptNationalId } from "@/lib/people/national-id";
import { actorOf, createOpenCourse, createTeachers, createUnit, createUser } from "../support/factories";

useTestDatabase();
const day = 86400_000;

async function counters(code: string) {
  const c = await db.course.findUniqueOrThrow({ where: { code }, select: { id: true, approvedCount: true, waitlistedCount: true, activeCount: true } });
  const rows = await db.registration.groupBy({ by: ["status"], where: { courseId: c.id }, _count: true });
  const by = Object.fromEntries(rows.map((r) => [r.status, r._count]));
  return { ...c, rows: by };
}

describe("enrol: manual review", () => {
  test("a new registration waits for review; enrolling again returns it unchanged", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id);
    const [t] = await createTeachers(1);
    const first = await enrol(t, { code: course.code });
    expect(first).toMatchObject({ status: "PENDING", created: true });
    const second = await enrol(t, { code: course.code });
    expect(second).toMatchObject({ status: "PENDING", created: false, registeredAt: first.registeredAt });
    expect(await db.registrationEvent.count({ where: { registration: { courseId: course.id } } })).toBe(1);
    expect(await counters(course.code)).toMatchObject({ approvedCount: 0, waitlistedCount: 0, activeCount: 1 });
  });

  test("closes when registrations that still count reach capacity + waitlist limit", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id, { classCount: 1, seatsPerClass: 2, capacity: 2, waitlistLimit: 1 });
    const ts = await createTeachers(4);
    for (const t of ts.slice(0, 3)) expect((await enrol(t, { code: course.code })).status).toBe("PENDING");
    await expect(enrol(ts[3], { code: course.code })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("額滿") });
    // A cancellation frees a place.
    await cancelRegistration(ts[0], { code: course.code, confirm: true });
    expect((await enrol(ts[3], { code: course.code })).status).toBe("PENDING");
  });
});

describe("enrol: automatic admission (先到先得)", () => {
  test("the first `capacity` are approved, the next are waitlisted up to the limit, then it is full", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id, { classCount: 1, seatsPerClass: 3, capacity: 3, admissionMode: "AUTOMATIC", waitlistLimit: 2 });
    const ts = await createTeachers(6);
    const statuses = [];
    for (const t of ts.slice(0, 5)) statuses.push((await enrol(t, { code: course.code })).status);
    expect(statuses).toEqual(["APPROVED", "APPROVED", "APPROVED", "WAITLISTED", "WAITLISTED"]);
    await expect(enrol(ts[5], { code: course.code })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await counters(course.code)).toMatchObject({ approvedCount: 3, waitlistedCount: 2, activeCount: 5, rows: { APPROVED: 3, WAITLISTED: 2 } });
  });

  test("when an approved teacher cancels, the first waitlisted is approved in the same transaction, and the trail says so", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id, { classCount: 1, seatsPerClass: 1, capacity: 1, admissionMode: "AUTOMATIC", waitlistLimit: 2 });
    const [a, b, c] = await createTeachers(3);
    await enrol(a, { code: course.code });
    await enrol(b, { code: course.code });
    await enrol(c, { code: course.code });
    expect(await cancelRegistration(a, { code: course.code, confirm: true })).toMatchObject({ changed: true });
    const regs = await db.registration.findMany({ where: { courseId: course.id }, orderBy: { id: "asc" }, select: { userId: true, status: true, id: true } });
    expect(regs.map((r) => r.status)).toEqual(["CANCELLED", "APPROVED", "WAITLISTED"]);
    const promoted = await db.registrationEvent.findFirstOrThrow({ where: { registrationId: regs[1].id, toStatus: "APPROVED" } });
    expect(promoted).toMatchObject({ fromStatus: "WAITLISTED", actorId: null });
    expect(await counters(course.code)).toMatchObject({ approvedCount: 1, waitlistedCount: 1, activeCount: 2 });
  });

  test("in manual review, a cancellation promotes nobody", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id, { classCount: 1, seatsPerClass: 1, capacity: 1, waitlistLimit: 2 });
    const [a, b] = await createTeachers(2);
    await enrol(a, { code: course.code });
    await enrol(b, { code: course.code });
    await cancelRegistration(a, { code: course.code, confirm: true });
    expect((await db.registration.findMany({ where: { courseId: course.id }, orderBy: { id: "asc" } })).map((r) => r.status)).toEqual(["CANCELLED", "PENDING"]);
  });
});

describe("cancel", () => {
  test("needs confirmation; cancelling nothing succeeds and changes nothing; re-registering after cancelling works", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id);
    const [t] = await createTeachers(1);
    expect(await cancelRegistration(t, { code: course.code, confirm: true })).toMatchObject({ changed: false, status: null });
    await enrol(t, { code: course.code });
    await expect(cancelRegistration(t, { code: course.code, confirm: false })).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await cancelRegistration(t, { code: course.code, confirm: true })).toMatchObject({ changed: true });
    expect(await cancelRegistration(t, { code: course.code, confirm: true })).toMatchObject({ changed: false, status: "CANCELLED" });
    expect(await enrol(t, { code: course.code })).toMatchObject({ status: "PENDING", created: true });
    const events = await db.registrationEvent.findMany({ where: { registration: { courseId: course.id } }, orderBy: { id: "asc" } });
    expect(events.map((e) => `${e.fromStatus ?? "-"}>${e.toStatus}`)).toEqual(["->PENDING", "PENDING>CANCELLED", "CANCELLED>PENDING"]);
    expect(await counters(course.code)).toMatchObject({ activeCount: 1 });
  });

  test("after the course has started, cancelling online is refused with a way forward", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id, { startDate: new Date(Date.now() + 3 * day), endDate: new Date(Date.now() + 3 * day) });
    const [t] = await createTeachers(1);
    await enrol(t, { code: course.code });
    await expect(cancelRegistration(t, { code: course.code, confirm: true }, { now: new Date(Date.now() + 4 * day) })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("承辦人"),
    });
  });
});

describe("eligibility, decided on the server", () => {
  test("business accounts can never register", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id);
    for (const role of ["ORGANIZER", "REGION_ADMIN"] as const) {
      await expect(enrol(actorOf(await createUser(role)), { code: course.code })).rejects.toMatchObject({ code: "FORBIDDEN", message: "只有教師帳號可以報名研習" });
    }
    await expect(enrol(null, { code: course.code })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  test("own-unit-only courses accept only that unit's teachers", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id, { eligibility: "OWN_UNIT_ONLY" });
    const [outsider] = await createTeachers(1);
    const [insider] = await createTeachers(1, unit.id);
    await expect(enrol(outsider, { code: course.code })).rejects.toMatchObject({ code: "FORBIDDEN", message: "該課程僅提供校內教師報名" });
    expect(await enrol(insider, { code: course.code })).toMatchObject({ status: "PENDING" });
  });

  test("outside the window, without online registration, cancelled or unpublished: refused with the reason", async () => {
    const unit = await createUnit();
    const [t] = await createTeachers(1);
    const later = await createOpenCourse(unit.id, { registrationOpensAt: new Date(Date.now() + day) });
    await expect(enrol(t, { code: later.code })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("尚未開放報名") });
    const closed = await createOpenCourse(unit.id, { registrationClosesAt: new Date(Date.now() - 1000) });
    await expect(enrol(t, { code: closed.code })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("截止") });
    const none = await createOpenCourse(unit.id, { onlineRegistration: false });
    await expect(enrol(t, { code: none.code })).rejects.toMatchObject({ message: "未提供線上報名" });
    const cancelled = await createOpenCourse(unit.id, { status: "CANCELLED" });
    await expect(enrol(t, { code: cancelled.code })).rejects.toMatchObject({ message: expect.stringContaining("已取消") });
    const draft = await createOpenCourse(unit.id, { status: "DRAFT" });
    await expect(enrol(t, { code: draft.code })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(enrol(t, { code: "0000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the course's own form", () => {
  const ALL = ["jobTitle", "mobile", "subject", "schoolCategory", "meal", "lodging", "transport", "parking", "emergencyContact", "nationalId", "birthday"];
  const good = {
    jobTitle: "教師", mobile: "0912-345-678", subject: "數學", schoolCategory: "公立國民中學", meal: "素食", lodging: "不住宿",
    transport: "自行前往", parking: "需要", emergencyContactName: "王大明", emergencyContactPhone: "02-23456789", nationalId: "a123456789", birthday: "1985-04-23",
  };

  test("every field is required and checked; the messages name each field in Chinese", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id, { formFields: ALL });
    const [t] = await createTeachers(1);
    const err = await enrol(t, { code: course.code, answers: { mobile: "12345", nationalId: "A123456788", birthday: "2999-01-01" } }).catch((e) => e);
    expect(err).toMatchObject({ code: "VALIDATION" });
    expect(err.fieldErrors.mobile[0]).toContain("手機號碼格式不正確");
    expect(err.fieldErrors.nationalId[0]).toContain("身分證字號");
    expect(err.fieldErrors.birthday[0]).toContain("過去的日期");
    expect(err.fieldErrors.meal[0]).toBe("請選擇用餐類別");
    expect(err.fieldErrors.emergencyContactName[0]).toContain("緊急聯絡人");
    expect(await db.registration.count({ where: { courseId: course.id } })).toBe(0);
  });

  test("answers are stored normalised; the ID is encrypted with a lookup hash and never stored in the answers", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id, { formFields: ALL });
    const [t] = await createTeachers(1);
    await enrol(t, { code: course.code, answers: { ...good, extra: "ignored" } });
    const reg = await db.registration.findFirstOrThrow({ where: { courseId: course.id } });
    expect(reg.answers).toEqual({
      jobTitle: "教師", mobile: "0912345678", subject: "數學", schoolCategory: "公立國民中學", meal: "素食", lodging: "不住宿",
      transport: "自行前往", parking: "需要", emergencyContact: { name: "王大明", phone: "0223456789" }, birthday: "1985-04-23",
    });
    expect(JSON.stringify(reg)).not.toContain("A123456789");
    expect(reg.nationalIdHash).toBe(hashNationalId("A123456789"));
    expect(decryptNationalId({ cipher: reg.nationalIdCipher!, keyId: reg.nationalIdKeyId! })).toBe("A123456789");
  });

  test("the registration area prefills from the last answers, masks the stored ID and the public list", async () => {
    const unit = await createUnit();
    const first = await createOpenCourse(unit.id, { formFields: ALL });
    const second = await createOpenCourse(unit.id, { formFields: ["mobile", "meal", "nationalId"] });
    const [t, other] = await createTeachers(2);
    await enrol(t, { code: first.code, answers: good });
    const enc = await db.registration.findFirstOrThrow({ where: { courseId: first.id } });
    await db.user.update({ where: { id: t.id }, data: { nationalIdCipher: enc.nationalIdCipher, nationalIdKeyId: enc.nationalIdKeyId, nationalIdHash: enc.nationalIdHash } });
    const area = await getRegistrationArea(t, second.code);
    expect(area.prefill).toMatchObject({ mobile: "0912345678", meal: "素食" });
    expect(area.storedNationalIdMasked).toBe("A********9");
    expect(JSON.stringify(area)).not.toContain("A123456789");
    // Using the stored number: the browser never sends or receives it in full.
    expect(await enrol(t, { code: second.code, answers: { mobile: "0912345678", meal: "葷食", nationalIdUseProfile: "1" } })).toMatchObject({ created: true });
    const list = (await getRegistrationArea(other, second.code)).registrants;
    expect(list).toEqual([expect.objectContaining({ no: 1, maskedName: "王○0", isMine: false, status: "PENDING" })]);
    expect(JSON.stringify(list)).not.toMatch(/nationalId|answers|0912345678/);
    expect((await getRegistrationArea(t, second.code)).registrants[0].isMine).toBe(true);
  });
});
