import { AppError, httpStatusOf, isAppError } from "@/lib/errors";
import { requestHash } from "@/lib/idempotency";

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
  it("ignores key order and undefined members, and keeps the hashes already stored", () => {
    // Pinned: records stored before a deploy must still match the same request after it.
    const request = { b: "2", a: "一", c: undefined, d: [1, null, undefined, { z: true, y: "x" }] };
    expect(requestHash({ scope: "enrol:123", request })).toBe("a9ae8b13c9fa2f7f452f74f8a1ea5bcfdff3c0f5086a3b47fd391addabeba405");
    expect(requestHash({ request: { d: [1, null, undefined, { y: "x", z: true }], a: "一", b: "2" }, scope: "enrol:123" })).toBe(requestHash({ scope: "enrol:123", request }));
    expect(requestHash({ scope: "enrol:1", request: {} })).toBe("6bad4fec49f1154837611546148f34d28bc7e478b71fc6b5cae4e49a4d04f62b");
    expect(requestHash({ scope: "enrol:1", request: { a: "1" } })).not.toBe(requestHash({ scope: "enrol:1", request: { a: "2" } }));
  });
});
