// A small cache of rendered search pages for scripts/serve.ts (the production server).
//
// Search result pages are public and the same for every visitor, but Next.js renders them on
// every request because they read the URL's search params. This keeps the rendered response
// of the public search pages, keyed by the URL, the request headers that change the answer and
// the search index's version (SearchIndexState."lastSyncedAt", read every few seconds): any
// course change that reaches the index makes a new version, so a cached page never hides a
// change for longer than the version poll. Answers that depend on the clock (報名中, 30天內)
// are kept at most `ttlMs` (a minute, like the search results themselves). Signed-in requests, client-side navigations (RSC requests) and
// anything but a plain 200 answer without cookies pass through untouched.
// A page is kept as rendered, uncompressed, with the CSP nonce placeholder in it
// (scripts/stamped-page.ts): every hit is sent with its own fresh nonce, gzipped when the client
// accepts it, without compressing the page again.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { stampedPageBody, type StampedPage } from "./stamped-page";

/** The public search pages and the search API. Course pages are cached by Next itself. */
export const CACHEABLE_PATHS = new Set(["/courses", "/courses/map", "/courses/advanced", "/courses/organizers", "/api/courses"]);
// The session cookie (lib/auth/session-token.ts sessionCookieName), whole or in chunks.
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?inservice\.session(?:\.\d+)?=/;
/** Headers that make Next.js answer differently for the same URL. */
const VARYING_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url", "next-action"];
// Per response: the length and encoding of what is sent, and the CSP with its nonce.
const DROPPED_HEADERS = new Set(["content-length", "transfer-encoding", "connection", "date", "keep-alive", "set-cookie", "content-encoding", "content-security-policy", "strict-transport-security", "etag"]);

/** An answer as rendered (`body`), with `stamped`, the form it is sent from, once prepared. */
export type CachedPage = { status: number; headers: OutgoingHttpHeaders; body: Buffer; at: number; stamped?: StampedPage };

/** The cache key of a request, or null when the request must not use the cache. */
export function pageCacheKey(req: Pick<IncomingMessage, "method" | "url" | "headers">, version: string | null): string | null {
  if (version === null || req.method !== "GET" || !req.url) return null;
  const url = new URL(req.url, "http://cache.invalid");
  if (!CACHEABLE_PATHS.has(url.pathname)) return null;
  if (SESSION_COOKIE.test(req.headers.cookie ?? "")) return null;
  if (VARYING_HEADERS.some((h) => req.headers[h] !== undefined)) return null;
  // The query string exactly as sent: the same search written differently is a different
  // entry, which costs memory but never a wrong answer. Plain and gzip answers share the entry.
  return `${version}|${url.pathname}${url.search}`;
}

/** A bounded, least-recently-used store with a time limit per entry. */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  constructor(private readonly options: { maxEntries: number; ttlMs: number; maxBodyBytes: number }) {}

  get(key: string, now = Date.now()): CachedPage | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    if (now - hit.at > this.options.ttlMs) return undefined;
    this.entries.set(key, hit);
    return hit;
  }

  set(key: string, page: CachedPage): void {
    if (page.status !== 200 || page.body.length > this.options.maxBodyBytes) return;
    this.entries.delete(key);
    this.entries.set(key, page);
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Whether the client takes gzip. */
export function acceptsGzip(req: Pick<IncomingMessage, "headers">): boolean {
  return /\bgzip\b/i.test(String(req.headers["accept-encoding"] ?? ""));
}

/**
 * Sends a cached page with this nonce in place of the placeholder (an HTML page, whose
 * Content-Security-Policy is among `headers`), gzipped when `gzip`.
 */
export function sendCachedPage(res: ServerResponse, page: CachedPage & { stamped: StampedPage }, nonce: string, gzip: boolean, headers: OutgoingHttpHeaders = {}): void {
  const body = stampedPageBody(page.stamped, nonce, gzip);
  res.writeHead(page.status, {
    ...page.headers,
    ...headers,
    ...(gzip ? { "content-encoding": "gzip" } : {}),
    "content-length": body.length,
    "x-page-cache": "HIT",
  });
  res.end(body);
}

/**
 * Lets the response go to the client as usual while keeping a copy of what was sent (after
 * Next's compression, so the stored headers and body agree); `onDone` gets it when the response
 * ends, unless it set a cookie.
 */
export function tapResponse(res: ServerResponse, onDone: (page: CachedPage) => void): void {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  res.setHeader("x-page-cache", "MISS");
  const write = res.write;
  const end = res.end;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== "function") keep(chunk, rest[0]);
    const result = (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    const headers = res.getHeaders();
    if (headers["set-cookie"] === undefined) {
      const kept: OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(headers)) if (!DROPPED_HEADERS.has(name) && name !== "x-page-cache" && value !== undefined) kept[name] = value;
      onDone({ status: res.statusCode, headers: kept, body: Buffer.concat(chunks), at: Date.now() });
    }
    return result;
  } as typeof res.end;
}
