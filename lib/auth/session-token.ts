import "server-only";
import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";
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

/** The token's claims, or null when it is missing; throws when it is forged or expired. */
export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, derivedKey(String(secret), salt), { clockTolerance: 15 });
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
