/**
 * @jest-environment node
 */
import { createCipheriv, hkdfSync, randomBytes } from "node:crypto";
import { CompactEncrypt } from "jose";
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

  // Tokens made by hand with next-auth's key: each breaks one rule jose's reader enforced.
  const key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
  const now = () => Math.floor(Date.now() / 1000);
  const made = (claims: unknown, header: Record<string, unknown> = { alg: "dir", enc: "A256GCM" }) =>
    new CompactEncrypt(new TextEncoder().encode(typeof claims === "string" ? claims : JSON.stringify(claims))).setProtectedHeader(header as { alg: string; enc: string }).encrypt(key);

  // Any header jose would refuse to write: encrypted here directly.
  const raw = (header: Record<string, unknown>, claims: unknown) => {
    const h = Buffer.from(JSON.stringify(header)).toString("base64url");
    const iv = randomBytes(12);
    const c = createCipheriv("aes-256-gcm", key, iv).setAAD(Buffer.from(h, "ascii"));
    const ct = Buffer.concat([c.update(JSON.stringify(claims)), c.final()]);
    return [h, "", iv.toString("base64url"), ct.toString("base64url"), c.getAuthTag().toString("base64url")].join(".");
  };

  test("a well-made token by hand is read, within the clock tolerance", async () => {
    await expect(decodeSessionToken({ token: await made({ uid: 3, exp: now() - 5, nbf: now() + 5 }), secret })).resolves.toMatchObject({ uid: 3 });
  });

  test("expired, not yet valid, non-numeric times, non-object claims, other algorithms and broken tokens are refused", async () => {
    await expect(decodeSessionToken({ token: await made({ uid: 3, exp: now() - 30 }), secret })).rejects.toThrow(/expired/);
    await expect(decodeSessionToken({ token: await made({ uid: 3, nbf: now() + 60 }), secret })).rejects.toThrow(/not yet valid/);
    await expect(decodeSessionToken({ token: await made({ uid: 3, exp: String(now() + 60) }), secret })).rejects.toThrow(/exp/);
    await expect(decodeSessionToken({ token: await made([1, 2]), secret })).rejects.toThrow(/object/);
    await expect(decodeSessionToken({ token: await made("not json"), secret })).rejects.toThrow();
    await expect(decodeSessionToken({ token: await made({ uid: 3 }, { alg: "dir", enc: "A256GCM", zip: "DEF" }), secret })).rejects.toThrow(/header/);
    await expect(decodeSessionToken({ token: raw({ alg: "dir", enc: "A256GCM" }, { uid: 3 }), secret })).resolves.toMatchObject({ uid: 3 });
    await expect(decodeSessionToken({ token: raw({ alg: "dir", enc: "A256GCM", crit: ["x"], x: 1 }, { uid: 3 }), secret })).rejects.toThrow(/header/);
    await expect(decodeSessionToken({ token: raw({ alg: "A256KW", enc: "A256GCM" }, { uid: 3 }), secret })).rejects.toThrow(/header/);
    const a128 = await new CompactEncrypt(new TextEncoder().encode("{}")).setProtectedHeader({ alg: "dir", enc: "A128GCM" }).encrypt(key.slice(0, 16));
    await expect(decodeSessionToken({ token: a128, secret })).rejects.toThrow(/header/);
    const good = await made({ uid: 3 });
    const [h, , iv, ct, tag] = good.split(".");
    // The header is authenticated: the same members in another order fail.
    const otherHeader = Buffer.from(JSON.stringify({ enc: "A256GCM", alg: "dir" })).toString("base64url");
    await expect(decodeSessionToken({ token: [otherHeader, "", iv, ct, tag].join("."), secret })).rejects.toThrow();
    await expect(decodeSessionToken({ token: [h, "", iv, ct].join("."), secret })).rejects.toThrow();
    await expect(decodeSessionToken({ token: [h, "x", iv, ct, tag].join("."), secret })).rejects.toThrow();
    await expect(decodeSessionToken({ token: [h, "", iv.slice(2), ct, tag].join("."), secret })).rejects.toThrow();
    await expect(decodeSessionToken({ token: [h, "", iv, ct, tag.slice(0, 10)].join("."), secret })).rejects.toThrow();
    await expect(decodeSessionToken({ token: "garbage", secret })).rejects.toThrow();
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
