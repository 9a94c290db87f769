import { BlockList, isIP } from "node:net";
import { normaliseAddress } from "../net/client-address";

/**
 * Who may use the development mail catcher (scripts/mail/dev-smtp.ts, read on /dev/mail).
 *
 * The catcher shows every mail the site sends, password-reset links included, so anyone who can
 * read /dev/mail can take over any account. Two rules keep it on the developer's own machine:
 *
 * 1. A production start never runs it unless both the site and its mail server are on this
 *    machine (`catcherConfigProblem`, checked by lib/env.ts's schema, so every process that
 *    reads the environment refuses to start).
 * 2. /dev/mail answers only requests from the loopback address (`catcherReachableFrom`).
 *
 * Pure: no "server-only", so the scripts (scripts/run.ts) share the same rule.
 */

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** 127.0.0.0/8 or ::1 (also written ::ffff:127.x.y.z, [::1] or with a port). */
export function isLoopbackAddress(address: string | null | undefined): boolean {
  const a = normaliseAddress(address);
  if (!a) return false;
  return loopback.check(a, isIP(a) === 4 ? "ipv4" : "ipv6");
}

/** A host name that always means this machine: localhost, *.localhost, 127.x.y.z, ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
  return h === "localhost" || h.endsWith(".localhost") || isLoopbackAddress(h);
}

/** Whether a URL (SITE_URL, SMTP_URL) points at this machine; a malformed URL does not. */
export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * Why MAIL_CATCHER_DIR must not be set for this environment, or null when it may. Only a
 * production start (NODE_ENV=production) is checked: `npm run dev` runs with NODE_ENV
 * development and the tests with NODE_ENV test, and both start their catcher on localhost.
 */
export function catcherConfigProblem(e: {
  NODE_ENV: string;
  SITE_URL: string;
  SMTP_URL?: string;
  MAIL_CATCHER_DIR?: string;
}): string | null {
  if (!e.MAIL_CATCHER_DIR || e.NODE_ENV !== "production") return null;
  const siteIsLocal = isLoopbackUrl(e.SITE_URL);
  const smtpIsLocal = !e.SMTP_URL || isLoopbackUrl(e.SMTP_URL);
  if (siteIsLocal && smtpIsLocal) return null;
  return (
    "MAIL_CATCHER_DIR turns on the development mail catcher, which shows every mail (password-reset links included) on /dev/mail, " +
    `and must not be set for a production start whose ${siteIsLocal ? "SMTP_URL" : "SITE_URL"} is not on this machine: ` +
    "remove MAIL_CATCHER_DIR from the environment (and .env files) and set SMTP_URL to your mail server."
  );
}

/**
 * Whether /dev/mail may answer a request from `clientAddress` (from `clientAddressFromHeaders`:
 * scripts/serve.ts stamps the socket's address on every request, replacing any copy the client
 * sent). Only the loopback address may.
 *
 * "unknown" (no stamp) means the request did not come through scripts/serve.ts. In production
 * that is `next start` or another server that never proves where a request came from: refused.
 * In development it is `next dev`, which `npm run dev` binds to 127.0.0.1 only (scripts/run.ts),
 * so only this machine can reach it at all: allowed. There the stamp itself proves nothing (next
 * dev does not replace a client's copy), which is why the binding is the guard.
 */
export function catcherReachableFrom(clientAddress: string, nodeEnv: string | undefined): boolean {
  if (clientAddress === "unknown") return nodeEnv === "development";
  return isLoopbackAddress(clientAddress);
}
