/**
 * @jest-environment node
 */
import { useTestDatabase } from "../support/database";
import { db } from "@/lib/db";
import { createCourse, createUnit, createUser } from "../support/factories";

useTestDatabase();

// What must never break is enforced by PostgreSQL itself, not only by the code.
describe("database constraints", () => {
  test("a course code is unique", async () => {
    const unit = await createUnit();
    await createCourse(unit.id, { code: "7000001" });
    await expect(createCourse(unit.id, { code: "7000001" })).rejects.toThrow(/Unique constraint|unique/i);
  });

  test("a course code is numeric", async () => {
    const unit = await createUnit();
    await expect(createCourse(unit.id, { code: "AB12" })).rejects.toThrow(/check constraint|violates/i);
  });

  test("one registration per (course, teacher)", async () => {
    const unit = await createUnit();
    const course = await createCourse(unit.id);
    const teacher = await createUser("TEACHER");
    await db.registration.create({ data: { courseId: course.id, userId: teacher.id, status: "PENDING" } });
    await expect(db.registration.create({ data: { courseId: course.id, userId: teacher.id, status: "PENDING" } })).rejects.toThrow(
      /Unique constraint|unique/i,
    );
  });

  test("approved seats stay within 0 … capacity", async () => {
    const unit = await createUnit();
    const course = await createCourse(unit.id, { classCount: 1, seatsPerClass: 2, capacity: 2 });
    await db.course.update({ where: { id: course.id }, data: { approvedCount: 2, activeCount: 2 } });
    await expect(db.course.update({ where: { id: course.id }, data: { approvedCount: 3, activeCount: 3 } })).rejects.toThrow(/check constraint|violates/i);
    await expect(db.course.update({ where: { id: course.id }, data: { approvedCount: -1 } })).rejects.toThrow(/check constraint|violates/i);
    // The conditional update that enrol will use: it never oversteps.
    const taken = await db.$executeRaw`UPDATE "Course" SET "approvedCount" = "approvedCount" + 1 WHERE id = ${course.id} AND "approvedCount" < "capacity"`;
    expect(taken).toBe(0);
  });

  test("seat counters stay consistent: active registrations include the approved and waitlisted", async () => {
    const unit = await createUnit();
    const course = await createCourse(unit.id);
    await expect(db.course.update({ where: { id: course.id }, data: { approvedCount: 1, activeCount: 0 } })).rejects.toThrow(/check constraint|violates/i);
    await expect(db.course.update({ where: { id: course.id }, data: { waitlistedCount: -1 } })).rejects.toThrow(/check constraint|violates/i);
  });

  test("capacity is classCount × seatsPerClass", async () => {
    const unit = await createUnit();
    await expect(createCourse(unit.id, { classCount: 2, seatsPerClass: 20, capacity: 30 })).rejects.toThrow(/check constraint|violates/i);
  });

  test("a course cannot end before it starts", async () => {
    const unit = await createUnit();
    await expect(
      createCourse(unit.id, { startDate: new Date("2026-12-20"), endDate: new Date("2026-12-19") }),
    ).rejects.toThrow(/check constraint|violates/i);
  });

  test("foreign keys: a registration needs a real course and teacher", async () => {
    const teacher = await createUser("TEACHER");
    await expect(db.registration.create({ data: { courseId: 999999, userId: teacher.id, status: "PENDING" } })).rejects.toThrow(
      /Foreign key|foreign key/i,
    );
  });
});
