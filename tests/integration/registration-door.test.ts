/**
 * @jest-environment node
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { useTestDatabase } from "../support/database";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { encodeSessionToken, sessionCookieName } from "@/lib/auth/session-token";
import { startSession } from "@/lib/auth/sessions";
import { registrationApi } from "@/lib/registrations/registration-api";
import { MAX_BODY_BYTES, registrationDoorCode, serveRegistrationDoor } from "../../scripts/registration-door";
import { SECURITY_HEADERS } from "@/lib/security-headers";
import { createOpenCourse, createTeachers, createUnit } from "../support/factories";

useTestDatabase();

// The production server's own door for /api/courses/{code}/registration (scripts/serve.ts),
// on a real HTTP server over the real use cases: what the rush meets.
let server: http.Server;
let base = "";
const siteHeaders = Object.fromEntries(SECURITY_HEADERS.map((h) => [h.key, h.value]));

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const code = registrationDoorCode(req);
    if (code === null) {
      res.writeHead(418).end();
      return;
    }
    void serveRegistrationDoor(req, res, code, registrationApi, siteHeaders);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function cookieFor(userId: number, authAt = Date.now()): Promise<string> {
  const { role } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
  const { sid } = await startSession(userId, role, new Date(authAt));
  const token = await encodeSessionToken({ token: { uid: userId, sid, authAt }, secret: env().NEXTAUTH_SECRET, maxAge: 600 });
  return `theme=dark; ${sessionCookieName()}=${token}`;
}

function call(code: string, method: string, headers: Record<string, string> = {}, body?: string) {
  return fetch(`${base}/api/courses/${code}/registration`, { method, headers, body });
}

test("which requests are the door's", () => {
  expect(registrationDoorCode({ method: "PUT", url: "/api/courses/1150001/registration" })).toBe("1150001");
  expect(registrationDoorCode({ method: "GET", url: "/api/courses/1150001/registration?x=1" })).toBe("1150001");
  expect(registrationDoorCode({ method: "DELETE", url: "/api/courses/1150001/registration/" })).toBe("1150001");
  expect(registrationDoorCode({ method: "POST", url: "/api/courses/1150001/registration" })).toBeNull();
  expect(registrationDoorCode({ method: "PUT", url: "/api/courses/abc/registration" })).toBeNull();
  expect(registrationDoorCode({ method: "GET", url: "/api/courses/1150001" })).toBeNull();
  expect(registrationDoorCode({ method: "GET", url: "/api/courses/1150001/registration/x" })).toBeNull();
});

test("enrol, replay, read and cancel through the door, with the site's headers", async () => {
  const unit = await createUnit();
  const course = await createOpenCourse(unit.id, { capacity: 2, seatsPerClass: 2, admissionMode: "AUTOMATIC", waitlistLimit: 0 });
  const [t] = await createTeachers(1);
  const cookie = await cookieFor(t.id);
  const json = { cookie, "content-type": "application/json", "idempotency-key": "door-key-0001" };

  const first = await call(course.code, "PUT", json, JSON.stringify({ answers: {} }));
  expect(first.status).toBe(201);
  expect(first.headers.get("cache-control")).toBe("no-store");
  expect(first.headers.get("x-frame-options")).toBe("DENY");
  expect(first.headers.get("content-type")).toMatch(/application\/json/);
  const firstText = await first.text();
  expect(JSON.parse(firstText)).toMatchObject({ created: true, registration: { status: "APPROVED" } });

  // The replay is the first answer byte for byte (stored as text; jsonb reordered its keys).
  const replay = await call(course.code, "PUT", json, JSON.stringify({ answers: {} }));
  expect(replay.status).toBe(201);
  expect(replay.headers.get("idempotent-replayed")).toBe("true");
  expect(await replay.text()).toBe(firstText);
  // A refusal is replayed byte for byte too.
  const [other] = await createTeachers(1);
  const full = { cookie: await cookieFor(other.id), "content-type": "application/json", "idempotency-key": "door-key-0003" };
  await db.course.update({ where: { id: course.id }, data: { registrationClosesAt: new Date(Date.now() - 1000) } });
  const refused = await call(course.code, "PUT", full, JSON.stringify({ answers: {} }));
  const refusedText = await refused.text();
  expect(refused.status).toBe(409);
  const refusedAgain = await call(course.code, "PUT", full, JSON.stringify({ answers: {} }));
  expect([refusedAgain.status, await refusedAgain.text()]).toEqual([409, refusedText]);
  const record = await db.idempotencyRecord.findUniqueOrThrow({ where: { userId_key: { userId: t.id, key: "door-key-0001" } } });
  expect(typeof record.responseBody).toBe("string");

  // A second click with a new key returns the one registration and never cancels it.
  const again = await call(course.code, "PUT", { ...json, "idempotency-key": "door-key-0002" }, JSON.stringify({ answers: {} }));
  expect(again.status).toBe(200);
  expect(await again.json()).toMatchObject({ created: false, registration: { status: "APPROVED" } });

  const mine = await call(course.code, "GET", { cookie });
  expect(await mine.json()).toMatchObject({ registration: { status: "APPROVED" } });

  const cancel = await call(course.code, "DELETE", { cookie });
  expect(cancel.status).toBe(200);
  expect(await db.registration.findFirstOrThrow({ where: { courseId: course.id, userId: t.id }, select: { status: true } })).toEqual({ status: "CANCELLED" });
});

test("refusals: no session, another site, not JSON, broken JSON, too large, an unknown course", async () => {
  const unit = await createUnit();
  const course = await createOpenCourse(unit.id, { capacity: 2, seatsPerClass: 2 });
  const [t] = await createTeachers(1);
  const body = JSON.stringify({ answers: {} });

  const anonymous = await call(course.code, "PUT", { "content-type": "application/json" }, body);
  expect(anonymous.status).toBe(401);
  expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  expect((await call(course.code, "GET")).status).toBe(401);

  // A session from before the last password change is no session.
  const stale = await cookieFor(t.id, Date.now() - 60_000);
  await db.user.update({ where: { id: t.id }, data: { passwordChangedAt: new Date() } });
  expect((await call(course.code, "GET", { cookie: stale })).status).toBe(401);
  const fresh = await cookieFor(t.id);

  const crossSite = await call(course.code, "PUT", { cookie: fresh, "content-type": "application/json", origin: "https://evil.example" }, body);
  expect(crossSite.status).toBe(403);
  expect((await call(course.code, "DELETE", { cookie: fresh, origin: "https://evil.example" })).status).toBe(403);

  const form = await call(course.code, "PUT", { cookie: fresh, "content-type": "application/x-www-form-urlencoded" }, "answers=1");
  expect(form.status).toBe(400);
  expect(await form.json()).toMatchObject({ error: { code: "VALIDATION", message: expect.stringContaining("JSON") } });

  expect((await call(course.code, "PUT", { cookie: fresh, "content-type": "application/json" }, "{not json")).status).toBe(400);

  const huge = await call(course.code, "PUT", { cookie: fresh, "content-type": "application/json" }, JSON.stringify({ answers: { x: "字".repeat(MAX_BODY_BYTES) } }));
  expect(huge.status).toBe(413);
  expect(await huge.json()).toMatchObject({ error: { message: expect.stringContaining("過大") } });

  expect((await call("9999999", "PUT", { cookie: fresh, "content-type": "application/json" }, body)).status).toBe(404);
  expect(await db.registration.count({ where: { courseId: course.id } })).toBe(0);
});

test("a burst of 300 teachers through the door: the seats and the waitlist are exact", async () => {
  const unit = await createUnit();
  const course = await createOpenCourse(unit.id, { capacity: 40, seatsPerClass: 40, admissionMode: "AUTOMATIC", waitlistLimit: 20 });
  const teachers = await createTeachers(300);
  const cookies = await Promise.all(teachers.map((t) => cookieFor(t.id)));
  const res = await Promise.all(cookies.map((cookie, i) => call(course.code, "PUT", { cookie, "content-type": "application/json", "idempotency-key": `burst-key-${i}` }, "{}")));
  const statuses = res.map((r) => r.status);
  expect(statuses.filter((s) => s === 201)).toHaveLength(60);
  expect(statuses.filter((s) => s === 409)).toHaveLength(240);
  expect(await db.course.findUniqueOrThrow({ where: { id: course.id }, select: { approvedCount: true, waitlistedCount: true, activeCount: true } })).toEqual({
    approvedCount: 40,
    waitlistedCount: 20,
    activeCount: 60,
  });
}, 60_000);
