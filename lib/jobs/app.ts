import "server-only";
import { env } from "@/lib/env";
import { startJobs, stopJobs } from "@/lib/jobs/start";

const ATTEMPTS = 5;

/**
 * Called once when the app server starts (instrumentation.ts). With JOBS_MODE=app (the
 * default) the job worker runs inside the app; with JOBS_MODE=worker, scripts/worker.ts runs it
 * and the app only sends jobs. Several app processes starting at once (npm run serve) can
 * collide while pg-boss prepares its tables ("deadlock detected"), so a failed start is retried
 * after a short random pause. A final failure is logged and never stops the site: searches
 * still work, and the other processes, the next start or the worker catch up.
 */
export async function startAppJobs(): Promise<void> {
  if (env().JOBS_MODE === "worker") {
    console.log("[jobs] JOBS_MODE=worker: jobs run in scripts/worker.ts, not in the app");
    return;
  }
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      await startJobs();
      return;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      await stopJobs().catch(() => undefined);
      if (attempt === ATTEMPTS) {
        console.error(`[jobs] could not start the job worker: ${message}`);
        return;
      }
      console.warn(`[jobs] starting the job worker failed (${message}); trying again`);
      await new Promise((r) => setTimeout(r, 500 + Math.random() * 2000 * attempt));
    }
  }
}
