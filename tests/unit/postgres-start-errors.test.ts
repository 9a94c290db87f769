/** @jest-environment node */
// A failure to start the embedded PostgreSQL is one sentence saying what went wrong and what to
// do, never a stack trace (before: `spawn …/initdb EACCES` crashed `npm run demo` and `npm test`
// with an unhandled 'error' event).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { explainStartFailure, initialiseDataDir, ProgramFailed, PostgresStartError } from "@/scripts/db/embedded-server";

const ctx = { stage: "start" as const, port: 54339, dataDir: "/srv/pgdata/test", portSetting: "TEST_PG_PORT" };
const oneSentence = (s: string) => {
  expect(s).not.toMatch(/\n|^\s*at |Error:/);
  expect(s).toMatch(/: .+\.$/);
};

describe("a failure to start PostgreSQL", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "inservice-pg-errors-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a program it may not run (spawn EACCES) becomes the clear sentence", async () => {
    // A real spawn of a program without execute permission (refused even to root).
    mkdirSync(path.join(dir, "bin"));
    writeFileSync(path.join(dir, "bin", "initdb"), "#!/bin/sh\nexit 0\n", { mode: 0o644 });
    const failure = await initialiseDataDir({ installDir: dir, dataDir: path.join(dir, "data"), port: 1, user: "postgres", password: "p", runAs: null }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toMatchObject({ code: "EACCES", syscall: expect.stringMatching(/^spawn/) });
    const sentence = explainStartFailure(failure, { ...ctx, stage: "initdb" });
    expect(sentence).toBe(
      `PostgreSQL could not be started because ${process.getuid?.() === 0 ? "the postgres user" : "this user"} may not run ${path.join(dir, "bin", "initdb")} (permission denied): move the project to a folder every user can enter, or set DATABASE_URL to a PostgreSQL server you run yourself.`,
    );
    oneSentence(sentence);
  });

  it("a missing program says to reinstall", () => {
    const e = Object.assign(new Error("spawn /x/bin/postgres ENOENT"), { code: "ENOENT", syscall: "spawn /x/bin/postgres", path: "/x/bin/postgres" });
    expect(explainStartFailure(e, ctx)).toMatch(/^PostgreSQL's program \/x\/bin\/postgres is missing: run npm ci again/);
  });

  it("a port in use names the port and the setting", () => {
    const e = new ProgramFailed("/x/bin/postgres", 'LOG:  could not bind IPv4 address "127.0.0.1": Address already in use\nHINT:  Is another postmaster already running on port 54339?\nFATAL:  could not create any TCP/IP sockets\n', 1);
    const s = explainStartFailure(e, ctx);
    expect(s).toMatch(/^Port 54339 is already taken by another program, .*set TEST_PG_PORT to a free port/);
    oneSentence(s);
  });

  it("a data folder from another version says to delete it", () => {
    const e = new ProgramFailed("/x/bin/postgres", "FATAL:  database files are incompatible with server\nDETAIL:  The data directory was initialized by PostgreSQL version 16, which is not compatible with this version 18.4.\n", 1);
    expect(explainStartFailure(e, ctx)).toMatch(/^The data folder \/srv\/pgdata\/test was made by another PostgreSQL version: delete that folder/);
  });

  it("a full disk says so", () => {
    const e = new ProgramFailed("/x/bin/initdb", "initdb: error: could not write to file \"/srv/pgdata/test/base/1/1259\": No space left on device\n", 1);
    expect(explainStartFailure(e, { ...ctx, stage: "initdb" })).toMatch(/^The disk is full .*: free some space and try again\.$/);
    expect(explainStartFailure(Object.assign(new Error("ENOSPC: no space left on device, copyfile"), { code: "ENOSPC" }), { ...ctx, stage: "copy" })).toMatch(/^The disk is full \(PostgreSQL could not write its programs\)/);
  });

  it("any other initdb failure quotes its last line and says what to do", () => {
    const e = new ProgramFailed("/x/bin/initdb", 'initdb: error: directory "/srv/pgdata/test" exists but is not empty\nHINT: If you want to create a new database system, either remove or empty the directory.\n', 1);
    const s = explainStartFailure(e, { ...ctx, stage: "initdb" });
    expect(s).toBe('PostgreSQL could not create its data folder /srv/pgdata/test (initdb: initdb: error: directory "/srv/pgdata/test" exists but is not empty): delete that folder, check that its disk is writable, and try again.');
  });

  it("keeps a sentence already written", () => {
    expect(explainStartFailure(new PostgresStartError("Already clear: do this."), ctx)).toBe("Already clear: do this.");
  });
});
