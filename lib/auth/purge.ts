import "server-only";
import { purgeUsedChallenges } from "@/lib/auth/challenge";
import { purgeEndedSessions } from "@/lib/auth/sessions";
import { purgeSignInRecords } from "@/lib/auth/sign-in";
import { purgeRateLimitHits } from "@/lib/rate-limit";

export type AuthPurgeResult = { sessions: number; challenges: number; rateLimitHits: number; loginAttempts: number };

/**
 * The hourly clean-up of what sign-in leaves behind (job auth-purge): ended sessions, the record
 * of used challenges once they have expired, old rate-limit counters, sign-in attempts older than
 * a day and lock-outs that have ended. None of these tables then grows without bound.
 */
export async function purgeAuthRecords(now: Date = new Date()): Promise<AuthPurgeResult> {
  return {
    sessions: await purgeEndedSessions(now),
    challenges: await purgeUsedChallenges(now),
    rateLimitHits: await purgeRateLimitHits(now),
    loginAttempts: await purgeSignInRecords(now),
  };
}
