import "server-only";
import { createHmac, hkdfSync } from "node:crypto";
import { env } from "@/lib/env";
import { batched, sql } from "@/lib/db";
import { AppError, httpStatusOf, isAppError } from "@/lib/errors";

/**
 * Idempotency-Key handling: the first answer to a (user, key) is stored for 24 hours and a
 * repeat gets it again; the same key with a different request is refused (422); a key whose
 * first request is still running gets 409. Answers that are the caller's fault (AppError)
 * are stored too, so a retry gets the same answer; unexpected failures are not, so a retry
 * can succeed.
 */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type StoredAnswer<T> = { ok: true; value: T } | { ok: false; code: AppError["code"]; message: string; fieldErrors?: Record<string, string[]> };

export type IdempotentResult<T> = { answer: StoredAnswer<T>; replayed: boolean };

/**
 * The request's fingerprint: a keyed hash (HMAC-SHA-256), since the request may hold personal
 * data (a typed 身分證字號) and a plain hash of a few guessable fields can be reversed by trying
 * them. The key is derived from NATIONAL_ID_HASH_KEY, once.
 */
let hashKey: { from: string; key: Buffer } | undefined;
function requestHashKey(): Buffer {
  const secret = env().NATIONAL_ID_HASH_KEY;
  if (hashKey?.from !== secret) hashKey = { from: secret, key: Buffer.from(hkdfSync("sha256", secret, "", "inservice idempotency request hash", 32)) };
  return hashKey.key;
}

export function requestHash(parts: unknown): string {
  return createHmac("sha256", requestHashKey()).update(stableJson(parts)).digest("hex");
}

/** JSON with object keys sorted and undefined members left out: equal requests, equal text. */
function stableJson(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) {
    let out = "[";
    for (let i = 0; i < v.length; i++) out += (i ? "," : "") + stableJson(v[i]);
    return out + "]";
  }
  const o = v as Record<string, unknown>;
  let out = "{";
  for (const k of Object.keys(o).sort()) {
    if (o[k] === undefined) continue;
    out += (out.length > 1 ? "," : "") + JSON.stringify(k) + ":" + stableJson(o[k]);
  }
  return out + "}";
}

export const idempotencyKeyPattern = /^[A-Za-z0-9_\-:.]{8,100}$/;

function toAnswer<T>(e: unknown): StoredAnswer<T> {
  if (isAppError(e)) return { ok: false, code: e.code, message: e.message, fieldErrors: e.fieldErrors };
  throw e;
}

export function unwrap<T>(answer: StoredAnswer<T>): T {
  if (answer.ok) return answer.value;
  throw new AppError(answer.code, answer.message, answer.fieldErrors);
}

// Every keyed request of a rush claims its key (or records its answer at once, see below):
// plain queries (not Prisma, see lib/db.ts), one for all the requests that arrive together,
// their rows sent as one JSON document (pg's escaping of text[] and jsonb[] elements was a
// visible share of a rush's CPU). Times are UTC, as Prisma stores them.
type Claim = { userId: number; key: string; scope: string; hash: string; answer?: { status: number; body: string } };

/**
 * True when this call now holds the key (new, or the old record had expired). A claim that
 * brings its answer writes the record COMPLETED in the same statement: an answer decided
 * from reads alone costs one write, not a claim and then an update.
 */
const claimKey = batched<Claim, boolean>(async (claims) => {
  // A key twice in one batch: only its first claim goes in, the other finds it taken.
  const seen = new Set<string>();
  const firsts = claims.filter((c) => {
    const id = `${c.userId}\u0000${c.key}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const rows = await sql<{ userId: number; key: string }>(
    `INSERT INTO "IdempotencyRecord" ("userId", "key", "scope", "requestHash", "state", "responseStatus", "responseBody", "createdAt", "expiresAt")
     SELECT t.u, t.k, t.s, t.h, (CASE WHEN t.body IS NULL THEN 'IN_PROGRESS' ELSE 'COMPLETED' END)::"IdempotencyState", t.st, t.body,
            now() AT TIME ZONE 'UTC', (now() AT TIME ZONE 'UTC') + $2 * interval '1 millisecond'
     FROM jsonb_to_recordset($1::jsonb) AS t(u int, k text, s text, h text, st int, body text)
     ON CONFLICT ("userId", "key") DO UPDATE
       SET "scope" = EXCLUDED."scope", "requestHash" = EXCLUDED."requestHash", "state" = EXCLUDED."state",
           "responseStatus" = EXCLUDED."responseStatus", "responseBody" = EXCLUDED."responseBody",
           "createdAt" = EXCLUDED."createdAt", "expiresAt" = EXCLUDED."expiresAt"
       WHERE "IdempotencyRecord"."expiresAt" < now() AT TIME ZONE 'UTC'
     RETURNING "userId", "key"`,
    [JSON.stringify(firsts.map((c) => ({ u: c.userId, k: c.key, s: c.scope, h: c.hash, st: c.answer?.status ?? null, body: c.answer?.body ?? null }))), IDEMPOTENCY_TTL_MS],
  );
  const won = new Set(rows.map((r) => `${r.userId}\u0000${r.key}`));
  const given = new Set<string>();
  return claims.map((c) => {
    const id = `${c.userId}\u0000${c.key}`;
    if (!won.has(id) || given.has(id)) return false;
    given.add(id);
    return true;
  });
});

const storeAnswer = batched<{ userId: number; key: string; status: number; body: string }, void>(async (answers) => {
  await sql(
    `UPDATE "IdempotencyRecord" r SET state = 'COMPLETED', "responseStatus" = t.st, "responseBody" = t.body
     FROM jsonb_to_recordset($1::jsonb) AS t(u int, k text, st int, body text)
     WHERE r."userId" = t.u AND r."key" = t.k`,
    [JSON.stringify(answers.map((a) => ({ u: a.userId, k: a.key, st: a.status, body: a.body })))],
  );
  return answers.map(() => undefined);
});

/**
 * What a request will do, decided from reads alone: either its answer (`answer`, or an
 * AppError thrown), or the step that writes (`write`). A plan must change nothing.
 */
export type Plan<T> = { answer: T } | { write: () => Promise<T> };

type Params = { userId: number; key?: string | null; scope: string; request: unknown; waitMs?: number };

/**
 * Runs `work` once per (userId, key). Without a key it just runs it.
 * `waitMs`: how long a repeat waits for a first request still running before answering 409
 * (a form's double click waits and gets the first answer; the API answers at once).
 */
export function withIdempotency<T>(params: Params, work: () => Promise<T>): Promise<IdempotentResult<T>> {
  return withIdempotentPlan(params, async () => ({ write: work }));
}

/** A plan's outcome: the answer it decided (an AppError it threw is an answer too), or its write. */
async function runPlan<T>(plan: () => Promise<Plan<T>>): Promise<{ decided: StoredAnswer<T> } | { write: () => Promise<T> }> {
  try {
    const p = await plan();
    return "answer" in p ? { decided: { ok: true, value: p.answer } } : p;
  } catch (e) {
    return { decided: toAnswer<T>(e) };
  }
}

function answerOf<T>(answer: StoredAnswer<T>) {
  // Stored as the text it serialises to: a replay parses the same text back, so its keys come in
  // the same order and the door sends the same bytes (jsonb would have reordered them).
  return { status: answer.ok ? 200 : httpStatusOf(answer.code), body: JSON.stringify(answer) };
}

/**
 * withIdempotency for work that often needs no write at all (a rush's refusals: the course is
 * full, the teacher is already registered). The plan runs first; an answer it decides is
 * recorded with the key in one statement. Only a plan that has to write claims the key first
 * and stores the answer after, as withIdempotency does. Either way a repeat of the key finds
 * the first answer, a different request under it is refused (422), and a repeat while the
 * first still writes waits or gets 409; the plan a repeat made is then thrown away.
 */
export async function withIdempotentPlan<T>(params: Params, plan: () => Promise<Plan<T>>): Promise<IdempotentResult<T>> {
  const { userId, key, scope } = params;
  if (!key) {
    try {
      const p = await plan();
      return { answer: { ok: true, value: "answer" in p ? p.answer : await p.write() }, replayed: false };
    } catch (e) {
      return { answer: toAnswer<T>(e), replayed: false };
    }
  }
  if (!idempotencyKeyPattern.test(key)) {
    throw new AppError("VALIDATION", "Idempotency-Key 格式不正確（8–100 個英數字、-、_、:、.）。");
  }
  const hash = requestHash({ scope, request: params.request });
  const deadline = Date.now() + (params.waitMs ?? 0);

  let write: () => Promise<T>;
  for (;;) {
    // Plan (again after a wait: what was read before may have changed), then claim the key
    // (with the answer when the plan decided one), or find who holds it.
    const step = await runPlan(plan);
    const claimed = await claimKey({ userId, key, scope, hash, answer: "decided" in step ? answerOf(step.decided) : undefined });
    if (claimed) {
      if ("decided" in step) return { answer: step.decided, replayed: false };
      write = step.write;
      break;
    }

    const [existing] = await sql<{ scope: string; requestHash: string; state: string; responseBody: string | null }>(
      `SELECT scope, "requestHash", state::text AS state, "responseBody" FROM "IdempotencyRecord" WHERE "userId" = $1 AND "key" = $2`,
      [userId, key],
    );
    if (!existing) continue; // removed after a failure: try to claim again
    if (existing.requestHash !== hash || existing.scope !== scope) {
      throw new AppError("IDEMPOTENCY_MISMATCH", "這個 Idempotency-Key 已用於另一個不同的請求，請換一個新的 key。");
    }
    if (existing.state === "COMPLETED" && existing.responseBody !== null) {
      return { answer: JSON.parse(existing.responseBody) as StoredAnswer<T>, replayed: true };
    }
    if (Date.now() >= deadline) {
      throw new AppError("IDEMPOTENCY_IN_PROGRESS", "相同的請求正在處理中，請稍候再查詢結果。");
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  let answer: StoredAnswer<T>;
  try {
    answer = { ok: true, value: await write() };
  } catch (e) {
    if (!isAppError(e)) {
      await sql(`DELETE FROM "IdempotencyRecord" WHERE "userId" = $1 AND "key" = $2`, [userId, key]);
      throw e;
    }
    answer = toAnswer<T>(e);
  }
  await storeAnswer({ userId, key, ...answerOf(answer) });
  return { answer, replayed: false };
}

/**
 * Removes the records whose 24 hours are over (hourly, lib/jobs/start.ts): a rush leaves one per
 * request, and a table that only grows makes every claim slower (tests/bench/rush.ts measured
 * PostgreSQL's CPU per request doubled with 112,000 old records). In slices, so that no
 * statement holds many rows at once. Returns how many went.
 */
export async function purgeExpiredIdempotencyRecords(now: Date = new Date(), slice = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await sql<{ n: number }>(
      `WITH gone AS (
         DELETE FROM "IdempotencyRecord" WHERE ctid IN (
           SELECT ctid FROM "IdempotencyRecord" WHERE "expiresAt" < $1::timestamptz AT TIME ZONE 'UTC' LIMIT $2)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [now.toISOString(), slice],
    );
    total += rows[0].n;
    if (rows[0].n < slice) return total;
  }
}
