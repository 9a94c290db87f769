// Serves the built app with several Node processes on one port (node:cluster), one per core
// by default: the app keeps no state in its process, so instances can share the load.
//   WEB_CONCURRENCY=2 PORT=3000 tsx --conditions=react-server scripts/serve.ts
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import next from "next";

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
  app.prepare().then(() => {
    http.createServer((req, res) => void handle(req, res)).listen(port);
  });
  process.on("SIGTERM", () => process.exit(0));
}
