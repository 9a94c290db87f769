// The job worker as its own process (JOBS_MODE=worker in the app's environment):
//   npx tsx --conditions=react-server scripts/worker.ts
// Syncs course changes into the search index and runs the hourly rebuild. Uses DATABASE_URL,
// or the demo PostgreSQL (started if it is not running). Ctrl+C or SIGTERM stops it cleanly.
import { startPostgres, PostgresStartError, type RunningPostgres } from "./db/postgres";
import { ensureLocalEnvFile, loadEnv } from "./env-file";

const log = (line: string) => console.log(`[worker] ${line}`);

async function main() {
  ensureLocalEnvFile(log);
  loadEnv();
  let pg: RunningPostgres | undefined;
  if (!process.env.DATABASE_URL) {
    pg = await startPostgres("demo", log);
    process.env.DATABASE_URL = pg.url;
  }
  const { startJobs, stopJobs } = await import("../lib/jobs/start");
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log("stopping …");
    await stopJobs();
    await pg?.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  await startJobs({ log });
  log("running; press Ctrl+C to stop.");
}

main().catch((e) => {
  // A database that cannot start is one sentence saying what to do, not a stack trace.
  console.error(e instanceof PostgresStartError ? e.message : e);
  process.exit(1);
});
