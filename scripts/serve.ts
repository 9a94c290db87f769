// Serves the built app with several Node processes on one port (node:cluster), one per core
// by default: the app keeps no state in its process, so instances can share the load.
//   WEB_CONCURRENCY=2 PORT=3000 tsx --conditions=react-server scripts/serve.ts
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import next from "next";
import { Pool } from "pg";
import { PageCache, pageCacheKey, sendCachedPage, tapResponse } from "./page-cache";

const port = Number(process.env.PORT ?? 3000);
const workers = Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism());

if (cluster.isPrimary) {
  console.log(`[serve] ${workers} workers on http://localhost:${port}`);
  for (let i = 0; i < workers; i++) cluster.fork();
  let stopping = false;
  cluster.on("exit", (w, code) => {
    if (!stopping) {
      console.error(`[serve] worker ${w.process.pid} exited (${code}); starting another`);
      cluster.fork();
    }
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} else {
  const app = next({ dev: false, dir: path.resolve(__dirname, ".."), port });
  const handle = app.getRequestHandler();
  // Rendered search pages, per search-index version (scripts/page-cache.ts). PAGE_CACHE=off
  // turns it off.
  const cache = new PageCache({ maxEntries: 2000, ttlMs: 60_000, maxBodyBytes: 2_000_000 });
  let version: string | null = null;
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
    http
      .createServer((req, res) => {
        const key = pageCacheKey(req, version);
        if (key === null) return void handle(req, res);
        const hit = cache.get(key);
        if (hit) return sendCachedPage(res, hit);
        tapResponse(res, (page) => cache.set(key, page));
        void handle(req, res);
      })
      .listen(port);
  });
  process.on("SIGTERM", () => process.exit(0));
}
