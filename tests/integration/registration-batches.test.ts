/**
 * @jest-environment node
 */
import { useTestDatabase } from "../support/database";
import { db } from "@/lib/db";
import { takePlace } from "@/lib/registrations/take-places";
import { COURSE_AND_MINE_SQL, enrol } from "@/lib/registrations/enrol";
import { sql } from "@/lib/db";
import { createOpenCourse, createTeachers, createUnit } from "../support/factories";

useTestDatabase();

// takePlace gathers the enrolments of one turn of the event loop into one database call
// (enrol_take_places). These pin what a batch must keep from one-by-one enrolment.
describe("enrolments taken together in one batch", () => {
  test("a double click inside one batch gives one registration, created once", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id, { capacity: 5, seatsPerClass: 5, admissionMode: "AUTOMATIC", waitlistLimit: 0 });
    const [t] = await createTeachers(1);
    const req = { courseId: course.id, userId: t.id, answers: {}, nationalId: null };
    const [a, b] = await Promise.all([takePlace(req), takePlace(req)]);
    expect(a).toMatchObject({ status: "APPROVED", created: true });
    expect(b).toMatchObject({ status: "APPROVED", created: false });
    expect(await db.registration.count({ where: { courseId: course.id } })).toBe(1);
    expect(await db.course.findUniqueOrThrow({ where: { id: course.id }, select: { approvedCount: true, activeCount: true } })).toEqual({ approvedCount: 1, activeCount: 1 });
    expect(await db.registrationEvent.count({ where: { registration: { courseId: course.id } } })).toBe(1);
  });

  test("one batch over two courses gives places per course in arrival order", async () => {
    const unit = await createUnit();
    const one = await createOpenCourse(unit.id, { capacity: 2, seatsPerClass: 2, admissionMode: "AUTOMATIC", waitlistLimit: 1 });
    // A reviewed course holds capacity + waitlist limit pending registrations.
    const two = await createOpenCourse(unit.id, { capacity: 1, seatsPerClass: 1, admissionMode: "MANUAL_REVIEW", waitlistLimit: 1 });
    const ts = await createTeachers(5);
    // Interleaved arrival: course two first, then one, one, two, one, one.
    const reqs = [
      { courseId: two.id, userId: ts[0].id },
      { courseId: one.id, userId: ts[1].id },
      { courseId: one.id, userId: ts[2].id },
      { courseId: two.id, userId: ts[3].id },
      { courseId: one.id, userId: ts[3].id },
      { courseId: one.id, userId: ts[4].id },
    ].map((r) => ({ ...r, answers: {}, nationalId: null }));
    const answers = await Promise.all(reqs.map((r) => takePlace(r)));
    expect(answers.map((a) => a.status)).toEqual(["PENDING", "APPROVED", "APPROVED", "PENDING", "WAITLISTED", null]);
    // The refused one left nothing behind.
    expect(await db.registration.count({ where: { courseId: one.id } })).toBe(3);
    expect(await db.registration.findFirst({ where: { courseId: one.id, userId: ts[4].id } })).toBeNull();
    expect(await db.course.findUniqueOrThrow({ where: { id: one.id }, select: { approvedCount: true, waitlistedCount: true, activeCount: true } })).toEqual({
      approvedCount: 2,
      waitlistedCount: 1,
      activeCount: 3,
    });
    expect(await db.course.findUniqueOrThrow({ where: { id: two.id }, select: { activeCount: true } })).toEqual({ activeCount: 2 });
  });

  test("an enrolment that breaks a rule fails alone; the others in its batch are kept", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id, { capacity: 5, seatsPerClass: 5, admissionMode: "AUTOMATIC", waitlistLimit: 0 });
    const ts = await createTeachers(2);
    const results = await Promise.allSettled([
      takePlace({ courseId: course.id, userId: ts[0].id, answers: {}, nationalId: null }),
      takePlace({ courseId: course.id, userId: 2_000_000_000, answers: {}, nationalId: null }), // no such teacher
      takePlace({ courseId: course.id, userId: ts[1].id, answers: {}, nationalId: null }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await db.registration.count({ where: { courseId: course.id } })).toBe(2);
    expect(await db.course.findUniqueOrThrow({ where: { id: course.id }, select: { approvedCount: true } })).toEqual({ approvedCount: 2 });
  });

  test("a re-enrolment after cancelling takes a place again in a batch", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id, { capacity: 3, seatsPerClass: 3, admissionMode: "AUTOMATIC", waitlistLimit: 0 });
    const ts = await createTeachers(2);
    await enrol(ts[0], { code: course.code });
    await db.registration.updateMany({ where: { courseId: course.id, userId: ts[0].id }, data: { status: "CANCELLED" } });
    await db.course.update({ where: { id: course.id }, data: { approvedCount: 0, activeCount: 0 } });
    const [again, fresh] = await Promise.all([
      takePlace({ courseId: course.id, userId: ts[0].id, answers: {}, nationalId: null }),
      takePlace({ courseId: course.id, userId: ts[1].id, answers: {}, nationalId: null }),
    ]);
    expect(again).toMatchObject({ status: "APPROVED" });
    expect(fresh).toMatchObject({ status: "APPROVED", created: true });
    expect(await db.registration.count({ where: { courseId: course.id } })).toBe(2);
  });
});

type PlanNode = { "Relation Name"?: string; "Index Cond"?: string; "Actual Loops"?: number; Plans?: PlanNode[] };

// The rush reads every ask's registration. PostgreSQL parameterizes an index scan by one
// outer relation only: with the course and the teacher coming from two (the course table and
// the asks), it looked registrations up by course alone and filtered by teacher, reading every
// registration of the course for every ask (200 × 2,000 in the rush bench).
test("the batched read of course and registration finds each registration by its (course, teacher) index entry", async () => {
  const unit = await createUnit();
  const course = await createOpenCourse(unit.id, { capacity: 400, seatsPerClass: 400 });
  const ts = await createTeachers(80, unit.id);
  const registered = ts.slice(0, 60);
  const now = new Date();
  await db.registration.createMany({
    data: registered.map((t) => ({ courseId: course.id, userId: t.id, status: "PENDING" as const, answers: {}, registeredAt: now, statusChangedAt: now })),
  });
  const asks = ts.slice(10, 70); // 50 registered, 10 not
  const params = [asks.map(() => course.code), asks.map((t) => t.id)];
  // A test database is small enough for hash joins over whole tables; production's tables are
  // not, so the plan is taken as PostgreSQL plans it there: nested loops over indexes.
  const plan = await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL enable_hashjoin = off`);
    await tx.$executeRawUnsafe(`SET LOCAL enable_mergejoin = off`);
    await tx.$executeRawUnsafe(`SET LOCAL enable_seqscan = off`);
    const [{ "QUERY PLAN": p }] = await tx.$queryRawUnsafe<{ "QUERY PLAN": { Plan: PlanNode }[] }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${COURSE_AND_MINE_SQL}`, ...params);
    return p[0].Plan;
  });
  const nodes: PlanNode[] = [];
  const walk = (n: PlanNode) => {
    if (n["Relation Name"] === "Registration") nodes.push(n);
    n.Plans?.forEach(walk);
  };
  walk(plan);
  expect(nodes).toHaveLength(1);
  expect(nodes[0]["Index Cond"]).toMatch(/"courseId" = /);
  expect(nodes[0]["Index Cond"]).toMatch(/"userId" = /);
  const rows = await sql<{ ord: number; myStatus: string | null }>(COURSE_AND_MINE_SQL, params);
  expect(rows.sort((a, b) => a.ord - b.ord).map((r) => r.myStatus)).toEqual(asks.map((_, i) => (i < 50 ? "PENDING" : null)));
});
