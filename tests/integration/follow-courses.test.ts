/**
 * @jest-environment node
 */
import { useTestDatabase } from "../support/database";
import { actorOf, createCourse, createUnit, createUser } from "../support/factories";
import { db } from "@/lib/db";
import { followCourse } from "@/lib/courses/follow-course";
import { unfollowCourse } from "@/lib/courses/unfollow-course";
import { listFollowedCourses } from "@/lib/courses/list-followed-courses";

useTestDatabase();

const HOUR = 3600_000;
const day = (offset: number) => new Date(Date.UTC(2026, 11, 1 + offset));

async function setup() {
  const unit = await createUnit({ name: "臺北市立追蹤國民中學" });
  const teacher = actorOf(await createUser("TEACHER"));
  return { unit, teacher };
}

describe("加入追蹤 / 取消追蹤", () => {
  test("following twice is one follow; unfollowing twice is fine", async () => {
    const { unit, teacher } = await setup();
    const course = await createCourse(unit.id, { code: "7200001" });
    await expect(followCourse(teacher, { code: "7200001" })).resolves.toEqual({ code: "7200001", following: true });
    await expect(followCourse(teacher, { code: "7200001" })).resolves.toEqual({ code: "7200001", following: true });
    expect(await db.follow.count({ where: { userId: teacher.id, courseId: course.id } })).toBe(1);

    await expect(unfollowCourse(teacher, { code: "7200001" })).resolves.toEqual({ code: "7200001", following: false });
    await expect(unfollowCourse(teacher, { code: "7200001" })).resolves.toEqual({ code: "7200001", following: false });
    expect(await db.follow.count({ where: { userId: teacher.id } })).toBe(0);
  });

  test("presses at the same moment still make one follow", async () => {
    const { unit, teacher } = await setup();
    const course = await createCourse(unit.id, { code: "7200002" });
    const results = await Promise.all(Array.from({ length: 8 }, () => followCourse(teacher, { code: "7200002" })));
    expect(results.every((r) => r.following)).toBe(true);
    expect(await db.follow.count({ where: { courseId: course.id } })).toBe(1);
  });

  test("one teacher's follow is theirs alone", async () => {
    const { unit, teacher } = await setup();
    const other = actorOf(await createUser("TEACHER"));
    await createCourse(unit.id, { code: "7200003" });
    await followCourse(teacher, { code: "7200003" });
    expect(await listFollowedCourses(other)).toEqual([]);
    await unfollowCourse(other, { code: "7200003" });
    expect(await listFollowedCourses(teacher)).toHaveLength(1);
  });

  test("only signed-in teachers may follow; visitors are asked to sign in", async () => {
    const { unit } = await setup();
    await createCourse(unit.id, { code: "7200004" });
    await expect(followCourse(null, { code: "7200004" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(unfollowCourse(null, { code: "7200004" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(listFollowedCourses(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    for (const role of ["ORGANIZER", "REGION_ADMIN"] as const) {
      const who = actorOf(await createUser(role));
      await expect(followCourse(who, { code: "7200004" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listFollowedCourses(who)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  test("unknown, unpublished and cancelled courses cannot be followed, with a reason in Chinese", async () => {
    const { unit, teacher } = await setup();
    await createCourse(unit.id, { code: "7200005", status: "DRAFT" });
    await createCourse(unit.id, { code: "7200006", status: "CANCELLED" });
    await expect(followCourse(teacher, { code: "7299999" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(followCourse(teacher, { code: "7200005" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(followCourse(teacher, { code: "7200006" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("已取消") });
    await expect(followCourse(teacher, { code: "abc" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { code: ["課程代碼應為數字。"] } });
    expect(await db.follow.count({ where: { userId: teacher.id } })).toBe(0);
  });
});

describe("已追蹤課程: the list with each course's state", () => {
  test("upcoming first (soonest first), ended last; each with its registration state, seats and the teacher's registration", async () => {
    const { unit, teacher } = await setup();
    const now = new Date("2026-12-01T04:00:00Z");
    const open = await createCourse(unit.id, {
      code: "7210001",
      title: "報名中的研習",
      startDate: day(20),
      endDate: day(20),
      registrationOpensAt: new Date(now.getTime() - 48 * HOUR),
      registrationClosesAt: new Date(now.getTime() + 48 * HOUR),
      capacity: 30,
      approvedCount: 4,
      activeCount: 4,
    });
    await createCourse(unit.id, { code: "7210002", title: "尚未開放", startDate: day(10), endDate: day(10), registrationOpensAt: new Date(now.getTime() + 24 * HOUR) });
    await createCourse(unit.id, { code: "7210003", title: "不提供線上報名", startDate: day(15), endDate: day(15), onlineRegistration: false });
    await createCourse(unit.id, { code: "7210004", title: "已結束的研習", startDate: day(-30), endDate: day(-29) });
    await createCourse(unit.id, { code: "7210005", title: "更早結束的研習", startDate: day(-60), endDate: day(-60) });
    await createCourse(unit.id, { code: "7210006", title: "已取消的研習", startDate: day(5), endDate: day(5), status: "CANCELLED" });
    for (const code of ["7210001", "7210002", "7210003", "7210004", "7210005"]) await followCourse(teacher, { code });
    // Followed before it was cancelled.
    const cancelled = await db.course.findUniqueOrThrow({ where: { code: "7210006" } });
    await db.follow.create({ data: { userId: teacher.id, courseId: cancelled.id } });
    await db.registration.create({ data: { courseId: open.id, userId: teacher.id, status: "PENDING" } });

    const rows = await listFollowedCourses(teacher, {}, now);
    expect(rows.map((r) => r.code)).toEqual(["7210006", "7210002", "7210003", "7210001", "7210004", "7210005"]);
    const by = Object.fromEntries(rows.map((r) => [r.code, r]));
    expect(by["7210001"]).toMatchObject({
      title: "報名中的研習",
      organizerName: "臺北市立追蹤國民中學",
      startDate: "2026-12-21",
      window: "OPEN",
      seatsLeft: 26,
      ended: false,
      myRegistration: "PENDING",
    });
    expect(by["7210001"].windowMessage).toContain("開放線上報名中");
    expect(by["7210002"]).toMatchObject({ window: "NOT_YET_OPEN", myRegistration: null });
    expect(by["7210002"].windowMessage).toContain("尚未開放報名");
    expect(by["7210003"]).toMatchObject({ window: "NOT_OFFERED", seatsLeft: null });
    expect(by["7210004"]).toMatchObject({ ended: true });
    expect(by["7210006"]).toMatchObject({ status: "CANCELLED", window: "CANCELLED" });
  });

  test("a cancelled registration is not shown as the teacher's registration", async () => {
    const { unit, teacher } = await setup();
    const course = await createCourse(unit.id, { code: "7220001" });
    await followCourse(teacher, { code: "7220001" });
    await db.registration.create({ data: { courseId: course.id, userId: teacher.id, status: "CANCELLED" } });
    expect((await listFollowedCourses(teacher))[0].myRegistration).toBeNull();
  });

  test("with a code: only that course, or nothing when it is not followed", async () => {
    const { unit, teacher } = await setup();
    await createCourse(unit.id, { code: "7230001" });
    await createCourse(unit.id, { code: "7230002" });
    await followCourse(teacher, { code: "7230001" });
    expect((await listFollowedCourses(teacher, { code: "7230001" })).map((r) => r.code)).toEqual(["7230001"]);
    expect(await listFollowedCourses(teacher, { code: "7230002" })).toEqual([]);
  });
});
