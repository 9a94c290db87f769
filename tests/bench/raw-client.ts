// The rush's load client: plain TCP sockets with prebuilt HTTP/1.1 requests, one request at a
// time per connection (no pipelining). Node's http client cost 0.2–0.35 ms of CPU per request
// on the same two cores the server runs on; this costs a fraction of that, so the figures say
// more about the server and less about the client. The server path is unchanged: these are
// ordinary keep-alive requests.
import net from "node:net";

export type RawRequest = { method: string; path: string; headers: Record<string, string>; body?: string };
export type RawResult = { status: string; ms: number };

const HEADER_END = Buffer.from("\r\n\r\n");

export function encodeRequest(host: string, r: RawRequest): Buffer {
  const body = r.body === undefined ? Buffer.alloc(0) : Buffer.from(r.body, "utf8");
  let head = `${r.method} ${r.path} HTTP/1.1\r\nHost: ${host}\r\n`;
  for (const [k, v] of Object.entries(r.headers)) head += `${k}: ${v}\r\n`;
  head += `Content-Length: ${body.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, "latin1"), body]);
}

/**
 * Parses one response at the start of `buf`: null while incomplete, else its status, its total
 * length in bytes and whether the server will close the connection. Bodies are framed by
 * Content-Length or chunked encoding.
 */
export function parseResponse(buf: Buffer): { status: string; length: number; close: boolean } | null {
  const end = buf.indexOf(HEADER_END);
  if (end < 0) return null;
  const head = buf.toString("latin1", 0, end);
  const lines = head.split("\r\n");
  const status = lines[0].split(" ")[1] ?? "bad-response";
  let contentLength = -1;
  let chunked = false;
  let close = /^HTTP\/1\.0/.test(lines[0]);
  for (let i = 1; i < lines.length; i++) {
    const colon = lines[i].indexOf(":");
    const name = lines[i].slice(0, colon).toLowerCase();
    const value = lines[i].slice(colon + 1).trim().toLowerCase();
    if (name === "content-length") contentLength = Number(value);
    else if (name === "transfer-encoding") chunked = value.includes("chunked");
    else if (name === "connection") close = value === "close";
  }
  const bodyStart = end + 4;
  if (chunked) {
    let at = bodyStart;
    for (;;) {
      const lineEnd = buf.indexOf("\r\n", at, "latin1");
      if (lineEnd < 0) return null;
      const size = parseInt(buf.toString("latin1", at, lineEnd), 16);
      const next = lineEnd + 2 + size + 2;
      if (next > buf.length) return null;
      at = next;
      if (size === 0) return { status, length: at, close };
    }
  }
  if (contentLength < 0) return null; // no framing: this client does not read to close
  if (buf.length < bodyStart + contentLength) return null;
  return { status, length: bodyStart + contentLength, close };
}

type Conn = { socket: net.Socket; buf: Buffer; waiting: ((r: { status: string; close: boolean } | null) => void) | null };

function connect(port: number, host: string): Promise<Conn> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host, noDelay: true });
    const conn: Conn = { socket, buf: Buffer.alloc(0), waiting: null };
    const fail = () => {
      const w = conn.waiting;
      conn.waiting = null;
      w?.(null);
    };
    socket.on("data", (d: Buffer) => {
      conn.buf = conn.buf.length ? Buffer.concat([conn.buf, d]) : d;
      const r = parseResponse(conn.buf);
      if (!r || !conn.waiting) return;
      conn.buf = conn.buf.subarray(r.length);
      const w = conn.waiting;
      conn.waiting = null;
      w({ status: r.status, close: r.close });
    });
    socket.on("error", fail);
    socket.on("close", fail);
    socket.once("connect", () => resolve(conn));
    socket.once("error", reject);
  });
}

/**
 * Sends every request as soon as a connection is free, over at most `connections` keep-alive
 * connections opened at the start. Each result's `ms` counts from the burst's start (all
 * requests are issued at that moment; queueing for a connection is part of the latency).
 */
export async function rawBurst(baseUrl: string, requests: Buffer[], connections: number): Promise<{ results: RawResult[]; seconds: number }> {
  const url = new URL(baseUrl);
  const port = Number(url.port || 80);
  const host = url.hostname;
  const results: RawResult[] = new Array(requests.length);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    let conn: Conn | null = null;
    while (next < requests.length) {
      const i = next++;
      try {
        conn ??= await connect(port, host);
      } catch {
        results[i] = { status: "network-error", ms: performance.now() - started };
        continue;
      }
      const c: Conn = conn;
      const answer = await new Promise<{ status: string; close: boolean } | null>((resolve) => {
        c.waiting = resolve;
        c.socket.write(requests[i]);
      });
      results[i] = { status: answer?.status ?? "network-error", ms: performance.now() - started };
      if (!answer || answer.close) {
        c.socket.destroy();
        conn = null;
      }
    }
    conn?.socket.end();
  };
  await Promise.all(Array.from({ length: Math.min(connections, requests.length) }, worker));
  return { results, seconds: (performance.now() - started) / 1000 };
}
