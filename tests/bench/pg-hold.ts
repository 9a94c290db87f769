// Keeps the test-profile PostgreSQL (TEST_PG_PORT) running until this process is stopped
// (Ctrl-C, SIGTERM, or `timeout`), so several benchmark steps can share one server:
//   TEST_PG_PORT=54343 timeout 3600 npx tsx --conditions=react-server tests/bench/pg-hold.ts &
// Stops the server on exit when it started it (leaves one it found running as it was).
import { startPostgres } from "../../scripts/db/postgres";

async function main() {
  const pg = await startPostgres("test");
  console.log(`[pg-hold] ${pg.adminUrl}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await pg.stop();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  setInterval(() => {}, 60_000);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
