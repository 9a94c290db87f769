/**
 * @jest-environment node
 */
// The security regression table: every route handler under app/ (found on disk, so a new one
// joins by itself) and every server action, called with malformed input by people of each
// role. Nothing may answer 5xx, and every refusal speaks Chinese (no library English).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { useTestDatabase } from "../support/database";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Actor } from "@/lib/auth/actor";
import { encodeSessionToken, sessionCookieName } from "@/lib/auth/session-token";
import { enrol } from "@/lib/registrations/enrol";
import { actorOf, createOpenCourse, createTeachers, createUnit, createUser } from "../support/factories";

let mockActor: Actor | null = null;
const mockHeaders = new Map<string, string>();
jest.mock("@/lib/auth/session", () => ({ getActor: async () => mockActor, actorById: async () => mockActor }));
jest.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: (fn: unknown) => fn }));
jest.mock("next/headers", () => ({
  headers: async () => new Headers([...mockHeaders]),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));

useTestDatabase();

const ROOT = path.resolve(__dirname, "../..");
const APP = path.join(ROOT, "app");

/** Route handlers that need Next's own request machinery; each is covered through the real server instead. */
const THROUGH_THE_SERVER: Record<string, string> = {
  "api/auth/[...nextauth]": "tests/e2e/security.spec.ts (next-auth reads Next's request scope)",
};

function routeFiles(dir = APP): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return routeFiles(p);
    return name === "route.ts" ? [p] : [];
  });
}

function actionFiles(dir = APP): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return actionFiles(p);
    return name === "actions.ts" ? [p] : [];
  });
}

const ODD_PARAMS = ["3000000000", "-1", "0", "1e309", "\u0000", "字", "a".repeat(3000), "../../etc/passwd", "😀", " ", "%", "1.5"];

const JSON_BODIES: [string, string][] = [
  ["wrong types", JSON.stringify({ ids: "x", decision: 5, reason: [], marks: "y", answers: 7, title: 123, capacity: "many", code: {}, status: 1 })],
  ["an array", "[1,2,3]"],
  ["a string", JSON.stringify("字串")],
  ["null", "null"],
  ["int overflow", JSON.stringify({ ids: [3000000000, -1, 1.5], marks: [{ id: 3000000000, attended: "yes" }], capacity: 1e20, hours: -5, id: 3000000000, seatsPerClass: 3000000000, waitlistLimit: 1e308 })],
  ["invalid dates", JSON.stringify({ startDate: "1900-01-01", endDate: "0000-00-00", startsAt: "1900-01-01T08:00", endsAt: "9999-99-99T25:61", registrationOpensAt: "275760-09-13", registrationClosesAt: "x" })],
  ["odd Unicode", '{"title":"\\u0000\\ud800\\u202e\\ufeff😀","reason":"\\u0000\\u0000","answers":{"meal":"\\udfff"},"decision":"\\u0000"}'],
  ["huge values", JSON.stringify({ title: "字".repeat(200_000), reason: "x".repeat(100_000), ids: Array(100_000).fill(1), answers: { meal: "字".repeat(50_000) } })],
  ["broken JSON", "{not json"],
  ["deep nesting", `{"a":${"[".repeat(5000)}${"]".repeat(5000)}}`],
  ["prototype keys", '{"__proto__":{"role":"REGION_ADMIN"},"constructor":{"prototype":{"x":1}},"decision":"APPROVED","ids":[1]}'],
  ["an oversized body", JSON.stringify({ title: "x".repeat(3 * 1024 * 1024) })],
];

const QUERIES = [
  "?page=3000000000&size=-1&pageSize=1e309",
  "?from=1900-01-01&to=9999-99-99",
  "?from=2026-02-30&to=0000-01-01&days=abc",
  "?q=%00%01%02&field=<script>",
  "?q=%ED%A0%BD" + encodeURIComponent("字".repeat(5000)), // a lone surrogate's bytes, then a long word
  "?status=DROP%20TABLE&order=;--&sort=__proto__",
  "?hmin=-1&hmax=3000000000&county=" + encodeURIComponent("字".repeat(300)),
  "?tag=a&tag=b&tag=" + Array(300).fill("x").join("&tag="),
  "?page=1.5&size=10.5&stage=1&type=",
  "?v=" + "x".repeat(10_000),
  "?%=%&&&=&page[]=1",
];

let code: string;
let regId: number;
let actors: Record<"anonymous" | "teacher" | "organizer" | "region", Actor | null>;
let teacherCookie = "";

beforeAll(async () => {
  const unit = await createUnit({ county: "臺北市" });
  const course = await createOpenCourse(unit.id, { formFields: ["nationalId", "meal"], capacity: 5, seatsPerClass: 5 });
  code = course.code;
  const [t] = await createTeachers(1);
  await enrol(t, { code, answers: { nationalId: "A123456789", meal: "葷食" } });
  regId = (await db.registration.findFirstOrThrow({ where: { courseId: course.id } })).id;
  actors = {
    anonymous: null,
    teacher: t,
    organizer: actorOf(await createUser("ORGANIZER", { unitId: unit.id })),
    region: actorOf(await createUser("REGION_ADMIN", { regionCounties: ["臺北市"] })),
  };
  const token = await encodeSessionToken({ token: { uid: t.id, authAt: Date.now() }, secret: env().NEXTAUTH_SECRET, maxAge: 600 });
  teacherCookie = `${sessionCookieName()}=${token}`;
});

const CJK = /[\u3400-\u9fff]/;
const LIBRARY_ENGLISH = /Invalid input|expected|received|Too (big|small)|undefined|NaN|TypeError|RangeError|SyntaxError|Error:|prisma|Unexpected token|at position/i;

async function expectHandled(res: Response, what: string): Promise<void> {
  if (res.status >= 500) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  if (res.status < 400) return;
  const text = await res.text();
  if (!text) return;
  let message = text;
  if ((res.headers.get("content-type") ?? "").includes("json")) {
    const body = JSON.parse(text) as { error?: { message?: string; fieldErrors?: Record<string, string[]> }; message?: string };
    message = [body.error?.message ?? body.message ?? "", ...Object.values(body.error?.fieldErrors ?? {}).flat()].join(" ");
  }
  if (!CJK.test(message)) throw new Error(`${what}: ${res.status} without a Chinese message: ${text.slice(0, 200)}`);
  if (LIBRARY_ENGLISH.test(message)) throw new Error(`${what}: library English in the answer: ${message.slice(0, 300)}`);
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

describe("every route handler answers malformed input with a 4xx in Chinese, never a 5xx", () => {
  const files = routeFiles();

  test("the table knows every route", () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const key of Object.keys(THROUGH_THE_SERVER)) expect(files.some((f) => f.includes(key))).toBe(true);
  });

  const cases = files
    .map((file) => path.relative(APP, path.dirname(file)))
    .filter((rel) => !Object.keys(THROUGH_THE_SERVER).some((k) => rel.includes(k)));

  test.each(cases)("%s", async (rel) => {
    const file = path.join(APP, rel, "route.ts");
    const source = readFileSync(file, "utf8");
    const methods = [...source.matchAll(/export (?:async function|const) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
    expect(methods.length).toBeGreaterThan(0);
    const mod = (await import(file)) as Record<string, Handler>;
    const segments = [...rel.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]);
    const urlPath = "/" + rel.replace(/\([^)]+\)\//g, "").replace(/\[code\]/g, code).replace(/\[id\]/g, String(regId)).replace(/\[part\]/g, "1.xml");
    const goodParams: Record<string, string> = { code, id: String(regId), part: "1.xml" };

    const calls: { what: string; method: string; params: Record<string, string>; query: string; body?: string; type?: string }[] = [];
    for (const method of methods) {
      for (const q of QUERIES) calls.push({ what: `${method} ${q.slice(0, 40)}`, method, params: goodParams, query: q });
      for (const seg of segments) {
        for (const odd of ODD_PARAMS) calls.push({ what: `${method} [${seg}]=${JSON.stringify(odd).slice(0, 20)}`, method, params: { ...goodParams, [seg]: odd }, query: "" });
      }
      if (method !== "GET") {
        for (const [what, body] of JSON_BODIES) calls.push({ what: `${method} ${what}`, method, params: goodParams, query: "", body, type: "application/json" });
        calls.push({ what: `${method} text/plain`, method, params: goodParams, query: "", body: "ids=1&decision=APPROVED", type: "text/plain" });
        calls.push({ what: `${method} a form`, method, params: goodParams, query: "", body: "ids=3000000000&decision=%00&reveal=1&status=" + "x".repeat(5000), type: "application/x-www-form-urlencoded" });
        calls.push({ what: `${method} broken multipart`, method, params: goodParams, query: "", body: "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n", type: "multipart/form-data; boundary=x" });
      }
    }
    expect(calls.length).toBeGreaterThanOrEqual(10);

    for (const who of Object.keys(actors) as (keyof typeof actors)[]) {
      mockActor = actors[who];
      for (const c of calls) {
        const headers: Record<string, string> = { origin: "http://localhost:3000", host: "localhost:3000", "idempotency-key": "bad-input-key-0001" };
        if (who === "teacher") headers.cookie = teacherCookie;
        if (c.type) headers["content-type"] = c.type;
        const req = new Request(`http://localhost:3000${urlPath}${c.query}`, { method: c.method, headers, body: c.body });
        const handler = mod[c.method];
        let res: Response;
        try {
          res = await handler(req, { params: Promise.resolve(c.params) });
        } catch (e) {
          throw new Error(`${rel} as ${who}, ${c.what}: threw ${e instanceof Error ? e.message.slice(0, 300) : String(e)}`);
        }
        await expectHandled(res, `${rel} as ${who}, ${c.what}`);
      }
    }
  });
});

type Action = (...args: unknown[]) => Promise<unknown>;

/** What a malformed form can hold: wrong types, huge values, overflow, bad dates, odd Unicode. */
function badForms(): FormData[] {
  const forms: [string, string][][] = [
    [],
    [["ids", "3000000000"], ["decision", "APPROVED"], ["id", "3000000000"]],
    [["ids", "-1"], ["ids", "1.5"], ["ids", "abc"], ["decision", "\u0000"]],
    [["title", "字".repeat(100_000)], ["reason", "x".repeat(100_000)]],
    [["startDate", "1900-01-01"], ["endDate", "9999-99-99"], ["startsAt", "0000-00-00T25:61"], ["registrationOpensAt", "275760-09-13T00:00"]],
    [["title", "\u0000\ud800\u202e😀"], ["meal", "\udfff"], ["email", "\u202e@x"], ["username", "\u0000"], ["password", "\ud800"]],
    [["capacity", "1e309"], ["hours", "-5"], ["seatsPerClass", "3000000000"], ["waitlistLimit", "NaN"]],
    [["action", "__proto__"], ["constructor", "x"], ["__proto__", "y"], ["code", "../../etc"]],
    [["answers", "[object Object]"], ["nationalId", "A".repeat(5000)], ["mobile", "09" + "1".repeat(3000)], ["birthday", "1900-02-30"]],
    [["idempotencyKey", "\u0000".repeat(200)], ["token", "x".repeat(10_000)], ["newPassword", "a".repeat(100_000)], ["confirm", "b"]],
    [["present", "3000000000"], ["ids", "1"], ["status", "<script>"], ["follow", "maybe"], ["returnTo", "/\t/evil.example"]],
  ];
  return forms.map((entries) => {
    const f = new FormData();
    for (const [k, v] of entries) f.append(k, v);
    return f;
  });
}

describe("every server action answers malformed input with Chinese form state, never an exception", () => {
  const files = actionFiles();

  test.each(files.map((f) => path.relative(APP, f)))("%s", async (rel) => {
    const mod = (await import(path.join(APP, rel))) as Record<string, Action>;
    const actions = Object.entries(mod).filter(([, v]) => typeof v === "function");
    expect(actions.length).toBeGreaterThan(0);
    for (const who of Object.keys(actors) as (keyof typeof actors)[]) {
      mockActor = actors[who];
      for (const [name, action] of actions) {
        // Bound arguments (the course code, a registration id) come from the browser too.
        const leading: unknown[][] =
          action.length >= 3 ? [[code], ...ODD_PARAMS.slice(0, 6).map((p) => [p])] : name === "revealAction" ? [[code]] : [[]];
        const argLists: unknown[][] = [];
        for (const lead of leading) {
          if (name === "revealAction") {
            for (const id of [3000000000, -1, 1.5, "x", null, {}, regId, Number.NaN, "1e309", "字", "\u0000"]) argLists.push([...lead, id]);
          } else {
            for (const form of badForms()) argLists.push([...lead, { ok: false }, form]);
            argLists.push([...lead, { ok: false }, null]);
          }
        }
        expect(argLists.length).toBeGreaterThanOrEqual(10);
        for (const args of argLists) {
          let state: unknown;
          try {
            state = await action(...args);
          } catch (e) {
            // redirect() and notFound() end an action on purpose; nothing else may escape.
            const digest = (e as { digest?: string }).digest ?? "";
            if (/^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK)/.test(digest)) continue;
            throw new Error(`${rel} ${name} as ${who} threw: ${e instanceof Error ? e.message.slice(0, 300) : String(e)}`);
          }
          const s = state as { ok?: boolean; message?: string; fieldErrors?: Record<string, string[]> };
          if (s && s.ok === false) {
            const text = [s.message ?? "", ...Object.values(s.fieldErrors ?? {}).flat()].join(" ");
            if (!CJK.test(text)) throw new Error(`${rel} ${name} as ${who}: no Chinese message: ${JSON.stringify(state).slice(0, 200)}`);
            if (LIBRARY_ENGLISH.test(text)) throw new Error(`${rel} ${name} as ${who}: library English: ${text.slice(0, 300)}`);
          }
        }
      }
    }
  });
});
