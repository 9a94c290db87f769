// Serves the built app with several Node processes on one port (node:cluster), one per core
// by default: the app keeps no state in its process, so instances can share the load.
// The registration door, where a rush lands, is answered here without Next's request
// pipeline (scripts/registration-door.ts); everything else goes to Next. `npm start` and
// `npm run serve` both run it. Every request first gets the client's address
// (scripts/prepare-request.ts); server-action POSTs from another site or over the size limit
// are refused here (scripts/server-action-guard.ts); every HTML page is sent with a
// Content-Security-Policy carrying a fresh nonce (scripts/nonce-stamp.ts, lib/security-headers.ts),
// cached search pages included (scripts/page-cache.ts, scripts/stamped-page.ts). Compression
// is done here, after the nonce is in (next.config.ts: compress: false).
//   WEB_CONCURRENCY=2 PORT=3000 tsx scripts/serve.ts
import cluster from "node:cluster";
import http from "node:http";
import Module from "node:module";
import os from "node:os";
import path from "node:path";
import { loadEnvConfig } from "@next/env";
import compression from "compression";
import next from "next";
import { Pool } from "pg";
import { stampHtmlResponse } from "./nonce-stamp";
import { acceptsGzip, PageCache, pageCacheKey, sendCachedPage, tapResponse } from "./page-cache";
import { prepareRequest } from "./prepare-request";
import { registrationDoorCode, serveRegistrationDoor, type Answer } from "./registration-door";
import { limitBody, refuse, serverActionRefusal, isServerActionRequest, TOO_LARGE_MESSAGE } from "./server-action-guard";
import { prepareStampedPage } from "./stamped-page";
import { parseTrustedProxies } from "../lib/net/client-address";
import { contentSecurityPolicy, newNonce, SECURITY_HEADERS, strictTransportSecurity } from "../lib/security-headers";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "../lib/server-action-limit";

const port = Number(process.env.PORT ?? 3000);
const workers = Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism());
const root = path.resolve(__dirname, "..");

/** TRUSTED_PROXIES, read once; a malformed value stops the server with one sentence. */
function trustedProxies() {
  try {
    return parseTrustedProxies(process.env.TRUSTED_PROXIES);
  } catch (e) {
    console.error(`[serve] Not starting: ${e instanceof Error ? e.message : String(e)}.`);
    process.exit(1);
  }
}

if (cluster.isPrimary) {
  // The .env files as Next reads them, so a bad setting stops the server before any worker starts.
  loadEnvConfig(root, false, { info: () => {}, error: console.error });
  trustedProxies();
  console.log(`[serve] ${workers} workers on http://localhost:${port}`);
  for (let i = 0; i < workers; i++) cluster.fork();
  let stopping = false;
  // A worker that dies before any worker has started serving cannot start (a bad setting, a
  // missing build): starting another would only fail again, so the server stops and says so.
  let served = false;
  cluster.on("listening", () => (served = true));
  cluster.on("exit", (w, code) => {
    if (stopping) return;
    if (!served) {
      stopping = true;
      console.error("[serve] Not starting: the app could not start (see the message above).");
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
      process.exit(1);
    }
    console.error(`[serve] worker ${w.process.pid} exited (${code}); starting another`);
    cluster.fork();
  });
  // The workers stop on their own signal (below); this process waits for them, since a worker
  // whose primary is gone exits at once. `npm run demo` sends SIGKILL after 10 s.
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const running = new Set<number>();
    for (const w of Object.values(cluster.workers ?? {})) {
      if (!w || w.isDead()) continue;
      running.add(w.id);
      w.process.kill("SIGTERM");
    }
    cluster.on("exit", (w) => {
      running.delete(w.id);
      if (running.size === 0) process.exit(0);
    });
    if (running.size === 0) process.exit(0);
    setTimeout(() => process.exit(0), 9_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} else {
  const app = next({ dev: false, dir: root, port });
  const handle = app.getRequestHandler();
  // Rendered search pages, per search-index version (scripts/page-cache.ts). PAGE_CACHE=off
  // turns it off.
  const cache = new PageCache({ maxEntries: 2000, ttlMs: 60_000, maxBodyBytes: 2_000_000 });
  let version: string | null = null;
  let server: http.Server | undefined;
  let stopJobs: ((graceMs?: number) => Promise<void>) | undefined;
  app.prepare().then(() => {
    // After prepare: Next has loaded the .env files by now.
    if (process.env.PAGE_CACHE !== "off" && process.env.DATABASE_URL) {
      const url = new URL(process.env.DATABASE_URL);
      url.searchParams.delete("schema");
      const pool = new Pool({ connectionString: url.toString(), max: 1, application_name: "inservice-page-cache" });
      pool.on("error", () => (version = null));
      const poll = () =>
        pool
          .query<{ v: string | null }>(`SELECT "lastSyncedAt"::text AS v FROM "SearchIndexState" WHERE id = 1`)
          .then((r) => (version = r.rows[0]?.v ?? null))
          .catch(() => (version = null));
      void poll();
      setInterval(poll, 2_000).unref();
    }
    // The use cases are loaded here, after Next has read the .env files, outside Next's
    // bundle: "server-only" (which throws outside Next's server build) is an empty module for
    // them, as it is in Next's server. Their database pool and job queue live on globalThis,
    // so this process still has one of each.
    const serverOnly = require.resolve("server-only");
    require.cache[serverOnly] = Object.assign(new Module(serverOnly), { filename: serverOnly, loaded: true, exports: {} });
    const answer: Answer = (require("../lib/registrations/registration-api") as typeof import("../lib/registrations/registration-api")).registrationApi;
    stopJobs = (require("../lib/jobs/queue") as typeof import("../lib/jobs/queue")).stopBoss;
    const siteUrl = (require("../lib/env") as typeof import("../lib/env")).env().SITE_URL;
    const trusted = trustedProxies();
    const hsts = strictTransportSecurity(siteUrl);
    const siteHeaders = Object.fromEntries(SECURITY_HEADERS.map((h) => [h.key, h.value]));
    if (hsts) siteHeaders["Strict-Transport-Security"] = hsts;
    const compress = compression();
    server = http
      .createServer((req, res) => {
        prepareRequest(req, trusted);
        if (hsts) res.setHeader("Strict-Transport-Security", hsts);
        const code = registrationDoorCode(req);
        if (code !== null) {
          serveRegistrationDoor(req, res, code, answer, siteHeaders).catch((e: unknown) => {
            console.error("[serve] registration door:", e instanceof Error ? e.message : e);
            if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json", "Cache-Control": "no-store" });
            res.end(JSON.stringify({ error: { code: "INTERNAL", message: "系統暫時無法處理您的要求，請稍後再試。" } }));
          });
          return;
        }
        if (isServerActionRequest(req)) {
          const refusal = serverActionRefusal(req, siteUrl);
          if (refusal) return refuse(req, res, refusal, siteHeaders);
          // A chunked body has no length to check first: it is cut off when it grows too large.
          limitBody(req, SERVER_ACTION_BODY_LIMIT_BYTES, () => refuse(req, res, { status: 413, message: TOO_LARGE_MESSAGE }, siteHeaders));
        }
        const nonce = newNonce();
        const key = pageCacheKey(req, version);
        const hit = key === null ? undefined : cache.get(key);
        if (hit?.stamped) {
          const html = /^\s*text\/html\b/i.test(String(hit.headers["content-type"] ?? ""));
          return sendCachedPage(res, { ...hit, stamped: hit.stamped }, nonce, acceptsGzip(req), html ? { "content-security-policy": contentSecurityPolicy(nonce) } : {});
        }
        compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => {
          stampHtmlResponse(res, nonce, { "Content-Security-Policy": contentSecurityPolicy(nonce) });
          if (key !== null) {
            // Kept as Next rendered it (with the placeholder nonce), below the stamping.
            tapResponse(res, (page) => {
              if (page.status !== 200) return;
              const html = /^\s*text\/html\b/i.test(String(page.headers["content-type"] ?? ""));
              cache.set(key, { ...page, stamped: prepareStampedPage(page.body, html) });
            });
          }
          void handle(req, res);
        });
      })
      .listen(port);
  }).catch((e: unknown) => {
    // A bad setting (lib/env.ts says which and what to do) or a missing build: one sentence, no stack.
    console.error(`[serve] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
  // Stopping (a deploy's SIGTERM, Ctrl+C): no new connections, and the job worker that
  // instrumentation.ts started in this process (lib/jobs/app.ts, on globalThis) gives its running
  // jobs a few seconds and hands the rest back to the queue, so none is left "active" here.
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Requests under way get their answers (up to 5 s, alongside the jobs' grace period).
    const answered = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server?.closeIdleConnections();
    await Promise.all([
      stopJobs?.(5_000).catch((e: unknown) => console.error("[serve] stopping the job worker:", e instanceof Error ? e.message : e)),
      Promise.race([answered, new Promise((resolve) => setTimeout(resolve, 5_000))]),
    ]);
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}
