/**
 * Runs once when a Next.js server starts, before it serves requests: starts the background
 * jobs (search index sync and the hourly rebuild) in this process unless JOBS_MODE=worker, and
 * builds the search index if it was never built. See lib/jobs/app.ts. Loads the word cutter's
 * dictionaries (lib/search/segment.ts, about half a second) so the first search does not wait.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { warmSegmenter } = await import("./lib/search/segment");
  warmSegmenter();
  const { startAppJobs } = await import("./lib/jobs/app");
  await startAppJobs();
}
