// Server actions at the door of the production server (scripts/serve.ts): a POST to a page is a
// server action (with JavaScript it carries a Next-Action header, without it is a form post that
// Next reads the action from), and the site has no other POST outside /api. Before Next sees
// one, a request from another site is refused with 403 and a body over the limit with 413, in
// Chinese, instead of Next's 500.
import type { IncomingMessage, ServerResponse } from "node:http";
import { isSameOrigin } from "../lib/net/same-origin";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "../lib/server-action-limit";

export const CROSS_SITE_MESSAGE = "不接受來自其他網站的請求。";
export const TOO_LARGE_MESSAGE = "送出的資料過大，請減少內容後再送出。";

export type Refusal = { status: 403 | 413; message: string };

const one = (v: string | string[] | undefined): string | null => (Array.isArray(v) ? (v[0] ?? null) : (v ?? null));

/** Whether this request would reach a server action (a POST to anything but the API and Next's own files). */
export function isServerActionRequest(req: Pick<IncomingMessage, "method" | "url" | "headers">): boolean {
  if (req.method !== "POST") return false;
  if (req.headers["next-action"] !== undefined) return true;
  const path = (req.url ?? "/").split("?")[0];
  return !path.startsWith("/api/") && !path.startsWith("/_next/");
}

/** 403 or 413 for a server-action request that must not reach Next, else null. */
export function serverActionRefusal(
  req: Pick<IncomingMessage, "method" | "url" | "headers">,
  siteUrl: string,
  limit = SERVER_ACTION_BODY_LIMIT_BYTES,
): Refusal | null {
  if (!isServerActionRequest(req)) return null;
  const facts = { origin: one(req.headers.origin), secFetchSite: one(req.headers["sec-fetch-site"]), host: one(req.headers.host) };
  if (!isSameOrigin(facts, siteUrl)) return { status: 403, message: CROSS_SITE_MESSAGE };
  const length = one(req.headers["content-length"]);
  if (length !== null && !(Number(length) <= limit)) return { status: 413, message: TOO_LARGE_MESSAGE };
  return null;
}

/**
 * Sends a refusal and makes the response deaf to anything written after it (Next, still reading
 * a body that was cut off, may try to answer too). The body is read and dropped, up to a bound,
 * so the client gets the answer rather than a reset connection; past the bound it is closed.
 */
export function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal, headers: Record<string, string> = {}, drainBytes = 4 * SERVER_ACTION_BODY_LIMIT_BYTES): void {
  const body = `${refusal.message}\n`;
  if (!res.headersSent) {
    res.writeHead(refusal.status, {
      ...headers,
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Length": Buffer.byteLength(body),
      "Cache-Control": "no-store",
      Connection: "close",
    });
    res.end(body);
  } else {
    res.destroy();
  }
  const deaf = () => res;
  res.writeHead = deaf as unknown as typeof res.writeHead;
  res.setHeader = deaf as unknown as typeof res.setHeader;
  res.removeHeader = (() => undefined) as typeof res.removeHeader;
  res.write = (() => true) as typeof res.write;
  res.end = deaf as unknown as typeof res.end;
  if (req.readableEnded) return;
  let dropped = 0;
  req.on("data", (c: Buffer) => {
    dropped += c.length;
    if (dropped > drainBytes) req.destroy();
  });
  req.on("error", () => {});
  req.resume();
}

/**
 * Calls `onTooLarge` once when more than `limit` bytes of body arrive (a chunked body has no
 * Content-Length to check first). From then on the reader of the request (Next) gets nothing
 * more, not even its end, so it never acts on a cut body; the rest is dropped, and past
 * `drainBytes` the connection is closed.
 */
export function limitBody(req: IncomingMessage, limit: number, onTooLarge: () => void, drainBytes = 4 * limit): void {
  const push = req.push;
  let size = 0;
  let over = false;
  req.push = function (this: IncomingMessage, chunk: unknown, encoding?: BufferEncoding) {
    if (chunk !== null && chunk !== undefined) size += typeof chunk === "string" ? Buffer.byteLength(chunk, encoding) : (chunk as Uint8Array).length;
    if (!over && size > limit) {
      over = true;
      onTooLarge();
    }
    if (over) {
      if (size > drainBytes) req.socket.destroy();
      return true;
    }
    return push.call(this, chunk, encoding);
  } as typeof req.push;
}
