import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { CLIENT_ADDRESS_HEADER } from "../../lib/net/client-address";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "../../lib/server-action-limit";
import { expect, test } from "./helpers";

// What the production server (scripts/serve.ts) does at its door, before Next: the client's
// address, server actions from another site or too large, the security headers of a page.

const root = path.resolve(__dirname, "../..");
const PORT = Number(process.env.E2E_PORT ?? 3100);
const ACTION = { "next-action": "0000000000000000000000000000000000000000", "content-type": "text/plain;charset=UTF-8" };

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A raw request (Node's http, so that nothing is added or refused on the way). */
function send(port: number, options: http.RequestOptions, write?: (req: http.ClientRequest) => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "localhost", port, ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    if (write) write(req);
    else req.end();
  });
}

test("a page comes with the Content-Security-Policy, a fresh nonce each time, and no HSTS over http", async ({ request }) => {
  const a = await request.get("/courses");
  const b = await request.get("/courses");
  const nonce = (csp: string) => /script-src 'nonce-([A-Za-z0-9_-]{22})' 'strict-dynamic'/.exec(csp)?.[1];
  const na = nonce(a.headers()["content-security-policy"] ?? "");
  expect(na).toBeTruthy();
  expect(nonce(b.headers()["content-security-policy"] ?? "")).not.toBe(na);
  const html = await a.text();
  // Every script carries the response's nonce.
  expect((html.match(/<script/g) ?? []).length).toBe((html.match(new RegExp(`<script nonce="${na}"|<script[^>]* nonce="${na}"`, "g")) ?? []).length);
  expect(a.headers()["strict-transport-security"]).toBeUndefined();
  expect(a.headers()["x-frame-options"]).toBe("DENY");
});

test("a server action from another site gets 403, in Chinese, before Next sees it", async () => {
  for (const headers of [{ origin: "https://evil.example" }, { origin: `http://localhost:${PORT}`, "sec-fetch-site": "cross-site" }]) {
    const res = await send(PORT, { method: "POST", path: "/courses", headers: { ...ACTION, ...headers } }, (r) => r.end("[]"));
    expect(res.status).toBe(403);
    expect(res.body).toContain("不接受來自其他網站的請求。");
  }
  // A form posted without JavaScript carries no Next-Action header, and is refused the same way.
  const form = await send(PORT, { method: "POST", path: "/login", headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" } }, (r) => r.end("a=1"));
  expect(form.status).toBe(403);
});

test("a server action over the size limit gets 413, whether its length is announced or not", async () => {
  const big = Buffer.alloc(SERVER_ACTION_BODY_LIMIT_BYTES + 1024, "a");
  const origin = `http://localhost:${PORT}`;
  const announced = await send(PORT, { method: "POST", path: "/courses", headers: { ...ACTION, origin, "content-length": big.length } }, (r) => r.end(big));
  expect(announced.status).toBe(413);
  expect(announced.body).toContain("送出的資料過大");
  // Chunked: no Content-Length; cut off once it has grown past the limit. A form posted without
  // JavaScript, which Next reads to the end to find the action in it.
  const form = { "content-type": "multipart/form-data; boundary=----x", origin };
  const chunked = await send(PORT, { method: "POST", path: "/courses", headers: form }, (r) => {
    let sent = 0;
    const more = () => {
      while (sent < big.length) {
        const piece = big.subarray(sent, sent + 64 * 1024);
        sent += piece.length;
        if (!r.write(piece)) return void r.once("drain", more);
      }
      r.end();
    };
    r.on("error", () => {});
    more();
  });
  expect(chunked.status).toBe(413);
  expect(chunked.body).toContain("送出的資料過大");
  // The server is still there for everyone else.
  expect((await send(PORT, { path: "/api/health" })).status).toBe(200);
});

test.describe("a server of its own", () => {
  test("the app sees the socket's address, whatever the client claims (no trusted proxy)", async () => {
    test.setTimeout(120_000);
    const port = PORT + 8;
    const server = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/serve.ts"], {
      cwd: root,
      env: {
        ...process.env,
        SITE_URL: `http://localhost:${port}`,
        PORT: String(port),
        WEB_CONCURRENCY: "1",
        PAGE_CACHE: "off",
        JOBS_MODE: "worker",
        NODE_ENV: "production",
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(__dirname, "support", "echo-request-header.cjs")}`,
        ECHO_HEADER: CLIENT_ADDRESS_HEADER,
      },
      stdio: "ignore",
      detached: true,
    });
    try {
      let up = false;
      for (let i = 0; i < 240 && !up; i++) {
        up = await send(port, { path: "/api/health" }).then((r) => r.status === 200, () => false);
        if (!up) await new Promise((r) => setTimeout(r, 250));
      }
      expect(up).toBe(true);
      const res = await send(port, { path: "/api/health", headers: { "x-forwarded-for": "203.0.113.9", [CLIENT_ADDRESS_HEADER]: "203.0.113.9" } });
      expect(res.headers["x-test-echo"]).toMatch(/^(127\.0\.0\.1|::1)$/);
    } finally {
      process.kill(-server.pid!, "SIGKILL");
    }
  });

  test("a malformed TRUSTED_PROXIES stops the server with one clear sentence", async () => {
    const server = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/serve.ts"], {
      cwd: root,
      env: { ...process.env, PORT: String(PORT + 9), WEB_CONCURRENCY: "1", TRUSTED_PROXIES: "10.0.0.5, not-an-address" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    server.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((r) => server.on("exit", r));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('[serve] Not starting: TRUSTED_PROXIES entry "not-an-address" is not an IP address or CIDR range (e.g. 10.0.0.5 or 10.0.1.0/24).');
  });
});
