/**
 * @jest-environment node
 */
import { useTestDatabase } from "../support/database";
import { db } from "@/lib/db";
import { enrol } from "@/lib/registrations/enrol";
import { cancelRegistration } from "@/lib/registrations/cancel";
import { reviewRegistrations } from "@/lib/registrations/review";
import { listRegistrationsForReview } from "@/lib/registrations/list-for-review";
import { revealNationalId } from "@/lib/registrations/reveal-national-id";
import { encryptNationalId } from "@/lib/people/national-id";
import { actorOf, createOpenCourse, createTeachers, createUnit, createUser } from "../support/factories";

useTestDatabase();

/** A course of a fresh unit, its organizer, and `n` teachers registered in order (PENDING, or per admission mode). */
async function setup(n: number, course: Parameters<typeof createOpenCourse>[1] = {}) {
  const unit = await createUnit();
  const organizer = actorOf(await createUser("ORGANIZER", { unitId: unit.id }));
  const c = await createOpenCourse(unit.id, { classCount: 1, seatsPerClass: 3, capacity: 3, waitlistLimit: 10, ...course });
  const teachers = await createTeachers(n);
  for (const t of teachers) await enrol(t, { code: c.code });
  const regs = await db.registration.findMany({ where: { courseId: c.id }, orderBy: { registeredAt: "asc" }, select: { id: true, userId: true } });
  return { unit, organizer, course: c, teachers, ids: regs.map((r) => r.id) };
}

/** The course's counters and what the rows say they should be. */
async function counters(courseId: number) {
  const c = await db.course.findUniqueOrThrow({ where: { id: courseId }, select: { approvedCount: true, waitlistedCount: true, activeCount: true } });
  const rows = await db.registration.findMany({ where: { courseId }, select: { status: true } });
  const n = (s: string) => rows.filter((r) => r.status === s).length;
  return { stored: c, fromRows: { approvedCount: n("APPROVED"), waitlistedCount: n("WAITLISTED"), activeCount: n("APPROVED") + n("WAITLISTED") + n("PENDING") } };
}

async function expectCountersRight(courseId: number) {
  const { stored, fromRows } = await counters(courseId);
  expect(stored).toEqual(fromRows);
  return stored;
}

const statusesOf = async (ids: number[]) =>
  (await db.registration.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" }, select: { id: true, status: true } })).map((r) => r.status);

describe("capacity guard", () => {
  test("備取 only within the course's waitlist: none without one, and no more than its room", async () => {
    const none = await setup(2, { waitlistLimit: 0 });
    await expect(reviewRegistrations(none.organizer, { code: none.course.code, ids: [none.ids[0]], decision: "WAITLISTED" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("沒有備取名額"),
    });
    expect(await statusesOf(none.ids)).toEqual(["PENDING", "PENDING"]);
    const two = await setup(4, { waitlistLimit: 2 });
    await reviewRegistrations(two.organizer, { code: two.course.code, ids: [two.ids[0]], decision: "WAITLISTED" });
    await expect(reviewRegistrations(two.organizer, { code: two.course.code, ids: [two.ids[1], two.ids[2]], decision: "WAITLISTED" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("還可備取 1 位"),
    });
    expect(await statusesOf(two.ids)).toEqual(["WAITLISTED", "PENDING", "PENDING", "PENDING"]);
    // One more still fits.
    await reviewRegistrations(two.organizer, { code: two.course.code, ids: [two.ids[1]], decision: "WAITLISTED" });
    expect((await counters(two.course.id)).stored.waitlistedCount).toBe(2);
  });

  test("approving more than the seats left approves none and says how many remain", async () => {
    const { organizer, course, ids } = await setup(5);
    await expect(reviewRegistrations(organizer, { code: course.code, ids, decision: "APPROVED" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("名額不足：尚餘 3 個名額，您選了 5 位。"),
    });
    expect(await statusesOf(ids)).toEqual(["PENDING", "PENDING", "PENDING", "PENDING", "PENDING"]);
    expect(await db.registrationEvent.count({ where: { registrationId: { in: ids }, actorId: organizer.id } })).toBe(0);
    expect(await db.mailMessage.count({ where: { registrationId: { in: ids } } })).toBe(0);

    const r = await reviewRegistrations(organizer, { code: course.code, ids: ids.slice(0, 2), decision: "APPROVED" });
    expect(r).toMatchObject({ changed: 2, unchanged: 0, seatsLeft: 1 });
    await expect(reviewRegistrations(organizer, { code: course.code, ids: ids.slice(1, 4), decision: "APPROVED" })).rejects.toMatchObject({
      message: expect.stringContaining("尚餘 1 個名額，您選了 2 位。"), // one of the three is already approved
    });
    expect(await reviewRegistrations(organizer, { code: course.code, ids: ids.slice(2, 3), decision: "APPROVED" })).toMatchObject({ changed: 1, seatsLeft: 0 });
    await expectCountersRight(course.id);
  });

  test("two organizers approving different sets at once never exceed capacity (repeated)", async () => {
    for (let round = 0; round < 15; round++) {
      const { unit, organizer, course, ids } = await setup(8, { seatsPerClass: 5, capacity: 5 });
      const second = actorOf(await createUser("ORGANIZER", { unitId: unit.id }));
      const a = ids.slice(0, 3);
      const b = ids.slice(3, 6);
      const results = await Promise.allSettled([
        reviewRegistrations(organizer, { code: course.code, ids: a, decision: "APPROVED" }),
        reviewRegistrations(second, { code: course.code, ids: b, decision: "APPROVED" }),
      ]);
      const ok = results.filter((r) => r.status === "fulfilled");
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(ok).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0].reason).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("名額不足：尚餘 2 個名額，您選了 3 位。") });
      const stored = await expectCountersRight(course.id);
      expect(stored.approvedCount).toBe(3);
    }
  }, 120_000);

  test("many organizers approving one at a time, all at once, fill exactly the capacity", async () => {
    const { organizer, course, ids } = await setup(12, { seatsPerClass: 4, capacity: 4 });
    const results = await Promise.allSettled(ids.map((id) => reviewRegistrations(organizer, { code: course.code, ids: [id], decision: "APPROVED" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(4);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ message: expect.stringContaining("尚餘 0 個名額") });
    expect((await expectCountersRight(course.id)).approvedCount).toBe(4);
  });
  test("reviews, cancellations and enrolments at once on an automatic course: no deadlock, capacity holds, counters match the rows", async () => {
    for (let round = 0; round < 5; round++) {
      const { organizer, course, ids, teachers } = await setup(12, { admissionMode: "AUTOMATIC", seatsPerClass: 4, capacity: 4, waitlistLimit: 20 });
      const late = await createTeachers(6);
      const results = await Promise.allSettled([
        reviewRegistrations(organizer, { code: course.code, ids: ids.slice(0, 2), decision: "REJECTED", reason: "重複報名" }),
        reviewRegistrations(organizer, { code: course.code, ids: [ids[2]], decision: "WAITLISTED" }),
        reviewRegistrations(organizer, { code: course.code, ids: ids.slice(8, 11), decision: "APPROVED" }),
        ...teachers.slice(3, 6).map((t) => cancelRegistration(t, { code: course.code, confirm: true })),
        ...late.map((t) => enrol(t, { code: course.code })),
      ]);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" }); // only the capacity guard may refuse
      const stored = await expectCountersRight(course.id);
      expect(stored.approvedCount).toBeLessThanOrEqual(4);
    }
  }, 120_000);
});

describe("transitions keep the counters right", () => {
  test("every move between 待審核, 審核通過, 備取 and 審核不通過", async () => {
    const { organizer, course, ids } = await setup(1, { seatsPerClass: 2, capacity: 2 });
    const [id] = ids;
    const path = ["APPROVED", "WAITLISTED", "REJECTED", "APPROVED", "REJECTED", "WAITLISTED", "APPROVED", "PENDING", "REJECTED", "PENDING", "WAITLISTED", "PENDING", "APPROVED"] as const;
    let from = "PENDING";
    for (const decision of path) {
      await reviewRegistrations(organizer, { code: course.code, ids: [id], decision, reason: decision === "REJECTED" ? "不符參加對象" : undefined });
      expect(await statusesOf([id])).toEqual([decision]);
      await expectCountersRight(course.id);
      const last = await db.registrationEvent.findFirstOrThrow({ where: { registrationId: id }, orderBy: { id: "desc" } });
      expect(last).toMatchObject({ fromStatus: from, toStatus: decision, actorId: organizer.id });
      from = decision;
    }
    expect(await db.registrationEvent.count({ where: { registrationId: id } })).toBe(1 + path.length);
  });

  test("unchanged registrations are not touched, not audited and not mailed", async () => {
    const { organizer, course, ids } = await setup(3);
    await reviewRegistrations(organizer, { code: course.code, ids: [ids[0]], decision: "APPROVED" });
    const before = await db.registration.findUniqueOrThrow({ where: { id: ids[0] } });
    const r = await reviewRegistrations(organizer, { code: course.code, ids, decision: "APPROVED" });
    expect(r).toMatchObject({ changed: 2, unchanged: 1 });
    const after = await db.registration.findUniqueOrThrow({ where: { id: ids[0] } });
    expect(after.statusChangedAt).toEqual(before.statusChangedAt);
    expect(await db.registrationEvent.count({ where: { registrationId: ids[0], actorId: organizer.id } })).toBe(1);
    expect(await db.mailMessage.count({ where: { registrationId: ids[0] } })).toBe(1);
    const again = await reviewRegistrations(organizer, { code: course.code, ids, decision: "APPROVED" });
    expect(again).toMatchObject({ changed: 0, unchanged: 3 });
    expect(await db.mailMessage.count({ where: { registrationId: { in: ids } } })).toBe(3);
  });

  test("a rejection needs a reason; decisionNote, the audit trail and the mail keep it", async () => {
    const { organizer, course, ids } = await setup(2);
    await expect(reviewRegistrations(organizer, { code: course.code, ids, decision: "REJECTED" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { reason: [expect.stringContaining("請填寫不錄取的原因")] },
    });
    await expect(reviewRegistrations(organizer, { code: course.code, ids, decision: "REJECTED", reason: "   " })).rejects.toMatchObject({ code: "VALIDATION" });
    await reviewRegistrations(organizer, { code: course.code, ids, decision: "REJECTED", reason: "非本研習參加對象" });
    const regs = await db.registration.findMany({ where: { id: { in: ids } } });
    expect(regs.map((r) => [r.status, r.decisionNote])).toEqual([["REJECTED", "非本研習參加對象"], ["REJECTED", "非本研習參加對象"]]);
    const events = await db.registrationEvent.findMany({ where: { registrationId: { in: ids }, toStatus: "REJECTED" } });
    expect(events.map((e) => [e.actorId, e.fromStatus, e.reason])).toEqual([[organizer.id, "PENDING", "非本研習參加對象"], [organizer.id, "PENDING", "非本研習參加對象"]]);
    const mails = await db.mailMessage.findMany({ where: { registrationId: { in: ids } } });
    expect(mails).toHaveLength(2);
    for (const m of mails) {
      expect(m).toMatchObject({ kind: "review-result", status: "QUEUED" });
      expect(m.subject).toContain("審核不通過");
      expect(m.text).toContain("說明：非本研習參加對象");
    }
    await expectCountersRight(course.id);
  });

  test("one mail per result: 審核通過, 備取 and 審核不通過 are mailed; back to 待審核 is not", async () => {
    const { organizer, course, ids, teachers } = await setup(4);
    await reviewRegistrations(organizer, { code: course.code, ids: [ids[0]], decision: "APPROVED" });
    await reviewRegistrations(organizer, { code: course.code, ids: [ids[1]], decision: "WAITLISTED", reason: "備取第 1 順位" });
    await reviewRegistrations(organizer, { code: course.code, ids: [ids[2]], decision: "REJECTED", reason: "名額有限" });
    await reviewRegistrations(organizer, { code: course.code, ids: [ids[0]], decision: "PENDING" });
    const mails = await db.mailMessage.findMany({ where: { registrationId: { in: ids } }, orderBy: { id: "asc" } });
    expect(mails.map((m) => [m.registrationId, m.kind, m.subject.split("— ")[1]])).toEqual([
      [ids[0], "review-result", "審核通過"],
      [ids[1], "review-result", "備取"],
      [ids[2], "review-result", "審核不通過"],
    ]);
    const emails = await db.user.findMany({ where: { id: { in: teachers.slice(0, 3).map((t) => t.id) } }, orderBy: { id: "asc" }, select: { email: true } });
    expect(mails.map((m) => m.toAddress)).toEqual(emails.map((e) => e.email));
  });

  test("cancelled registrations cannot be reviewed; nothing else in the request changes", async () => {
    const { organizer, course, ids, teachers } = await setup(3);
    await cancelRegistration(teachers[1], { code: course.code, confirm: true });
    await expect(reviewRegistrations(organizer, { code: course.code, ids, decision: "APPROVED" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("已由教師取消"),
    });
    expect(await statusesOf(ids)).toEqual(["PENDING", "CANCELLED", "PENDING"]);
  });

  test("registrations of another course are refused", async () => {
    const a = await setup(1);
    const b = await setup(1);
    await expect(reviewRegistrations(a.organizer, { code: a.course.code, ids: [b.ids[0]], decision: "APPROVED" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await statusesOf(b.ids)).toEqual(["PENDING"]);
  });
});

describe("automatic courses", () => {
  test("taking an approval back promotes the first waitlisted, not the one just moved, and mails both", async () => {
    const { organizer, course, ids } = await setup(5, { admissionMode: "AUTOMATIC", seatsPerClass: 2, capacity: 2, waitlistLimit: 5 });
    expect(await statusesOf(ids)).toEqual(["APPROVED", "APPROVED", "WAITLISTED", "WAITLISTED", "WAITLISTED"]);
    // The first approved goes to the waitlist: the first *other* waitlisted (ids[2]) moves up.
    const r = await reviewRegistrations(organizer, { code: course.code, ids: [ids[0]], decision: "WAITLISTED", reason: "資格待確認" });
    expect(r).toMatchObject({ changed: 1, promoted: 1, seatsLeft: 0 });
    expect(await statusesOf(ids)).toEqual(["WAITLISTED", "APPROVED", "APPROVED", "WAITLISTED", "WAITLISTED"]);
    const promoted = await db.registrationEvent.findFirstOrThrow({ where: { registrationId: ids[2], toStatus: "APPROVED" } });
    expect(promoted).toMatchObject({ actorId: null, fromStatus: "WAITLISTED" });
    expect((await db.mailMessage.findMany({ where: { registrationId: { in: [ids[0], ids[2]] } }, orderBy: { id: "asc" } })).map((m) => [m.registrationId, m.kind])).toEqual([
      [ids[0], "review-result"],
      [ids[2], "promotion"],
    ]);
    await expectCountersRight(course.id);

    // Rejecting both approved frees two seats: the next two waitlisted (by registration time) move up.
    const r2 = await reviewRegistrations(organizer, { code: course.code, ids: [ids[1], ids[2]], decision: "REJECTED", reason: "重複報名" });
    expect(r2).toMatchObject({ changed: 2, promoted: 2 });
    expect(await statusesOf(ids)).toEqual(["APPROVED", "REJECTED", "REJECTED", "APPROVED", "WAITLISTED"]);
    await expectCountersRight(course.id);
  });

  test("manual-review courses promote nobody", async () => {
    const { organizer, course, ids } = await setup(3, { seatsPerClass: 1, capacity: 1 });
    await reviewRegistrations(organizer, { code: course.code, ids: [ids[0]], decision: "APPROVED" });
    await reviewRegistrations(organizer, { code: course.code, ids: [ids[1]], decision: "WAITLISTED" });
    expect(await reviewRegistrations(organizer, { code: course.code, ids: [ids[0]], decision: "PENDING" })).toMatchObject({ promoted: 0, seatsLeft: 1 });
    expect(await statusesOf(ids)).toEqual(["PENDING", "WAITLISTED", "PENDING"]);
  });
});

describe("the dashboard's list", () => {
  test("filters by status, searches by name or school (台 = 臺), sorts by registration time, pages, counts", async () => {
    const unit = await createUnit();
    const organizer = actorOf(await createUser("ORGANIZER", { unitId: unit.id }));
    const course = await createOpenCourse(unit.id, { formFields: ["meal", "emergencyContact", "nationalId"], capacity: 10, seatsPerClass: 10 });
    const school = await createUnit({ name: "臺中市立大墩國民中學", county: "臺中市" });
    const teachers = await createTeachers(4);
    await db.user.update({ where: { id: teachers[2].id }, data: { unitId: school.id, name: "陳大文" } });
    const answers = { meal: "素食", emergencyContactName: "王大明", emergencyContactPhone: "0912345678", nationalId: "A123456789" };
    for (const t of teachers) await enrol(t, { code: course.code, answers });
    const regs = await db.registration.findMany({ where: { courseId: course.id }, orderBy: { registeredAt: "asc" } });
    await reviewRegistrations(organizer, { code: course.code, ids: [regs[0].id], decision: "APPROVED" });
    await cancelRegistration(teachers[3], { code: course.code, confirm: true });

    const all = await listRegistrationsForReview(organizer, { code: course.code });
    expect(all.counts).toEqual({ PENDING: 2, APPROVED: 1, REJECTED: 0, WAITLISTED: 0, CANCELLED: 1 });
    expect(all.course).toMatchObject({ capacity: 10, seatsLeft: 9, asksNationalId: true });
    expect(all.total).toBe(3); // cancelled ones only under their own filter
    expect(all.rows[0]).toMatchObject({
      no: 1,
      status: "APPROVED",
      nationalIdMasked: "A********9",
      answers: [
        { label: "用餐類別", value: "素食" },
        { label: "緊急聯絡人", value: "王大明 0912345678" },
      ],
    });
    expect(JSON.stringify(all)).not.toContain("A123456789");
    expect(all.rows[0].email).toMatch(/@example\.edu\.tw$/);

    expect((await listRegistrationsForReview(organizer, { code: course.code, status: "CANCELLED" })).rows.map((r) => r.status)).toEqual(["CANCELLED"]);
    expect((await listRegistrationsForReview(organizer, { code: course.code, status: "PENDING" })).total).toBe(2);
    expect((await listRegistrationsForReview(organizer, { code: course.code, q: "陳大" })).rows.map((r) => r.name)).toEqual(["陳大文"]);
    expect((await listRegistrationsForReview(organizer, { code: course.code, q: "台中市立大墩" })).rows.map((r) => r.schoolName)).toEqual(["臺中市立大墩國民中學"]);
    const desc = await listRegistrationsForReview(organizer, { code: course.code, order: "desc" });
    expect(desc.rows.map((r) => r.id)).toEqual([...all.rows.map((r) => r.id)].reverse());
    const paged = await listRegistrationsForReview(organizer, { code: course.code, size: 20, page: 9 });
    expect(paged.query.page).toBe(1); // beyond the last page: the last page
    // Bad filter values fall back to the defaults rather than failing.
    expect((await listRegistrationsForReview(organizer, { code: course.code, status: "NOPE", size: 7 })).query).toMatchObject({ status: "ALL", size: 50 });
  });
});

describe("revealing an ID number", () => {
  test("returns the number of that one registration and writes the audit event first", async () => {
    const { organizer, course, ids, teachers } = await setup(1);
    const enc = encryptNationalId("A123456789");
    await db.registration.update({ where: { id: ids[0] }, data: { nationalIdCipher: enc.cipher, nationalIdKeyId: enc.keyId, nationalIdHash: enc.hash } });
    const r = await revealNationalId(organizer, { code: course.code, id: ids[0] });
    expect(r).toEqual({ registrationId: ids[0], nationalId: "A123456789" });
    const audit = await db.auditEvent.findMany({ where: { action: "registration.reveal-national-id", courseId: course.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: organizer.id, registrationId: ids[0], subjectUserId: teachers[0].id });
    expect(JSON.stringify(audit[0].detail)).not.toContain("A123456789");
  });

  test("a registration without a number, or of another course, reveals nothing and writes nothing", async () => {
    const a = await setup(1);
    const b = await setup(1);
    await expect(revealNationalId(a.organizer, { code: a.course.code, id: a.ids[0] })).rejects.toMatchObject({ code: "NOT_FOUND", message: "這筆報名沒有填寫身分證字號。" });
    await expect(revealNationalId(a.organizer, { code: a.course.code, id: b.ids[0] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditEvent.count({ where: { action: "registration.reveal-national-id", courseId: { in: [a.course.id, b.course.id] } } })).toBe(0);
  });
});
