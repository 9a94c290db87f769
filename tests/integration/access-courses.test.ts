/**
 * @jest-environment node
 */
// Who may do what with courses, through every door: the use cases themselves, the JSON API, the
// server actions and the pages. Each cell runs the door as that person on a fresh course of
// "this unit" (臺北市) and records the outcome; a refused change must leave the course as it was.
import { useTestDatabase } from "../support/database";
import { actorOf, createCourse, createOpenCourse, createUnit, createUser } from "../support/factories";
import { dayFromNow, validCourseInput } from "./course-manage-input";
import type { Actor } from "@/lib/auth/actor";

const mockSession: { actor: Actor | null } = { actor: null };
jest.mock("@/lib/auth/session", () => ({ getActor: async () => mockSession.actor }));
jest.mock("next/cache", () => ({
  unstable_cache: (fn: (...a: unknown[]) => Promise<unknown>) => fn,
  revalidateTag: jest.fn(),
  revalidatePath: jest.fn(),
}));

import { db } from "@/lib/db";
import { isAppError, messages } from "@/lib/errors";
import { COURSE_NOT_FOUND, NOT_YOUR_REGION, NOT_YOUR_UNIT } from "@/lib/courses/course-access";
import type { FormState } from "@/lib/form-state";
import { listUnitCourses } from "@/lib/courses/list-unit-courses";
import { getOrganizerHome } from "@/lib/courses/get-organizer-home";
import { getCourseForEdit, getNewCourseDefaults } from "@/lib/courses/get-course-for-edit";
import { createCourse as createCourseUseCase } from "@/lib/courses/create-course";
import { updateCourse } from "@/lib/courses/update-course";
import { submitCourse } from "@/lib/courses/submit-course";
import { cancelCourse } from "@/lib/courses/cancel-course";
import { listCoursesAwaitingApproval } from "@/lib/courses/list-courses-awaiting-approval";
import { getCourseForReview } from "@/lib/courses/get-course-for-review";
import { approveCourse } from "@/lib/courses/approve-course";
import { returnCourse } from "@/lib/courses/return-course";
import { getRegionHome } from "@/lib/courses/get-region-home";
import * as manageCoursesApi from "@/app/api/manage/courses/route";
import * as manageCourseApi from "@/app/api/manage/courses/[code]/route";
import * as submitApi from "@/app/api/manage/courses/[code]/submit/route";
import * as cancelApi from "@/app/api/manage/courses/[code]/cancel/route";
import * as regionCoursesApi from "@/app/api/region/courses/route";
import * as regionCourseApi from "@/app/api/region/courses/[code]/route";
import * as approveApi from "@/app/api/region/courses/[code]/approve/route";
import * as returnApi from "@/app/api/region/courses/[code]/return/route";
import * as suggestUnitsApi from "@/app/api/units/suggest/route";
import { createCourseAction } from "@/app/(organizer)/manage/courses/new/actions";
import { cancelCourseAction, updateCourseAction } from "@/app/(organizer)/manage/courses/[code]/edit/actions";
import { approveCourseAction, returnCourseAction } from "@/app/(region)/region/courses/[code]/actions";
import ManagePage from "@/app/(organizer)/manage/page";
import NewCoursePage from "@/app/(organizer)/manage/courses/new/page";
import EditCoursePage from "@/app/(organizer)/manage/courses/[code]/edit/page";
import RegionPage from "@/app/(region)/region/page";
import ReviewCoursePage from "@/app/(region)/region/courses/[code]/page";

useTestDatabase();
jest.setTimeout(120_000);
// forbidden() works only where the app turns on experimental.authInterrupts (next.config.ts).
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "1";

const WHO = ["anonymous", "teacher", "organizer", "otherOrganizer", "regionAdmin", "otherRegionAdmin"] as const;
type Who = (typeof WHO)[number];
/** ok; listed / unlisted (a list: does it show this unit's course?); 401, 403, 404; login (a page sends to sign-in). */
type Outcome = "ok" | "listed" | "unlisted" | "401" | "403" | "404" | "login" | `unexpected: ${string}`;

const actors = {} as Record<Who, Actor | null>;
let unitId: number;

beforeAll(async () => {
  const mine = await createUnit({ county: "臺北市" });
  const other = await createUnit({ county: "臺北市" });
  unitId = mine.id;
  actors.anonymous = null;
  actors.teacher = actorOf(await createUser("TEACHER", { unitId: mine.id }));
  actors.organizer = actorOf(await createUser("ORGANIZER", { unitId: mine.id }));
  actors.otherOrganizer = actorOf(await createUser("ORGANIZER", { unitId: other.id }));
  actors.regionAdmin = actorOf(await createUser("REGION_ADMIN", { regionCounties: ["臺北市", "新北市"] }));
  actors.otherRegionAdmin = actorOf(await createUser("REGION_ADMIN", { regionCounties: ["高雄市"] }));
});

// ---------------------------------------------------------------------------------------------
// Fresh courses of "this unit", one per cell

const future = () => ({
  startDate: new Date(dayFromNow(30)),
  endDate: new Date(dayFromNow(30)),
  registrationOpensAt: new Date(Date.now() + 86400_000),
  registrationClosesAt: new Date(Date.now() + 7 * 86400_000),
});
const FIXTURES = {
  draft: () => createCourse(unitId, { status: "DRAFT", ...future() }),
  returned: () => createCourse(unitId, { status: "DRAFT", statusNote: "請補充課程內容", ...future() }),
  submitted: () => createCourse(unitId, { status: "SUBMITTED", submittedAt: new Date(), ...future() }),
  published: () => createOpenCourse(unitId),
};
type Fixture = keyof typeof FIXTURES;

// ---------------------------------------------------------------------------------------------
// Outcomes of each kind of door

function outcomeOfError(e: unknown): Outcome {
  if (isAppError(e)) {
    if (e.code === "UNAUTHENTICATED") return "401";
    if (e.code === "FORBIDDEN") return "403";
    if (e.code === "NOT_FOUND") return "404";
    return `unexpected: ${e.code} ${e.message}`;
  }
  const digest = (e as { digest?: string })?.digest ?? "";
  if (digest.startsWith("NEXT_REDIRECT") && digest.includes("/login")) return "login";
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;403") return "403";
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "404";
  throw e;
}

/** A use case or a page: resolving is ok. */
async function call(fn: () => Promise<unknown>, listed?: (result: unknown, code: string) => boolean, code = ""): Promise<Outcome> {
  try {
    const r = await fn();
    return listed ? (listed(r, code) ? "listed" : "unlisted") : "ok";
  } catch (e) {
    return outcomeOfError(e);
  }
}

/** A route handler: the status (and for lists, whether the course is in the body). */
async function api(res: Promise<Response>, code: string, list = false): Promise<Outcome> {
  const r = await res;
  if (r.status === 200 || r.status === 201) return list ? ((await r.text()).includes(`"${code}"`) ? "listed" : "unlisted") : "ok";
  if ([401, 403, 404].includes(r.status)) return String(r.status) as Outcome;
  return `unexpected: ${r.status} ${await r.text()}`;
}

const REFUSALS: Record<string, Outcome> = {
  [messages.unauthenticated]: "401",
  [messages.forbidden]: "403",
  [NOT_YOUR_UNIT]: "403",
  [NOT_YOUR_REGION]: "403",
  [COURSE_NOT_FOUND]: "404",
};

/** A server action: a redirect or { ok: true } is ok; a refusal is recognised by its message. */
async function action(fn: () => Promise<FormState>): Promise<Outcome> {
  try {
    const s = await fn();
    if (s.ok) return "ok";
    return REFUSALS[s.message ?? ""] ?? (s.message?.includes("尚未設定所屬單位") ? "403" : `unexpected: ${s.message}`);
  } catch (e) {
    const digest = (e as { digest?: string })?.digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return "ok";
    return outcomeOfError(e);
  }
}

function jsonRequest(path: string, method: string, body?: unknown): Request {
  return new Request(`http://localhost:3000${path}`, {
    method,
    headers: { "content-type": "application/json", origin: "http://localhost:3000" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const ctx = (code: string) => ({ params: Promise.resolve({ code }) });

function formDataOf(values: ReturnType<typeof validCourseInput>, extra: Record<string, string> = {}): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) {
    if (Array.isArray(v)) v.forEach((x) => f.append(k, x));
    else if (typeof v === "boolean") {
      if (v) f.set(k, "on");
    } else f.set(k, v);
  }
  for (const [k, v] of Object.entries(extra)) f.set(k, v);
  return f;
}

const inList = (r: unknown, code: string) => JSON.stringify(r).includes(`"${code}"`);

// ---------------------------------------------------------------------------------------------
// The doors and who may pass

const ORG_COURSE = { anonymous: "401", teacher: "403", organizer: "ok", otherOrganizer: "403", regionAdmin: "403", otherRegionAdmin: "403" } as const;
const ORG_SCOPE = { ...ORG_COURSE, organizer: "listed", otherOrganizer: "unlisted" } as const;
const ORG_CREATE = { ...ORG_COURSE, otherOrganizer: "ok" } as const;
const REGION_COURSE = { anonymous: "401", teacher: "403", organizer: "403", otherOrganizer: "403", regionAdmin: "ok", otherRegionAdmin: "403" } as const;
const REGION_SCOPE = { ...REGION_COURSE, regionAdmin: "listed", otherRegionAdmin: "unlisted" } as const;
const PUBLIC_LISTED = { anonymous: "listed", teacher: "listed", organizer: "listed", otherOrganizer: "listed", regionAdmin: "listed", otherRegionAdmin: "listed" } as const;
const page = <T extends Record<Who, string>>(t: T) => ({ ...t, anonymous: "login" }) as Record<Who, Outcome>;

type Door = { name: string; fixture: Fixture; run: (code: string, who: Who) => Promise<Outcome>; expected: Record<Who, string>; changes?: boolean };

const DOORS: Door[] = [
  // Use cases
  { name: "listUnitCourses", fixture: "draft", expected: ORG_SCOPE, run: (code, who) => call(() => listUnitCourses(actors[who]), inList, code) },
  { name: "getOrganizerHome", fixture: "returned", expected: ORG_SCOPE, run: (code, who) => call(() => getOrganizerHome(actors[who]), inList, code) },
  { name: "getNewCourseDefaults", fixture: "draft", expected: ORG_CREATE, run: (_c, who) => call(() => getNewCourseDefaults(actors[who])) },
  { name: "getCourseForEdit", fixture: "draft", expected: ORG_COURSE, run: (code, who) => call(() => getCourseForEdit(actors[who], code)) },
  { name: "createCourse", fixture: "draft", expected: ORG_CREATE, run: (_c, who) => call(() => createCourseUseCase(actors[who], validCourseInput())) },
  { name: "updateCourse (draft)", fixture: "draft", changes: true, expected: ORG_COURSE, run: (code, who) => call(() => updateCourse(actors[who], { code, title: "改過的研習名稱" })) },
  { name: "updateCourse (published)", fixture: "published", changes: true, expected: ORG_COURSE, run: (code, who) => call(() => updateCourse(actors[who], { code, title: "改過的研習名稱" })) },
  { name: "submitCourse", fixture: "draft", changes: true, expected: ORG_COURSE, run: (code, who) => call(() => submitCourse(actors[who], { code })) },
  { name: "cancelCourse", fixture: "published", changes: true, expected: ORG_COURSE, run: (code, who) => call(() => cancelCourse(actors[who], { code, reason: "講師因故無法出席" })) },
  { name: "listCoursesAwaitingApproval", fixture: "submitted", expected: REGION_SCOPE, run: (code, who) => call(() => listCoursesAwaitingApproval(actors[who]), inList, code) },
  // The home shows the count and the five oldest: "listed" when this county's waiting course is counted.
  { name: "getRegionHome", fixture: "submitted", expected: REGION_SCOPE, run: (code, who) => call(() => getRegionHome(actors[who]), (r) => (r as { awaitingCount: number }).awaitingCount > 0, code) },
  { name: "getCourseForReview", fixture: "submitted", expected: REGION_COURSE, run: (code, who) => call(() => getCourseForReview(actors[who], code)) },
  { name: "approveCourse", fixture: "submitted", changes: true, expected: REGION_COURSE, run: (code, who) => call(() => approveCourse(actors[who], { code })) },
  { name: "returnCourse", fixture: "submitted", changes: true, expected: REGION_COURSE, run: (code, who) => call(() => returnCourse(actors[who], { code, reason: "請補充講師資料" })) },

  // JSON API
  { name: "GET /api/manage/courses", fixture: "draft", expected: ORG_SCOPE, run: (code) => api(manageCoursesApi.GET(jsonRequest("/api/manage/courses", "GET")), code, true) },
  { name: "POST /api/manage/courses", fixture: "draft", expected: ORG_CREATE, run: (code) => api(manageCoursesApi.POST(jsonRequest("/api/manage/courses", "POST", validCourseInput())), code) },
  { name: "GET /api/manage/courses/{code}", fixture: "draft", expected: ORG_COURSE, run: (code) => api(manageCourseApi.GET(jsonRequest(`/api/manage/courses/${code}`, "GET"), ctx(code)), code) },
  {
    name: "PATCH /api/manage/courses/{code}",
    fixture: "published",
    changes: true,
    expected: ORG_COURSE,
    run: (code) => api(manageCourseApi.PATCH(jsonRequest(`/api/manage/courses/${code}`, "PATCH", { title: "改過的研習名稱", seatsPerClass: 40 }), ctx(code)), code),
  },
  { name: "POST /api/manage/courses/{code}/submit", fixture: "draft", changes: true, expected: ORG_COURSE, run: (code) => api(submitApi.POST(jsonRequest(`/api/manage/courses/${code}/submit`, "POST"), ctx(code)), code) },
  {
    name: "POST /api/manage/courses/{code}/cancel",
    fixture: "published",
    changes: true,
    expected: ORG_COURSE,
    run: (code) => api(cancelApi.POST(jsonRequest(`/api/manage/courses/${code}/cancel`, "POST", { reason: "講師因故無法出席" }), ctx(code)), code),
  },
  { name: "GET /api/region/courses", fixture: "submitted", expected: REGION_SCOPE, run: (code) => api(regionCoursesApi.GET(), code, true) },
  { name: "GET /api/region/courses/{code}", fixture: "submitted", expected: REGION_COURSE, run: (code) => api(regionCourseApi.GET(jsonRequest(`/api/region/courses/${code}`, "GET"), ctx(code)), code) },
  { name: "POST /api/region/courses/{code}/approve", fixture: "submitted", changes: true, expected: REGION_COURSE, run: (code) => api(approveApi.POST(jsonRequest(`/api/region/courses/${code}/approve`, "POST"), ctx(code)), code) },
  {
    name: "POST /api/region/courses/{code}/return",
    fixture: "submitted",
    changes: true,
    expected: REGION_COURSE,
    run: (code) => api(returnApi.POST(jsonRequest(`/api/region/courses/${code}/return`, "POST", { reason: "請補充講師資料" }), ctx(code)), code),
  },

  // A public door: everyone gets the unit of a published course among the 辦理研習單位 suggestions.
  {
    name: "GET /api/units/suggest",
    fixture: "published",
    expected: PUBLIC_LISTED,
    run: async () => {
      const { name } = await db.unit.findUniqueOrThrow({ where: { id: unitId } });
      const res = await suggestUnitsApi.GET(jsonRequest(`/api/units/suggest?q=${encodeURIComponent(name)}`, "GET"));
      if (res.status !== 200) return `unexpected: ${res.status} ${await res.text()}`;
      return ((await res.json()) as { units: string[] }).units.includes(name) ? "listed" : "unlisted";
    },
  },

  // Server actions
  { name: "createCourseAction", fixture: "draft", expected: ORG_CREATE, run: () => action(() => createCourseAction({ ok: false }, formDataOf(validCourseInput()))) },
  { name: "updateCourseAction", fixture: "draft", changes: true, expected: ORG_COURSE, run: (code) => action(() => updateCourseAction(code, { ok: false }, formDataOf(validCourseInput({ title: "改過的研習名稱" })))) },
  {
    name: "updateCourseAction (儲存並送審)",
    fixture: "draft",
    changes: true,
    expected: ORG_COURSE,
    run: (code) => action(() => updateCourseAction(code, { ok: false }, formDataOf(validCourseInput(), { intent: "submit" }))),
  },
  { name: "cancelCourseAction", fixture: "published", changes: true, expected: ORG_COURSE, run: (code) => action(() => cancelCourseAction(code, { ok: false }, formDataOf(validCourseInput(), { reason: "講師因故無法出席" }))) },
  { name: "approveCourseAction", fixture: "submitted", changes: true, expected: REGION_COURSE, run: (code) => action(() => approveCourseAction(code, { ok: false }, new FormData())) },
  {
    name: "returnCourseAction",
    fixture: "submitted",
    changes: true,
    expected: REGION_COURSE,
    run: (code) => action(() => returnCourseAction(code, { ok: false }, formDataOf(validCourseInput(), { reason: "請補充講師資料" }))),
  },

  // Pages
  { name: "page /manage", fixture: "draft", expected: page(ORG_CREATE), run: () => call(() => ManagePage({ searchParams: Promise.resolve({}) })) },
  { name: "page /manage/courses/new", fixture: "draft", expected: page(ORG_CREATE), run: () => call(() => NewCoursePage()) },
  {
    name: "page /manage/courses/{code}/edit",
    fixture: "draft",
    expected: page(ORG_COURSE),
    run: (code) => call(() => EditCoursePage({ params: Promise.resolve({ code }), searchParams: Promise.resolve({}) })),
  },
  { name: "page /region", fixture: "submitted", expected: page({ ...REGION_COURSE, otherRegionAdmin: "ok" }), run: () => call(() => RegionPage({ searchParams: Promise.resolve({}) })) },
  { name: "page /region/courses/{code}", fixture: "submitted", expected: page(REGION_COURSE), run: (code) => call(() => ReviewCoursePage({ params: Promise.resolve({ code }) })) },
];

async function snapshot(code: string) {
  const c = await db.course.findUniqueOrThrow({ where: { code } });
  return { status: c.status, title: c.title, capacity: c.capacity, statusNote: c.statusNote, updatedAt: c.updatedAt.toISOString() };
}

describe.each(DOORS.map((d) => [d.name, d] as const))("%s", (_name, door) => {
  test("answers each person as the table says, and a refused change leaves the course as it was", async () => {
    const actual = {} as Record<Who, Outcome>;
    for (const who of WHO) {
      const course = await FIXTURES[door.fixture]();
      const before = await snapshot(course.code);
      mockSession.actor = actors[who];
      actual[who] = await door.run(course.code, who);
      mockSession.actor = null;
      if (door.changes && actual[who] !== "ok") expect({ who, course: await snapshot(course.code) }).toEqual({ who, course: before });
    }
    expect(actual).toEqual(door.expected);
  });
});

test("a course code that does not exist is 404 for its own people, and never reveals anything", async () => {
  mockSession.actor = actors.organizer;
  expect(await api(manageCourseApi.GET(jsonRequest("/api/manage/courses/9999990", "GET"), ctx("9999990")), "9999990")).toBe("404");
  mockSession.actor = actors.regionAdmin;
  expect(await api(approveApi.POST(jsonRequest("/api/region/courses/9999990/approve", "POST"), ctx("9999990")), "9999990")).toBe("404");
  expect(await call(() => ReviewCoursePage({ params: Promise.resolve({ code: "abc" }) }))).toBe("404");
  mockSession.actor = null;
});

test("a changing request from another site is refused before anything happens", async () => {
  const course = await FIXTURES.submitted();
  mockSession.actor = actors.regionAdmin;
  const req = new Request(`http://localhost:3000/api/region/courses/${course.code}/approve`, { method: "POST", headers: { origin: "https://evil.example" } });
  expect((await approveApi.POST(req, ctx(course.code))).status).toBe(403);
  const form = new Request("http://localhost:3000/api/manage/courses", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "title=x" });
  mockSession.actor = actors.organizer;
  expect((await manageCoursesApi.POST(form)).status).toBe(400);
  mockSession.actor = null;
  expect((await db.course.findUniqueOrThrow({ where: { code: course.code } })).status).toBe("SUBMITTED");
});
