/**
 * @jest-environment node
 */
import { useTestDatabase } from "../support/database";
import { db } from "@/lib/db";
import { enrol } from "@/lib/registrations/enrol";
import { reviewRegistrations } from "@/lib/registrations/review";
import { recordAttendance } from "@/lib/registrations/record-attendance";
import { listAttendance } from "@/lib/registrations/list-attendance";
import { actorOf, createOpenCourse, createTeachers, createUnit, createUser } from "../support/factories";

useTestDatabase();
const day = 86400_000;

/** A course that starts in two days (hours 6, school year 115, two days long), with `approved` approved and one pending. */
async function setup(approved = 3) {
  const unit = await createUnit();
  const organizer = actorOf(await createUser("ORGANIZER", { unitId: unit.id }));
  const start = new Date(new Date(Date.now() + 2 * day).toISOString().slice(0, 10));
  const end = new Date(start.getTime() + day);
  const course = await createOpenCourse(unit.id, { startDate: start, endDate: end, hours: 6, schoolYear: 115 });
  const teachers = await createTeachers(approved + 1);
  for (const t of teachers) await enrol(t, { code: course.code });
  const regs = await db.registration.findMany({ where: { courseId: course.id }, orderBy: { registeredAt: "asc" }, select: { id: true, userId: true } });
  await reviewRegistrations(organizer, { code: course.code, ids: regs.slice(0, approved).map((r) => r.id), decision: "APPROVED" });
  const after = new Date(start.getTime() + 3 * day); // the course has ended
  return { organizer, course, regs, teachers, start, end, after };
}

const recordsOf = (courseId: number) => db.trainingRecord.findMany({ where: { courseId }, orderBy: { userId: "asc" } });

describe("attendance and hours", () => {
  test("not before the course starts", async () => {
    const { organizer, course, regs } = await setup(1);
    await expect(recordAttendance(organizer, { code: course.code, marks: [{ id: regs[0].id, attended: true }] })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/^研習尚未開始（\d{4}\/\d{2}\/\d{2}\(.\) 開始），開始後才能登錄出席。$/),
    });
    expect(await recordsOf(course.id)).toHaveLength(0);
  });

  test("only approved (正取) registrations", async () => {
    const { organizer, course, regs, after } = await setup(1);
    await expect(recordAttendance(organizer, { code: course.code, marks: [{ id: regs[1].id, attended: true }] }, { now: after })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("只有審核通過（正取）的教師可以登錄出席"),
    });
  });

  test("present credits the course's hours; a correction to absent removes them; every change is audited", async () => {
    const { organizer, course, regs, end, after } = await setup(3);
    const [a, b, c] = regs;
    const first = await recordAttendance(organizer, { code: course.code, marks: [{ id: a.id, attended: true }, { id: b.id, attended: true }, { id: c.id, attended: false }] }, { now: after });
    expect(first).toMatchObject({ marked: 3, corrected: 0, unchanged: 0, attending: 2 });
    const records = await recordsOf(course.id);
    expect(records.map((r) => [r.userId, r.hours, r.schoolYear, r.completedOn.toISOString().slice(0, 10)])).toEqual(
      [a, b].map((r) => [r.userId, 6, 115, end.toISOString().slice(0, 10)]).sort((x, y) => Number(x[0]) - Number(y[0])),
    );
    expect((await db.registration.findMany({ where: { id: { in: [a.id, b.id, c.id] } }, orderBy: { id: "asc" } })).map((r) => r.attended)).toEqual([true, true, false]);
    const marks = await db.auditEvent.findMany({ where: { courseId: course.id, action: "attendance.mark" }, orderBy: { registrationId: "asc" } });
    expect(marks.map((m) => [m.registrationId, m.subjectUserId, m.actorId, m.detail])).toEqual([
      [a.id, a.userId, organizer.id, { before: null, after: true, hours: 6, schoolYear: 115 }],
      [b.id, b.userId, organizer.id, { before: null, after: true, hours: 6, schoolYear: 115 }],
      [c.id, c.userId, organizer.id, { before: null, after: false, hours: 0, schoolYear: 115 }],
    ]);

    // Correction: b was absent after all, c was there. a unchanged: not touched, not audited.
    const second = await recordAttendance(organizer, { code: course.code, marks: [{ id: a.id, attended: true }, { id: b.id, attended: false }, { id: c.id, attended: true }] }, { now: after });
    expect(second).toMatchObject({ marked: 0, corrected: 2, unchanged: 1, attending: 2 });
    expect((await recordsOf(course.id)).map((r) => r.userId).sort()).toEqual([a.userId, c.userId].sort());
    const corrections = await db.auditEvent.findMany({ where: { courseId: course.id, action: "attendance.correct" }, orderBy: { registrationId: "asc" } });
    expect(corrections.map((m) => [m.registrationId, (m.detail as { before: boolean }).before, (m.detail as { after: boolean }).after])).toEqual([
      [b.id, true, false],
      [c.id, false, true],
    ]);
    expect(await db.auditEvent.count({ where: { courseId: course.id, registrationId: a.id } })).toBe(1);

    const list = await listAttendance(organizer, course.code, after);
    expect(list.counts).toEqual({ attended: 2, absent: 1, unmarked: 0 });
    expect(list.course).toMatchObject({ started: true, hours: 6, schoolYear: 115 });
    expect(list.rows).toHaveLength(3); // the pending registration is not listed
  });

  test("an approval cannot be taken back once attendance is recorded", async () => {
    const { organizer, course, regs, after } = await setup(1);
    await recordAttendance(organizer, { code: course.code, marks: [{ id: regs[0].id, attended: true }] }, { now: after });
    await expect(reviewRegistrations(organizer, { code: course.code, ids: [regs[0].id], decision: "REJECTED", reason: "誤審" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("出席登錄"),
    });
    expect(await recordsOf(course.id)).toHaveLength(1);
  });
});
