import "server-only";
import { hkdfSync } from "node:crypto";
import { createChallenge, randomInt, verifySolution, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { sql } from "@/lib/db";
import { env } from "@/lib/env";
import type { RateLimitRule } from "@/lib/rate-limit";

/**
 * The sign-in 驗證碼: an ALTCHA proof-of-work challenge (altcha-lib, the widget in
 * components/auth/challenge-widget.tsx). The browser must find a counter the server picked at
 * random (SHA-256 of salt + nonce + counter starting with the key prefix): a fraction of a
 * second for a browser, and no shortcut for a script that only reads the page.
 *
 * - Stateless to create: the challenge carries its expiry and an HMAC signature by a key derived
 *   from NEXTAUTH_SECRET (HKDF), so handing one out writes nothing to the database.
 * - Single use: a verified solution's signature is recorded in UsedChallenge until the challenge
 *   expires (then the hourly purge removes it); the same solution a second time fails.
 */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
export const CHALLENGE_ALGORITHM = "SHA-256";
/** The counter the browser must find lies in this range (about 0.1–1 s in a browser). */
export const CHALLENGE_COUNTER_MIN = 5_000;
export const CHALLENGE_COUNTER_MAX = 60_000;

/** Challenges one client address may fetch per minute (POST /api/auth/challenge). */
export const CHALLENGE_RATE_LIMIT: RateLimitRule = { bucket: "sign-in-challenge", limit: 30, windowMs: 60 * 1000 };

const secrets = new Map<string, { signature: string; key: string }>();

function challengeSecrets(): { signature: string; key: string } {
  const master = env().NEXTAUTH_SECRET;
  let s = secrets.get(master);
  if (!s) {
    const derive = (info: string) => Buffer.from(hkdfSync("sha256", master, "", info, 32)).toString("hex");
    s = { signature: derive("inservice sign-in challenge signature"), key: derive("inservice sign-in challenge key") };
    secrets.set(master, s);
  }
  return s;
}

/** A new signed challenge, in the JSON form the widget reads. Writes nothing. */
export async function createSignInChallenge(now: Date = new Date()): Promise<Challenge> {
  const { signature, key } = challengeSecrets();
  return createChallenge({
    algorithm: CHALLENGE_ALGORITHM,
    cost: 1,
    counter: randomInt(CHALLENGE_COUNTER_MAX, CHALLENGE_COUNTER_MIN),
    deriveKey,
    expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
    hmacSignatureSecret: signature,
    hmacKeySignatureSecret: key,
  });
}

export type ChallengeCheck = "ok" | "missing" | "invalid" | "expired" | "used";

type Payload = { challenge: Challenge; solution: { counter: number; derivedKey: string } };

/** The widget's form value: base64 of JSON { challenge, solution }. */
function parsePayload(raw: string): Payload | null {
  try {
    const value = JSON.parse(Buffer.from(raw, "base64").toString("utf8")) as unknown;
    if (!value || typeof value !== "object") return null;
    const { challenge, solution } = value as Record<string, unknown>;
    if (!challenge || typeof challenge !== "object" || !solution || typeof solution !== "object") return null;
    const c = challenge as Record<string, unknown>;
    if (!c.parameters || typeof c.parameters !== "object" || typeof c.signature !== "string") return null;
    return value as Payload;
  } catch {
    return null;
  }
}

/** Checks a solution and, when it is right, uses its challenge up. */
export async function verifySignInChallenge(raw: string | undefined, now: Date = new Date()): Promise<ChallengeCheck> {
  if (!raw) return "missing";
  if (raw.length > 4000) return "invalid";
  const payload = parsePayload(raw);
  if (!payload) return "invalid";
  const expiresAt = payload.challenge.parameters.expiresAt;
  if (typeof expiresAt !== "number") return "invalid";
  if (expiresAt * 1000 <= now.getTime()) return "expired";
  const { signature, key } = challengeSecrets();
  let verified = false;
  try {
    const result = await verifySolution({
      challenge: payload.challenge,
      solution: payload.solution,
      deriveKey,
      hmacSignatureSecret: signature,
      hmacKeySignatureSecret: key,
    });
    if (result.expired) return "expired";
    verified = result.verified;
  } catch {
    return "invalid";
  }
  if (!verified) return "invalid";
  const taken = await sql<{ ok: number }>(
    `INSERT INTO "UsedChallenge" (signature, "expiresAt") VALUES ($1, $2::timestamptz AT TIME ZONE 'UTC')
     ON CONFLICT (signature) DO NOTHING RETURNING 1 AS ok`,
    [payload.challenge.signature, new Date(expiresAt * 1000).toISOString()],
  );
  return taken.length === 1 ? "ok" : "used";
}

/** Removes the record of challenges that have expired anyway (hourly); returns how many. */
export async function purgeUsedChallenges(now: Date = new Date()): Promise<number> {
  const rows = await sql<{ n: number }>(
    `WITH gone AS (DELETE FROM "UsedChallenge" WHERE "expiresAt" < $1::timestamptz AT TIME ZONE 'UTC' RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [now.toISOString()],
  );
  return rows[0].n;
}
