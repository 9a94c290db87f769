/**
 * @jest-environment node
 */
// Door × role: every use case of the review dashboard, attendance and exports, and every API
// route and server action in front of them, answers each kind of person as it should.
import { useTestDatabase } from "../support/database";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { enrol } from "@/lib/registrations/enrol";
import { listRegistrationsForReview } from "@/lib/registrations/list-for-review";
import { reviewRegistrations } from "@/lib/registrations/review";
import { revealNationalId } from "@/lib/registrations/reveal-national-id";
import { listAttendance } from "@/lib/registrations/list-attendance";
import { recordAttendance } from "@/lib/registrations/record-attendance";
import { exportRegistrants } from "@/lib/registrations/export-registrants";
import { actorOf, createOpenCourse, createTeachers, createUnit, createUser } from "../support/factories";

let mockActor: Actor | null = null;
jest.mock("@/lib/auth/session", () => ({ getActor: async () => mockActor, actorById: async () => mockActor }));
jest.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: (fn: unknown) => fn }));

import { GET as listRoute } from "@/app/api/manage/courses/[code]/registrations/route";
import { POST as reviewRoute } from "@/app/api/manage/courses/[code]/registrations/review/route";
import { POST as revealRoute } from "@/app/api/manage/courses/[code]/registrations/[id]/reveal/route";
import { GET as attendanceGetRoute, PUT as attendancePutRoute } from "@/app/api/manage/courses/[code]/attendance/route";
import { GET as csvGetRoute, POST as csvRoute } from "@/app/(organizer)/manage/courses/[code]/registrations/export/csv/route";
import { GET as xlsxGetRoute, POST as xlsxRoute } from "@/app/(organizer)/manage/courses/[code]/registrations/export/xlsx/route";
import { reviewAction, revealAction } from "@/app/(organizer)/manage/courses/[code]/registrations/actions";
import { attendanceAction } from "@/app/(organizer)/manage/courses/[code]/attendance/actions";

useTestDatabase();

type Who = "anonymous" | "teacher" | "organizer" | "otherOrganizer" | "region";
const WHO: Who[] = ["anonymous", "teacher", "organizer", "otherOrganizer", "region"];
const EXPECTED_CODE: Record<Who, string | null> = { anonymous: "UNAUTHENTICATED", teacher: "FORBIDDEN", organizer: null, otherOrganizer: "FORBIDDEN", region: "FORBIDDEN" };
const EXPECTED_HTTP: Record<Who, number> = { anonymous: 401, teacher: 403, organizer: 200, otherOrganizer: 403, region: 403 };

let actors: Record<Who, Actor | null>;
let code: string;
let regIds: number[];
let courseId: number;

beforeAll(async () => {
  const unit = await createUnit({ county: "臺北市" });
  const other = await createUnit({ county: "臺北市" });
  const day = 86400_000;
  // Started yesterday (so attendance can be recorded), registration still open for the setup.
  const course = await createOpenCourse(unit.id, {
    startDate: new Date(new Date(Date.now() - day).toISOString().slice(0, 10)),
    endDate: new Date(new Date(Date.now() - day).toISOString().slice(0, 10)),
    formFields: ["nationalId"],
    capacity: 10,
    seatsPerClass: 10,
    waitlistLimit: 5,
  });
  code = course.code;
  courseId = course.id;
  const teachers = await createTeachers(3);
  for (const [i, t] of teachers.entries()) await enrol(t, { code, answers: { nationalId: ["A123456789", "B123456780", "F131104093"][i] } });
  regIds = (await db.registration.findMany({ where: { courseId }, orderBy: { id: "asc" } })).map((r) => r.id);
  actors = {
    anonymous: null,
    teacher: teachers[0],
    organizer: actorOf(await createUser("ORGANIZER", { unitId: unit.id })),
    otherOrganizer: actorOf(await createUser("ORGANIZER", { unitId: other.id })),
    // Even a region admin whose counties include the course's may not review its registrations.
    region: actorOf(await createUser("REGION_ADMIN", { regionCounties: ["臺北市"] })),
  };
  // The first registration is approved, for the attendance doors.
  await reviewRegistrations(actors.organizer, { code, ids: [regIds[0]], decision: "APPROVED" });
});

const params = (extra: Record<string, string> = {}) => ({ params: Promise.resolve({ code, ...extra }) });
const json = (method: string, body: unknown) =>
  new Request(`http://localhost/api/manage/courses/${code}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** Every door, called as `who`: the use case's error code (or null), or the HTTP status. */
const useCases: Record<string, (who: Actor | null) => Promise<unknown>> = {
  listRegistrationsForReview: (a) => listRegistrationsForReview(a, { code }),
  reviewRegistrations: (a) => reviewRegistrations(a, { code, ids: [regIds[1]], decision: "WAITLISTED" }),
  revealNationalId: (a) => revealNationalId(a, { code, id: regIds[1] }),
  listAttendance: (a) => listAttendance(a, code),
  recordAttendance: (a) => recordAttendance(a, { code, marks: [{ id: regIds[0], attended: true }] }),
  exportRegistrants: (a) => exportRegistrants(a, { code, format: "csv" }),
};

const routes: Record<string, () => Promise<Response>> = {
  "GET /api/manage/courses/{code}/registrations": () => listRoute(new Request(`http://localhost/api/manage/courses/${code}/registrations?status=PENDING`), params()),
  "POST /api/manage/courses/{code}/registrations/review": () => reviewRoute(json("POST", { ids: [regIds[1]], decision: "WAITLISTED" }), params()),
  "POST /api/manage/courses/{code}/registrations/{id}/reveal": () =>
    revealRoute(new Request("http://localhost/x", { method: "POST" }), { params: Promise.resolve({ code, id: String(regIds[1]) }) }),
  "GET /api/manage/courses/{code}/attendance": () => attendanceGetRoute(new Request("http://localhost/x"), params()),
  "PUT /api/manage/courses/{code}/attendance": () => attendancePutRoute(json("PUT", { marks: [{ id: regIds[0], attended: true }] }), params()),
};

/** The dashboard's export button: a same-origin form POST. */
function exportForm(url: string, fields: Record<string, string>): Request {
  return new Request(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost:3000", Host: "localhost:3000" },
    body: new URLSearchParams(fields).toString(),
  });
}

const exportsRoutes: Record<string, () => Promise<Response>> = {
  "POST …/registrations/export/csv": () => csvRoute(exportForm(`http://localhost/manage/courses/${code}/registrations/export/csv`, {}), params()),
  "POST …/registrations/export/xlsx": () =>
    xlsxRoute(exportForm(`http://localhost/manage/courses/${code}/registrations/export/xlsx`, { reveal: "1" }), params()),
};

const actions: Record<string, () => Promise<{ ok: boolean; message?: string }>> = {
  reviewAction: () => {
    const f = new FormData();
    f.append("ids", String(regIds[1]));
    f.set("decision", "WAITLISTED");
    return reviewAction(code, { ok: false }, f);
  },
  revealAction: () => revealAction(code, regIds[1]),
  attendanceAction: () => {
    const f = new FormData();
    f.append("ids", String(regIds[0]));
    f.append("present", String(regIds[0]));
    return attendanceAction(code, { ok: false }, f);
  },
};

async function snapshot() {
  const regs = await db.registration.findMany({ where: { courseId }, orderBy: { id: "asc" }, select: { status: true, attended: true } });
  return { regs, records: await db.trainingRecord.count({ where: { courseId } }) };
}

describe.each(WHO)("as %s", (who) => {
  beforeEach(() => {
    mockActor = actors[who];
  });

  test.each(Object.keys(useCases))("use case %s", async (name) => {
    const before = await snapshot();
    const run = useCases[name](actors[who]);
    if (EXPECTED_CODE[who]) {
      await expect(run).rejects.toMatchObject({ code: EXPECTED_CODE[who] });
      expect(await snapshot()).toEqual(before);
    } else {
      await expect(run).resolves.toBeDefined();
    }
  });

  test.each(Object.keys(routes))("API %s", async (name) => {
    const before = await snapshot();
    const res = await routes[name]();
    expect(res.status).toBe(EXPECTED_HTTP[who]);
    const body = await res.json();
    if (EXPECTED_HTTP[who] !== 200) {
      expect(body.error.code).toBe(EXPECTED_CODE[who]);
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(JSON.stringify(body)).not.toMatch(/A123456789|B123456780/);
      expect(await snapshot()).toEqual(before);
    }
  });

  test.each(Object.keys(exportsRoutes))("download %s", async (name) => {
    const res = await exportsRoutes[name]();
    if (who === "anonymous") {
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toMatch(/^\/login\?callbackUrl=/);
    } else if (who === "organizer") {
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toContain(`registrants-${code}.`);
    } else {
      expect(res.status).toBe(403);
      expect(await res.text()).not.toMatch(/A123456789|B123456780/);
    }
  });

  test.each(Object.keys(actions))("server action %s", async (name) => {
    const before = await snapshot();
    const state = await actions[name]();
    expect(state.ok).toBe(who === "organizer");
    if (who !== "organizer") {
      expect(state.message).toMatch(/[\u4e00-\u9fff]/);
      expect(await snapshot()).toEqual(before);
    }
  });
});

test("the audit trail holds the reveals and exports, and only the organizer's", async () => {
  const reveals = await db.auditEvent.findMany({ where: { courseId, action: "registration.reveal-national-id" } });
  expect(reveals.length).toBeGreaterThanOrEqual(3); // use case, API and server action
  expect(new Set(reveals.map((r) => r.actorId))).toEqual(new Set([actors.organizer!.id]));
  const exportsDone = await db.auditEvent.findMany({ where: { courseId, action: "registrations.export" } });
  expect(exportsDone.map((e) => (e.detail as { revealed: boolean }).revealed).sort()).toEqual([false, false, true]);
});

test("the JSON API refuses other sites and non-JSON bodies for changes", async () => {
  mockActor = actors.organizer;
  const cross = new Request(`http://localhost/api/manage/courses/${code}/registrations/review`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "https://evil.example" },
    body: JSON.stringify({ ids: [regIds[1]], decision: "APPROVED" }),
  });
  expect((await reviewRoute(cross, params())).status).toBe(403);
  const form = new Request(`http://localhost/api/manage/courses/${code}/registrations/review`, { method: "POST", body: "ids=1&decision=APPROVED" });
  expect((await reviewRoute(form, params())).status).toBe(400);
  // A bad body gets field messages in Chinese.
  const bad = await reviewRoute(json("POST", { ids: [], decision: "REJECTED" }), params());
  expect(bad.status).toBe(400);
  const body = await bad.json();
  expect(body.error.fieldErrors).toMatchObject({ ids: ["請先勾選要審核的報名。"], reason: [expect.stringContaining("不錄取的原因")] });
});


test("exports are POSTs from this site: a GET or another site's form exports nothing and audits nothing", async () => {
  mockActor = actors.organizer;
  const before = await db.auditEvent.count({ where: { courseId, action: "registrations.export" } });
  // A link (GET), even with ?reveal=1, says where the button is.
  for (const [route, format] of [[csvGetRoute, "csv"], [xlsxGetRoute, "xlsx"]] as const) {
    const res = await route(new Request(`http://localhost/manage/courses/${code}/registrations/export/${format}?reveal=1`), params());
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect(await res.text()).toContain("匯出");
  }
  // Another site's auto-submitting form.
  const cross = new Request(`http://localhost/manage/courses/${code}/registrations/export/xlsx`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    body: "reveal=1",
  });
  const refused = await xlsxRoute(cross, params());
  expect(refused.status).toBe(403);
  expect(await refused.text()).toContain("不接受來自其他網站的請求");
  expect(await db.auditEvent.count({ where: { courseId, action: "registrations.export" } })).toBe(before);
});

test("the JSON API accepts the origin the site is served on (127.0.0.1), not only SITE_URL", async () => {
  mockActor = actors.organizer;
  const req = new Request(`http://localhost/api/manage/courses/${code}/registrations/review`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", "sec-fetch-site": "same-origin" },
    body: JSON.stringify({ ids: [regIds[1]], decision: "PENDING" }),
  });
  expect((await reviewRoute(req, params())).status).toBe(200);
});
