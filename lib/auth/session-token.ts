import "server-only";
import { createDecipheriv, hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, type JWTPayload } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";
import { env } from "@/lib/env";

/** The session cookie (Secure, with the __Secure- prefix, when the site is served over https). */
export function sessionCookieName(): string {
  return env().SITE_URL.startsWith("https://") ? "__Secure-inservice.session" : "inservice.session";
}

/**
 * The session cookie's token: next-auth's own format (a JWE, "dir" + A256GCM, with the key
 * derived from NEXTAUTH_SECRET by HKDF-SHA-256 exactly as next-auth derives it), so tokens
 * issued by either side are read by the other.
 *
 * Why not next-auth's encode/decode: they derive the key again on every call, and
 * getServerSession also re-encrypts the token on every request. Reading who is asking is on
 * every signed-in request, the enrol rush included; here the key is derived once per secret
 * and reading is one decryption.
 */
const INFO = "NextAuth.js Generated Encryption Key";
const keys = new Map<string, Uint8Array>();

function derivedKey(secret: string, salt = ""): Uint8Array {
  const id = `${salt}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, salt, salt ? `${INFO} (${salt})` : INFO, 32));
    keys.set(id, key);
  }
  return key;
}

const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;

export async function encodeSessionToken({ token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt = "" }: JWTEncodeParams): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token as JWTPayload)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(derivedKey(String(secret), salt));
}

const CLOCK_TOLERANCE_S = 15;

class InvalidSessionToken extends Error {}

/**
 * The token's claims, or null when it is missing; throws when it is forged, malformed or
 * expired. Read with node:crypto directly (AES-256-GCM, the protected header as additional
 * data), with the checks jose's jwtDecrypt makes for next-auth: alg "dir" and enc "A256GCM"
 * only, no compression or critical extensions, numeric exp/nbf/iat, exp and nbf with 15 s of
 * tolerance. jose's general JWE machinery cost about 45 µs of CPU per request on top of the
 * decryption itself, on every signed-in request of a rush. Tokens are still written by jose
 * (encodeSessionToken) and read by next-auth: tests/unit/session-token.test.ts checks both ways.
 */
export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const parts = token.split(".");
  if (parts.length !== 5 || parts[1] !== "") throw new InvalidSessionToken("not a direct-encryption JWE");
  const header = JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8")) as Record<string, unknown> | null;
  if (!header || typeof header !== "object" || header.alg !== "dir" || header.enc !== "A256GCM" || "zip" in header || "crit" in header) {
    throw new InvalidSessionToken("unsupported JWE header");
  }
  const iv = Buffer.from(parts[2], "base64url");
  const tag = Buffer.from(parts[4], "base64url");
  if (iv.length !== 12 || tag.length !== 16) throw new InvalidSessionToken("bad IV or tag");
  const decipher = createDecipheriv("aes-256-gcm", derivedKey(String(secret), salt), iv, { authTagLength: 16 });
  decipher.setAAD(Buffer.from(parts[0], "ascii"));
  decipher.setAuthTag(tag);
  // final() throws when the tag does not match: a forged or altered token.
  const plain = Buffer.concat([decipher.update(Buffer.from(parts[3], "base64url")), decipher.final()]);
  const payload = JSON.parse(plain.toString("utf8")) as Record<string, unknown> | null;
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) throw new InvalidSessionToken("claims are not an object");
  for (const claim of ["exp", "nbf", "iat"]) {
    if (payload[claim] !== undefined && typeof payload[claim] !== "number") throw new InvalidSessionToken(`"${claim}" is not a number`);
  }
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.exp === "number" && payload.exp <= now - CLOCK_TOLERANCE_S) throw new InvalidSessionToken("expired");
  if (typeof payload.nbf === "number" && payload.nbf > now + CLOCK_TOLERANCE_S) throw new InvalidSessionToken("not yet valid");
  return payload as JWT;
}

/**
 * The session token from a request's cookies: the cookie itself, or next-auth's chunks of it
 * (`name.0`, `name.1`, …) joined in order when it was too long for one cookie.
 */
export function sessionTokenFromCookies(cookieName: string, all: { name: string; value: string }[]): string | undefined {
  const whole = all.find((c) => c.name === cookieName);
  if (whole) return whole.value;
  const chunks = all
    .map((c) => ({ c, m: c.name.startsWith(`${cookieName}.`) ? /^\d+$/.exec(c.name.slice(cookieName.length + 1)) : null }))
    .filter((x) => x.m)
    .sort((a, b) => Number(a.m![0]) - Number(b.m![0]));
  return chunks.length ? chunks.map((x) => x.c.value).join("") : undefined;
}
