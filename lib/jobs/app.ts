import "server-only";
import { env } from "@/lib/env";
import { startJobs } from "@/lib/jobs/start";

/**
 * Called once when the app server starts (instrumentation.ts). With JOBS_MODE=app (the
 * default) the job worker runs inside the app; with JOBS_MODE=worker, scripts/worker.ts runs it
 * and the app only sends jobs. A failure here is logged and never stops the site: searches
 * still work, and the next start or the worker catches up.
 */
export async function startAppJobs(): Promise<void> {
  try {
    if (env().JOBS_MODE === "worker") {
      console.log("[jobs] JOBS_MODE=worker: jobs run in scripts/worker.ts, not in the app");
      return;
    }
    await startJobs();
  } catch (e) {
    console.error(`[jobs] could not start the job worker: ${e instanceof Error ? e.message : String(e)}`);
  }
}
