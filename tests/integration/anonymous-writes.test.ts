/**
 * @jest-environment node
 */
import { useTestDatabase } from "../support/database";
import { db, sql } from "@/lib/db";
import { POST as challengeRoute } from "@/app/api/auth/challenge/route";
import { CHALLENGE_RATE_LIMIT } from "@/lib/auth/challenge";
import { purgeAuthRecords } from "@/lib/auth/purge";
import { signIn } from "@/lib/auth/sign-in";
import { CLIENT_ADDRESS_HEADER } from "@/lib/net/client-address";
import { hitRateLimit, purgeRateLimitHits } from "@/lib/rate-limit";
import { getBoss, QUEUES, sendJob } from "@/lib/jobs/queue";
import { AUTH_PURGE_CRON, startJobs, stopJobs } from "@/lib/jobs/start";
import { solvedChallenge } from "../support/challenge";

useTestDatabase();
jest.setTimeout(60_000);

const HOUR = 60 * 60 * 1000;

function challengeRequest(address: string, extra: Record<string, string> = {}) {
  return new Request("http://localhost:3000/api/auth/challenge", {
    method: "POST",
    headers: { origin: "http://localhost:3000", host: "localhost:3000", [CLIENT_ADDRESS_HEADER]: address, ...extra },
  });
}

/** Row counts of every table in the public schema. */
async function tableSizes(): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const sizes: Record<string, number> = {};
  for (const { name } of tables) {
    const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`);
    sizes[name] = n;
  }
  return sizes;
}

describe("the challenge endpoint", () => {
  test("answers a signed challenge, and 429 with a Chinese message after the limit from one address", async () => {
    const ok = await challengeRoute(challengeRequest("198.51.100.20"));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toContain("no-store");
    const body = await ok.json();
    expect(body).toMatchObject({ parameters: { algorithm: "SHA-256", expiresAt: expect.any(Number) }, signature: expect.stringMatching(/^[0-9a-f]{64}$/) });
    for (let i = 1; i < CHALLENGE_RATE_LIMIT.limit; i++) expect((await challengeRoute(challengeRequest("198.51.100.20"))).status).toBe(200);
    const refused = await challengeRoute(challengeRequest("198.51.100.20"));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error.message).toMatch(/請稍候.*再/);
    // A forged X-Forwarded-For does not make another address of it; another real address is fine.
    expect((await challengeRoute(challengeRequest("198.51.100.20", { "x-forwarded-for": "192.0.2.1" }))).status).toBe(429);
    expect((await challengeRoute(challengeRequest("198.51.100.21"))).status).toBe(200);
  });

  test("refuses another site's page", async () => {
    const res = await challengeRoute(challengeRequest("198.51.100.30", { origin: "https://evil.example" }));
    expect(res.status).toBe(403);
  });

  test("no table grows per challenge: only one counter row per address and minute", async () => {
    await challengeRoute(challengeRequest("198.51.100.40"));
    const before = await tableSizes();
    for (let i = 0; i < 10; i++) expect((await challengeRoute(challengeRequest("198.51.100.40"))).status).toBe(200);
    const after = await tableSizes();
    // The counter may start a new row only if a new minute began meanwhile.
    expect(after.RateLimitHit - before.RateLimitHit).toBeLessThanOrEqual(1);
    expect({ ...after, RateLimitHit: 0 }).toEqual({ ...before, RateLimitHit: 0 });
  });
});

describe("rate limiter", () => {
  test("counts per bucket, key and window", async () => {
    const rule = { bucket: "test", limit: 2, windowMs: 60_000 };
    const t0 = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 1000);
    expect(await hitRateLimit(rule, "a", t0)).toMatchObject({ allowed: true, count: 1, retryAfterSeconds: 59 });
    expect(await hitRateLimit(rule, "a", t0)).toMatchObject({ allowed: true, count: 2 });
    expect(await hitRateLimit(rule, "a", t0)).toMatchObject({ allowed: false, count: 3 });
    expect(await hitRateLimit(rule, "b", t0)).toMatchObject({ allowed: true, count: 1 });
    expect(await hitRateLimit({ ...rule, bucket: "other" }, "a", t0)).toMatchObject({ allowed: true });
    // The next window starts again.
    expect(await hitRateLimit(rule, "a", new Date(t0.getTime() + 60_000))).toMatchObject({ allowed: true, count: 1 });
    // Counters of windows more than a day old go.
    await hitRateLimit(rule, "old", new Date(t0.getTime() - 25 * HOUR));
    expect(await purgeRateLimitHits(t0)).toBe(1);
    expect(await db.rateLimitHit.count({ where: { key: "old" } })).toBe(0);
    expect(await db.rateLimitHit.count({ where: { bucket: "test", key: "a" } })).toBe(2);
  });
});

describe("the hourly auth purge", () => {
  test("removes sign-in attempts older than a day, ended lock-outs and expired used challenges", async () => {
    const now = Date.now();
    await db.loginAttempt.createMany({
      data: [
        { username: "purge-old", ip: "192.0.2.1", succeeded: false, createdAt: new Date(now - 25 * HOUR) },
        { username: "purge-new", ip: "192.0.2.1", succeeded: false, createdAt: new Date(now - HOUR) },
      ],
    });
    await db.accountLock.createMany({
      data: [
        { username: "purge-old", ip: "192.0.2.1", lockedUntil: new Date(now - 1000) },
        { username: "purge-new", ip: "192.0.2.1", lockedUntil: new Date(now + HOUR) },
      ],
    });
    // A used challenge: recorded when a sign-in presents it, kept until it expires.
    for (const name of ["p1", "p2", "p3"]) await signIn({ accountKind: "teacher", username: name, password: "bad" }, "192.0.2.9");
    await signIn({ accountKind: "teacher", username: "p4", password: "bad", challenge: await solvedChallenge() }, "192.0.2.9");
    expect(await db.usedChallenge.count()).toBe(1);

    const r = await purgeAuthRecords(new Date(now));
    expect(r.loginAttempts).toBe(1);
    expect(await db.loginAttempt.count({ where: { username: { startsWith: "purge-" } } })).toBe(1);
    expect((await db.accountLock.findMany({ where: { username: { startsWith: "purge-" } } })).map((l) => l.username)).toEqual(["purge-new"]);
    expect(await db.usedChallenge.count()).toBe(1);
    await purgeAuthRecords(new Date(now + 6 * 60 * 1000));
    expect(await db.usedChallenge.count()).toBe(0);
  });

  test("the worker schedules it hourly and the job runs it", async () => {
    await db.loginAttempt.create({ data: { username: "job-old", ip: "192.0.2.2", succeeded: false, createdAt: new Date(Date.now() - 30 * HOUR) } });
    await startJobs({ pollingIntervalSeconds: 0.5, prepareIndex: false, log: () => {} });
    try {
      const schedules = await (await getBoss()).getSchedules();
      expect(schedules).toEqual(expect.arrayContaining([expect.objectContaining({ name: QUEUES.authPurge, cron: AUTH_PURGE_CRON })]));
      await sendJob(QUEUES.authPurge, {});
      const deadline = Date.now() + 20_000;
      while ((await db.loginAttempt.count({ where: { username: "job-old" } })) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(await db.loginAttempt.count({ where: { username: "job-old" } })).toBe(0);
    } finally {
      await stopJobs();
    }
  });
});
