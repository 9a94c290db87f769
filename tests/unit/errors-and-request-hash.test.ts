import { AppError, httpStatusOf, isAppError } from "@/lib/errors";
import { createHash, createHmac, hkdfSync } from "node:crypto";
import { requestHash } from "@/lib/idempotency";
import { resetEnvForTests } from "@/lib/env";

describe("AppError", () => {
  it("is an Error with its code, status and Chinese message, and no stack frames", () => {
    const e = new AppError("CONFLICT", "名額已滿。");
    expect(e).toBeInstanceOf(Error);
    expect(isAppError(e)).toBe(true);
    expect(e.httpStatus).toBe(409);
    expect(httpStatusOf("IDEMPOTENCY_MISMATCH")).toBe(422);
    expect(e.message).toBe("名額已滿。");
    expect(e.name).toBe("AppError");
    expect(String(e.stack)).not.toMatch(/\n\s+at /);
  });

  it("leaves stack traces on for every other error", () => {
    const before = Error.stackTraceLimit;
    new AppError("NOT_FOUND", "找不到這筆資料。");
    expect(Error.stackTraceLimit).toBe(before);
    expect(String(new Error("x").stack)).toMatch(/\n\s+at /);
  });
});

describe("requestHash", () => {
  const OLD_ENV = process.env;
  beforeEach(() => {
    process.env = { ...OLD_ENV, DATABASE_URL: "postgresql://x/y", NEXTAUTH_SECRET: "s".repeat(40), NATIONAL_ID_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}`, NATIONAL_ID_KEY_ID: "k1", NATIONAL_ID_HASH_KEY: "h".repeat(40) };
    resetEnvForTests();
  });
  afterAll(() => {
    process.env = OLD_ENV;
    resetEnvForTests();
  });

  it("ignores key order and undefined members", () => {
    const request = { b: "2", a: "一", c: undefined, d: [1, null, undefined, { z: true, y: "x" }] };
    expect(requestHash({ request: { d: [1, null, undefined, { y: "x", z: true }], a: "一", b: "2" }, scope: "enrol:123" })).toBe(requestHash({ scope: "enrol:123", request }));
    expect(requestHash({ scope: "enrol:1", request: { a: "1" } })).not.toBe(requestHash({ scope: "enrol:1", request: { a: "2" } }));
  });

  it("is keyed: a typed 身分證字號 cannot be found by hashing guesses without the server's key", () => {
    const parts = { scope: "enrol:1", request: { answers: { nationalId: "A123456789" } } };
    const text = '{"request":{"answers":{"nationalId":"A123456789"}},"scope":"enrol:1"}';
    const keyed = requestHash(parts);
    expect(keyed).toMatch(/^[0-9a-f]{64}$/);
    expect(keyed).not.toBe(createHash("sha256").update(text).digest("hex"));
    // Pinned for this key: records stored before a deploy still match the same request after it.
    expect(keyed).toBe(createHmac("sha256", Buffer.from(hkdfSync("sha256", "h".repeat(40), "", "inservice idempotency request hash", 32))).update(text).digest("hex"));
    process.env.NATIONAL_ID_HASH_KEY = "g".repeat(40);
    resetEnvForTests();
    expect(requestHash(parts)).not.toBe(keyed);
  });
});
