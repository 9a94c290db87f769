/**
 * @jest-environment node
 */
import { useTestDatabase } from "../support/database";
import { actorOf, createCourse, createUnit, createUser } from "../support/factories";
import { db } from "@/lib/db";
import { getCourseLiveState } from "@/lib/courses/get-course-live-state";
import { followCourse } from "@/lib/courses/follow-course";
import { NOT_OFFERED_EXPLANATION } from "@/lib/registrations/window";

useTestDatabase();

const now = new Date("2026-12-01T04:00:00Z");
const HOUR = 3600_000;
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);

describe("the live part of a course page: every state of the registration block", () => {
  test("open now, with seats left = capacity − approved", async () => {
    const unit = await createUnit();
    await createCourse(unit.id, { code: "7300001", registrationOpensAt: at(-24), registrationClosesAt: at(24), classCount: 2, seatsPerClass: 20, capacity: 40, approvedCount: 15, activeCount: 18 });
    const live = await getCourseLiveState(null, "7300001", now);
    expect(live).toMatchObject({ state: "OPEN", seatsLeft: 25, capacity: 40, onlineRegistration: true, viewer: "ANONYMOUS", following: false, mine: null });
    expect(live.message).toBe("開放線上報名中，至 2026/12/02(三) 12:00 截止。");
  });

  test("full: no seats left", async () => {
    const unit = await createUnit();
    await createCourse(unit.id, { code: "7300002", registrationOpensAt: at(-24), registrationClosesAt: at(24), capacity: 30, approvedCount: 30, activeCount: 32, waitlistedCount: 2 });
    await expect(getCourseLiveState(null, "7300002", now)).resolves.toMatchObject({ state: "OPEN", seatsLeft: 0 });
  });

  test("not open yet: says when it opens", async () => {
    const unit = await createUnit();
    await createCourse(unit.id, { code: "7300003", registrationOpensAt: at(72), registrationClosesAt: at(240) });
    const live = await getCourseLiveState(null, "7300003", now);
    expect(live.state).toBe("NOT_YET_OPEN");
    expect(live.message).toBe("尚未開放報名，將於 2026/12/04(五) 12:00 開放線上報名。");
  });

  test("closed: says when it closed", async () => {
    const unit = await createUnit();
    await createCourse(unit.id, { code: "7300004", registrationOpensAt: at(-240), registrationClosesAt: at(-1) });
    const live = await getCourseLiveState(null, "7300004", now);
    expect(live.state).toBe("CLOSED");
    expect(live.message).toBe("線上報名已於 2026/12/01(二) 11:00 截止。");
  });

  test("no online registration: 未提供線上報名", async () => {
    const unit = await createUnit();
    await createCourse(unit.id, { code: "7300005", onlineRegistration: false });
    const live = await getCourseLiveState(null, "7300005", now);
    expect(live).toMatchObject({ state: "NOT_OFFERED", message: "未提供線上報名", onlineRegistration: false });
    expect(NOT_OFFERED_EXPLANATION).toContain("請洽開課單位承辦人");
  });

  test("cancelled: stays reachable and says so", async () => {
    const unit = await createUnit();
    await createCourse(unit.id, { code: "7300006", status: "CANCELLED", registrationOpensAt: at(-24), registrationClosesAt: at(24) });
    await expect(getCourseLiveState(null, "7300006", now)).resolves.toMatchObject({ state: "CANCELLED", message: "本課程已取消，不開放報名。" });
  });

  test("drafts and unknown codes are NOT_FOUND", async () => {
    const unit = await createUnit();
    await createCourse(unit.id, { code: "7300007", status: "SUBMITTED" });
    await expect(getCourseLiveState(null, "7300007", now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCourseLiveState(null, "7399999", now)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("the version is the course's updatedAt, so a page can tell it is out of date", async () => {
    const unit = await createUnit();
    await createCourse(unit.id, { code: "7300008" });
    const before = (await getCourseLiveState(null, "7300008", now)).version;
    await db.course.update({ where: { code: "7300008" }, data: { title: "改名" } });
    const after = (await getCourseLiveState(null, "7300008", now)).version;
    expect(after > before).toBe(true);
  });
});

describe("the viewer's own state", () => {
  test("a teacher: following, and their own registration unless cancelled", async () => {
    const unit = await createUnit();
    const course = await createCourse(unit.id, { code: "7310001", registrationOpensAt: at(-24), registrationClosesAt: at(24) });
    const teacher = actorOf(await createUser("TEACHER"));
    await expect(getCourseLiveState(teacher, "7310001", now)).resolves.toMatchObject({ viewer: "TEACHER", following: false, mine: null });

    await followCourse(teacher, { code: "7310001" });
    const reg = await db.registration.create({ data: { courseId: course.id, userId: teacher.id, status: "WAITLISTED", registeredAt: new Date("2026-11-30T01:02:03Z") } });
    await expect(getCourseLiveState(teacher, "7310001", now)).resolves.toMatchObject({
      following: true,
      mine: { status: "WAITLISTED", registeredAt: "2026-11-30T01:02:03.000Z" },
    });

    await db.registration.update({ where: { id: reg.id }, data: { status: "CANCELLED" } });
    await expect(getCourseLiveState(teacher, "7310001", now)).resolves.toMatchObject({ mine: null });

    // Another teacher sees none of it.
    const other = actorOf(await createUser("TEACHER"));
    await expect(getCourseLiveState(other, "7310001", now)).resolves.toMatchObject({ following: false, mine: null });
  });

  test("business accounts are told apart from teachers and visitors", async () => {
    const unit = await createUnit();
    await createCourse(unit.id, { code: "7310002" });
    for (const role of ["ORGANIZER", "REGION_ADMIN"] as const) {
      await expect(getCourseLiveState(actorOf(await createUser(role)), "7310002", now)).resolves.toMatchObject({ viewer: "OTHER", following: false, mine: null });
    }
  });
});
