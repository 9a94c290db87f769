/** @jest-environment node */
// The development mail catcher must never be reachable on a real site: it shows every mail,
// password-reset links included (request a reset for any account, read the link on /dev/mail,
// set a new password). A production start with it refuses to start, and /dev/mail answers only
// the loopback address.
import { env, resetEnvForTests } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER } from "@/lib/net/client-address";
import { catcherConfigProblem, catcherReachableFrom, isLoopbackAddress, isLoopbackUrl } from "@/lib/mail/catcher-access";
import { caughtMailDirForRequest } from "@/lib/mail/dev-mail-guard";

let requestHeaders = new Headers();
jest.mock("next/headers", () => ({ headers: async () => requestHeaders }));

const OLD_ENV = process.env;
const BASE = {
  DATABASE_URL: "postgresql://x/y",
  NEXTAUTH_SECRET: "s".repeat(40),
  NATIONAL_ID_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}`,
  NATIONAL_ID_KEY_ID: "k1",
  NATIONAL_ID_HASH_KEY: "h".repeat(40),
};

function setEnv(vars: { NODE_ENV: "production" | "development" | "test" } & Record<string, string | undefined>) {
  process.env = { ...BASE, ...vars };
  resetEnvForTests();
}

afterEach(() => {
  process.env = OLD_ENV;
  resetEnvForTests();
});

describe("a production start with the mail catcher", () => {
  it("refuses a public SITE_URL with MAIL_CATCHER_DIR, with one sentence saying what to do", () => {
    setEnv({ NODE_ENV: "production", SITE_URL: "https://inservice.example.edu.tw", SMTP_URL: "smtp://127.0.0.1:2525", MAIL_CATCHER_DIR: "/srv/app/.mail/demo" });
    expect(() => env()).toThrow(/MAIL_CATCHER_DIR: .*must not be set for a production start whose SITE_URL is not on this machine: remove MAIL_CATCHER_DIR .* set SMTP_URL to your mail server\./);
  });

  it("refuses a real mail server with MAIL_CATCHER_DIR, even on localhost", () => {
    setEnv({ NODE_ENV: "production", SITE_URL: "http://localhost:3000", SMTP_URL: "smtp://mail.example.edu.tw:587", MAIL_CATCHER_DIR: "/tmp/mail" });
    expect(() => env()).toThrow(/whose SMTP_URL is not on this machine/);
  });

  it("refuses a public SITE_URL without SMTP_URL too", () => {
    setEnv({ NODE_ENV: "production", SITE_URL: "http://192.0.2.10:3000", MAIL_CATCHER_DIR: "/tmp/mail" });
    expect(() => env()).toThrow(/MAIL_CATCHER_DIR/);
  });

  it("allows the demo and the end-to-end tests: site and catcher on this machine", () => {
    for (const SITE_URL of ["http://localhost:3000", "http://127.0.0.1:3100", "http://[::1]:3000", "http://inservice.localhost:3000"]) {
      setEnv({ NODE_ENV: "production", SITE_URL, SMTP_URL: "smtp://127.0.0.1:4100", MAIL_CATCHER_DIR: "/tmp/mail" });
      expect(env().MAIL_CATCHER_DIR).toBe("/tmp/mail");
    }
  });

  it("allows a real site without the catcher", () => {
    setEnv({ NODE_ENV: "production", SITE_URL: "https://inservice.example.edu.tw", SMTP_URL: "smtp://mail.example.edu.tw:587" });
    expect(env().MAIL_CATCHER_DIR).toBeUndefined();
  });

  it("leaves development and test alone (their catcher is on localhost and /dev/mail is loopback-only)", () => {
    expect(catcherConfigProblem({ NODE_ENV: "development", SITE_URL: "https://x.example", MAIL_CATCHER_DIR: "/tmp/m" })).toBeNull();
    expect(catcherConfigProblem({ NODE_ENV: "test", SITE_URL: "https://x.example", MAIL_CATCHER_DIR: "/tmp/m" })).toBeNull();
  });
});

describe("loopback", () => {
  it("is 127.0.0.0/8 and ::1 only", () => {
    for (const a of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1", "[::1]:5000", "127.0.0.1:5000"]) expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ["192.0.2.2", "10.0.0.1", "::", "0.0.0.0", "fd00::2", "::ffff:192.0.2.2", "128.0.0.1", "localhost", "unknown", "", null]) expect(isLoopbackAddress(a)).toBe(false);
  });

  it("URLs on this machine", () => {
    for (const u of ["http://localhost:3000", "http://LOCALHOST.:3000", "http://a.localhost", "smtp://127.0.0.1:2525", "http://[::1]:3000"]) expect(isLoopbackUrl(u)).toBe(true);
    for (const u of ["https://inservice.example.edu.tw", "http://localhost.example.com", "http://127.0.0.1.nip.io", "smtp://mail.example.edu.tw:587", "not a url"]) expect(isLoopbackUrl(u)).toBe(false);
  });
});

describe("/dev/mail's guard", () => {
  it("answers only the loopback address; an unstamped request only under next dev", () => {
    expect(catcherReachableFrom("127.0.0.1", "production")).toBe(true);
    expect(catcherReachableFrom("::1", "production")).toBe(true);
    expect(catcherReachableFrom("192.0.2.2", "production")).toBe(false);
    expect(catcherReachableFrom("192.0.2.2", "development")).toBe(false);
    // No stamp: `next start` (refused) or `next dev`, which `npm run dev` binds to 127.0.0.1.
    expect(catcherReachableFrom("unknown", "production")).toBe(false);
    expect(catcherReachableFrom("unknown", "test")).toBe(false);
    expect(catcherReachableFrom("unknown", "development")).toBe(true);
  });

  it("gives the pages no folder for a request from another machine, even with the catcher configured", async () => {
    setEnv({ NODE_ENV: "production", SITE_URL: "http://localhost:3100", SMTP_URL: "smtp://127.0.0.1:4100", MAIL_CATCHER_DIR: "/tmp/mail" });
    requestHeaders = new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9" });
    await expect(caughtMailDirForRequest()).resolves.toBeNull();
    requestHeaders = new Headers({ [CLIENT_ADDRESS_HEADER]: "garbage" });
    await expect(caughtMailDirForRequest()).resolves.toBeNull();
    requestHeaders = new Headers();
    await expect(caughtMailDirForRequest()).resolves.toBeNull();
    requestHeaders = new Headers({ [CLIENT_ADDRESS_HEADER]: "127.0.0.1" });
    await expect(caughtMailDirForRequest()).resolves.toBe("/tmp/mail");
    requestHeaders = new Headers({ [CLIENT_ADDRESS_HEADER]: "::1" });
    await expect(caughtMailDirForRequest()).resolves.toBe("/tmp/mail");
  });

  it("gives no folder when no catcher is configured", async () => {
    setEnv({ NODE_ENV: "production", SITE_URL: "http://localhost:3100" });
    requestHeaders = new Headers({ [CLIENT_ADDRESS_HEADER]: "127.0.0.1" });
    await expect(caughtMailDirForRequest()).resolves.toBeNull();
  });

  it("under next dev (no stamp) gives the folder: the server listens on 127.0.0.1 only", async () => {
    setEnv({ NODE_ENV: "development", SITE_URL: "http://localhost:3000", SMTP_URL: "smtp://127.0.0.1:2525", MAIL_CATCHER_DIR: "/tmp/mail" });
    requestHeaders = new Headers();
    await expect(caughtMailDirForRequest()).resolves.toBe("/tmp/mail");
  });
});
