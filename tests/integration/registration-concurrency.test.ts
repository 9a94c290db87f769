/**
 * @jest-environment node
 */
import { useTestDatabase } from "../support/database";
import { db } from "@/lib/db";
import { enrol } from "@/lib/registrations/enrol";
import { cancelRegistration } from "@/lib/registrations/cancel";
import { createOpenCourse, createTeachers, createUnit } from "../support/factories";

useTestDatabase();

async function state(courseId: number) {
  const c = await db.course.findUniqueOrThrow({ where: { id: courseId }, select: { approvedCount: true, waitlistedCount: true, activeCount: true, capacity: true } });
  const regs = await db.registration.findMany({ where: { courseId }, select: { id: true, userId: true, status: true } });
  const count = (s: string) => regs.filter((r) => r.status === s).length;
  const events = await db.registrationEvent.findMany({ where: { registration: { courseId } }, select: { registrationId: true, toStatus: true } });
  return { c, regs, count, events };
}

// The rush: the database, not JavaScript, counts the seats.
describe("under concurrency", () => {
  test("500 distinct teachers at once into a 50-seat automatic course: exactly 50 approved, the waitlist at its limit, the rest refused", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id, { classCount: 1, seatsPerClass: 50, capacity: 50, admissionMode: "AUTOMATIC", waitlistLimit: 30 });
    const teachers = await createTeachers(500);
    const results = await Promise.allSettled(teachers.map((t) => enrol(t, { code: course.code })));

    const ok = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof enrol>>> => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(ok.filter((r) => r.value.status === "APPROVED")).toHaveLength(50);
    expect(ok.filter((r) => r.value.status === "WAITLISTED")).toHaveLength(30);
    expect(refused).toHaveLength(420);
    for (const r of refused) expect(r.reason).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("額滿") });

    const s = await state(course.id);
    expect(s.c).toMatchObject({ approvedCount: 50, waitlistedCount: 30, activeCount: 80 });
    expect(s.count("APPROVED")).toBe(50);
    expect(s.count("WAITLISTED")).toBe(30);
    expect(s.regs).toHaveLength(80); // refused requests leave nothing behind
    expect(new Set(s.regs.map((r) => r.userId)).size).toBe(80);
    // The audit trail agrees: one entry per registration, with its status.
    expect(s.events).toHaveLength(80);
    const byReg = new Map(s.regs.map((r) => [r.id, r.status]));
    for (const e of s.events) expect(byReg.get(e.registrationId)).toBe(e.toStatus);
    // Approved seats went to the earliest registrations.
    const approvedTimes = (await db.registration.findMany({ where: { courseId: course.id }, orderBy: { registeredAt: "asc" }, select: { status: true } })).map((r) => r.status);
    expect(approvedTimes.slice(0, 50).every((st) => st === "APPROVED")).toBe(true);
  }, 120_000);

  test("20 identical concurrent enrols from one teacher give one registration", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id, { admissionMode: "AUTOMATIC" });
    const [t] = await createTeachers(1);
    const results = await Promise.all(Array.from({ length: 20 }, () => enrol(t, { code: course.code })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => `${r.status}|${r.registeredAt}`)).size).toBe(1);
    const s = await state(course.id);
    expect(s.regs).toHaveLength(1);
    expect(s.events).toHaveLength(1);
    expect(s.c).toMatchObject({ approvedCount: 1, activeCount: 1 });
  });

  test("cancel-then-promote while others enrol never exceeds capacity and the counters match the rows", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id, { classCount: 1, seatsPerClass: 10, capacity: 10, admissionMode: "AUTOMATIC", waitlistLimit: 10 });
    const first = await createTeachers(20);
    for (const t of first) await enrol(t, { code: course.code }); // 10 approved, 10 waitlisted
    const late = await createTeachers(15);
    const approved = first.slice(0, 10);
    await Promise.allSettled([
      ...approved.map((t) => cancelRegistration(t, { code: course.code, confirm: true })),
      ...first.slice(10, 15).map((t) => cancelRegistration(t, { code: course.code, confirm: true })),
      ...late.map((t) => enrol(t, { code: course.code })),
    ]);
    const s = await state(course.id);
    expect(s.count("APPROVED")).toBeLessThanOrEqual(10);
    expect(s.c.approvedCount).toBe(s.count("APPROVED"));
    expect(s.c.waitlistedCount).toBe(s.count("WAITLISTED"));
    expect(s.c.activeCount).toBe(s.count("APPROVED") + s.count("WAITLISTED") + s.count("PENDING"));
    // Seats freed while people wait are filled: nobody waits while a seat is free.
    if (s.count("WAITLISTED") > 0) expect(s.count("APPROVED")).toBe(10);
    expect(s.count("WAITLISTED")).toBeLessThanOrEqual(10);
  }, 60_000);
});

describe("Idempotency-Key", () => {
  test("a repeat returns the stored first answer; the same key with another body is refused; a key in flight gets 409", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id, { formFields: ["meal"] });
    const [t] = await createTeachers(1);
    const first = await enrol(t, { code: course.code, answers: { meal: "素食" } }, { idempotencyKey: "key-0000001" });
    expect(first).toMatchObject({ created: true, replayed: false });
    const again = await enrol(t, { code: course.code, answers: { meal: "素食" } }, { idempotencyKey: "key-0000001" });
    expect(again).toEqual({ ...first, replayed: true });
    await expect(enrol(t, { code: course.code, answers: { meal: "葷食" } }, { idempotencyKey: "key-0000001" })).rejects.toMatchObject({
      code: "IDEMPOTENCY_MISMATCH",
    });

    await db.idempotencyRecord.create({
      data: { userId: t.id, key: "key-inflight", scope: `enrol:${course.code}`, requestHash: "x", expiresAt: new Date(Date.now() + 60_000) },
    });
    await expect(enrol(t, { code: course.code, answers: { meal: "素食" } }, { idempotencyKey: "key-inflight" })).rejects.toMatchObject({
      code: "IDEMPOTENCY_MISMATCH",
    });
  });

  test("a key whose first request is still running: 409 at once, or the first answer when the caller waits", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id);
    const [t] = await createTeachers(1);
    const { requestHash } = await import("@/lib/idempotency");
    await db.idempotencyRecord.create({
      data: { userId: t.id, key: "key-running", scope: `enrol:${course.code}`, requestHash: requestHash({ scope: `enrol:${course.code}`, request: {} }), expiresAt: new Date(Date.now() + 60_000) },
    });
    await expect(enrol(t, { code: course.code }, { idempotencyKey: "key-running" })).rejects.toMatchObject({ code: "IDEMPOTENCY_IN_PROGRESS" });
    // Two clicks at once with the same key: the second waits for the first and gets its answer.
    const [a, b] = await Promise.all([
      enrol(t, { code: course.code }, { idempotencyKey: "key-twice-1", waitForFirstMs: 10_000 }),
      enrol(t, { code: course.code }, { idempotencyKey: "key-twice-1", waitForFirstMs: 10_000 }),
    ]);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(a.registeredAt).toBe(b.registeredAt);
    expect(await db.registration.count({ where: { courseId: course.id } })).toBe(1);
  });

  test("an answer decided from reads alone (full, already registered) is recorded with its key at once, and still honours 409 and 422", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id, { classCount: 1, seatsPerClass: 1, capacity: 1, waitlistLimit: 0, admissionMode: "AUTOMATIC" });
    const [first, late] = await createTeachers(2);
    await enrol(first, { code: course.code });
    const scope = `enrol:${course.code}`;
    const { requestHash } = await import("@/lib/idempotency");

    // Full by the plain read: refused, and the record is complete at once with that answer.
    await expect(enrol(late, { code: course.code }, { idempotencyKey: "key-full-001" })).rejects.toMatchObject({ code: "CONFLICT" });
    const record = await db.idempotencyRecord.findUniqueOrThrow({ where: { userId_key: { userId: late.id, key: "key-full-001" } } });
    expect(record).toMatchObject({ state: "COMPLETED", responseStatus: 409, scope });
    // The same key with another body: 422, not a second refusal.
    await expect(enrol(late, { code: course.code, answers: { meal: "素食" } }, { idempotencyKey: "key-full-001" })).rejects.toMatchObject({
      code: "IDEMPOTENCY_MISMATCH",
    });
    // A seat frees: a repeat of the key still gets its first answer; a new key enrols.
    await cancelRegistration(first, { code: course.code, confirm: true });
    await expect(enrol(late, { code: course.code }, { idempotencyKey: "key-full-001" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.registration.count({ where: { courseId: course.id, userId: late.id } })).toBe(0);
    expect(await enrol(late, { code: course.code }, { idempotencyKey: "key-full-002" })).toMatchObject({ status: "APPROVED", created: true });

    // Already registered, while a first request under the key is still running: 409 at once,
    // not the plan's answer; a caller that waits gets the first request's answer when it lands.
    await db.idempotencyRecord.create({
      data: { userId: late.id, key: "key-busy-001", scope, requestHash: requestHash({ scope, request: {} }), expiresAt: new Date(Date.now() + 60_000) },
    });
    await expect(enrol(late, { code: course.code }, { idempotencyKey: "key-busy-001" })).rejects.toMatchObject({ code: "IDEMPOTENCY_IN_PROGRESS" });
    const stored = { ok: false, code: "CONFLICT", message: "first answer" };
    const waiting = enrol(late, { code: course.code }, { idempotencyKey: "key-busy-001", waitForFirstMs: 10_000 });
    await new Promise((r) => setTimeout(r, 250));
    await db.idempotencyRecord.update({
      where: { userId_key: { userId: late.id, key: "key-busy-001" } },
      data: { state: "COMPLETED", responseStatus: 409, responseBody: JSON.stringify(stored) },
    });
    await expect(waiting).rejects.toMatchObject({ code: "CONFLICT", message: "first answer" });
    // A record under the key whose 24 hours are over is replaced by the new answer.
    await db.idempotencyRecord.create({
      data: { userId: late.id, key: "key-old-0001", scope: "cancel:x", requestHash: "x", state: "COMPLETED", responseStatus: 200, responseBody: "{}", expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await enrol(late, { code: course.code }, { idempotencyKey: "key-old-0001" })).toMatchObject({ status: "APPROVED", created: false, replayed: false });
    expect(await db.idempotencyRecord.findUniqueOrThrow({ where: { userId_key: { userId: late.id, key: "key-old-0001" } } })).toMatchObject({
      state: "COMPLETED",
      responseStatus: 200,
      scope,
    });
  });

  test("a refused request with a key is refused the same way on retry; cancel with a key is replayed too", async () => {
    const unit = await createUnit();
    const course = await createOpenCourse(unit.id, { formFields: ["mobile"] });
    const [t] = await createTeachers(1);
    await expect(enrol(t, { code: course.code, answers: { mobile: "123" } }, { idempotencyKey: "key-bad-0001" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(enrol(t, { code: course.code, answers: { mobile: "123" } }, { idempotencyKey: "key-bad-0001" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { mobile: [expect.stringContaining("手機號碼")] },
    });
    await enrol(t, { code: course.code, answers: { mobile: "0912345678" } });
    expect(await cancelRegistration(t, { code: course.code, confirm: true }, { idempotencyKey: "cancel-00001" })).toMatchObject({ changed: true, replayed: false });
    expect(await cancelRegistration(t, { code: course.code, confirm: true }, { idempotencyKey: "cancel-00001" })).toMatchObject({ changed: true, replayed: true });
  });
});
