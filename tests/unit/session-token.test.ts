/**
 * @jest-environment node
 */
import { encode, decode } from "next-auth/jwt";
import { decodeSessionToken, encodeSessionToken, sessionTokenFromCookies } from "@/lib/auth/session-token";

const secret = "a-test-secret-that-is-long-enough-0123456789";

// The session cookie must stay readable by next-auth (its own sign-in and /api/auth/session)
// and by our fast reader: the same JWE either way.
describe("session token", () => {
  test("a token next-auth encodes is read by ours", async () => {
    const token = await encode({ token: { uid: 42, authAt: 1000 }, secret, maxAge: 60 });
    await expect(decodeSessionToken({ token, secret })).resolves.toMatchObject({ uid: 42, authAt: 1000 });
  });

  test("a token ours encodes is read by next-auth", async () => {
    const token = await encodeSessionToken({ token: { uid: 7 }, secret, maxAge: 60 });
    await expect(decode({ token, secret })).resolves.toMatchObject({ uid: 7 });
  });

  test("another secret, an expired token or a forged one is refused", async () => {
    const token = await encodeSessionToken({ token: { uid: 7 }, secret, maxAge: 60 });
    await expect(decodeSessionToken({ token, secret: "another-secret-another-secret-another" })).rejects.toThrow();
    const expired = await encodeSessionToken({ token: { uid: 7 }, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow();
    const forged = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    await expect(decodeSessionToken({ token: forged, secret })).rejects.toThrow();
    await expect(decodeSessionToken({ token: undefined, secret })).resolves.toBeNull();
  });

  test("the cookie, whole or in next-auth's chunks", () => {
    expect(sessionTokenFromCookies("s", [{ name: "x", value: "1" }, { name: "s", value: "whole" }])).toBe("whole");
    expect(
      sessionTokenFromCookies("s", [
        { name: "s.1", value: "B" },
        { name: "s.10", value: "D" },
        { name: "s.0", value: "A" },
        { name: "s.2", value: "C" },
        { name: "s.x", value: "no" },
      ]),
    ).toBe("ABCD".slice(0, 3) + "D");
    expect(sessionTokenFromCookies("s", [{ name: "other", value: "1" }])).toBeUndefined();
  });
});
