// Puts a response's CSP nonce into an HTML document as it streams to the client (scripts/serve.ts).
//
// Two kinds of HTML reach the client: pages Next renders for this request, where Next wrote
// nonce="<NONCE_PLACEHOLDER>" on its scripts (serve.ts tells it that nonce), and pages Next
// rendered earlier without one (the cached course pages, prerendered pages). So the stamper
//   - replaces the placeholder wherever it appears (script attributes, Next's flight data), and
//   - gives every <script> tag, and every <link> that preloads a script, that has no nonce yet
//     the response's nonce.
// Only markup the app itself wrote can match: React escapes `<` in text and attribute values,
// Next escapes it in its inline data, and the JSON-LD script escapes it too
// (lib/seo/course-json-ld.ts serializeJsonLd), so user content never becomes a nonced tag.
// Bytes are handled as latin1 strings: every pattern is ASCII, and latin1 maps each byte to one
// character and back, so UTF-8 text passes through unchanged even when a chunk splits a character.
import type { ServerResponse } from "node:http";
import onHeaders from "on-headers";
import { NONCE_PLACEHOLDER } from "../lib/security-headers";

const PATTERN = new RegExp(`<script(?=[\\s>/])|<link(?=[\\s>/])|${NONCE_PLACEHOLDER}`, "g");
/** What a pattern starts with (a tag name is followed by one more character). */
const PREFIXES = ["<script ", "<link ", NONCE_PLACEHOLDER];
/** Longest text that may be the start of a pattern at the end of a chunk. */
const HOLD = Math.max(...PREFIXES.map((p) => p.length)) - 1;
/** A tag longer than this is not waited for: it is sent as it is. */
const MAX_TAG = 8192;
const HAS_NONCE = /\snonce=/i;
const SCRIPT_PRELOAD = /\srel=["']?(?:modulepreload|preload)\b/i;
const AS_SCRIPT = /\sas=["']?script\b/i;

export class NonceStamper {
  private carry = "";
  private readonly attribute: string;

  constructor(private readonly nonce: string) {
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(nonce)) throw new Error("a CSP nonce is base64");
    this.attribute = ` nonce="${nonce}"`;
  }

  /** The stamped bytes that can be sent now (some of the end may wait for the next chunk). */
  push(chunk: Buffer): Buffer {
    return Buffer.from(this.stamp(this.carry + chunk.toString("latin1"), false), "latin1");
  }

  /** Whatever was held back. */
  end(): Buffer {
    return Buffer.from(this.stamp(this.carry, true), "latin1");
  }

  private stamp(text: string, final: boolean): string {
    let out = "";
    let sent = 0;
    this.carry = "";
    PATTERN.lastIndex = 0;
    for (let m = PATTERN.exec(text); m !== null; m = PATTERN.exec(text)) {
      const at = m.index;
      if (m[0] === NONCE_PLACEHOLDER) {
        out += text.slice(sent, at) + this.nonce;
        sent = at + m[0].length;
        continue;
      }
      const close = text.indexOf(">", at);
      if (close < 0 && !final && text.length - at < MAX_TAG) {
        // The tag goes on in the next chunk.
        this.carry = text.slice(at);
        return out + text.slice(sent, at);
      }
      const end = close < 0 ? text.length : close + 1;
      const tag = text.slice(at, end).replaceAll(NONCE_PLACEHOLDER, this.nonce);
      const wantsNonce = m[0] === "<script" || (SCRIPT_PRELOAD.test(tag) && (AS_SCRIPT.test(tag) || /modulepreload/i.test(tag)));
      out += text.slice(sent, at);
      out += wantsNonce && !HAS_NONCE.test(tag) ? m[0] + this.attribute + tag.slice(m[0].length) : tag;
      sent = end;
      PATTERN.lastIndex = end;
    }
    if (final) return out + text.slice(sent);
    // Hold back only an end that may be the start of a pattern, so a streamed chunk (a page's
    // shell before its data) otherwise reaches the browser whole and at once.
    let keep = text.length;
    for (let k = Math.min(HOLD, text.length - sent); k > 0; k--) {
      const end = text.slice(text.length - k);
      if (PREFIXES.some((p) => p.startsWith(end))) {
        keep = text.length - k;
        break;
      }
    }
    this.carry = text.slice(keep);
    return out + text.slice(sent, keep);
  }
}

/** Stamps a whole document at once (a latin1 string: one character per byte). */
export function stampNonce(html: string, nonce: string): string {
  const s = new NonceStamper(nonce);
  return Buffer.concat([s.push(Buffer.from(html, "latin1")), s.end()]).toString("latin1");
}

const toBuffer = (chunk: unknown, encoding: unknown): Buffer | null =>
  typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : chunk instanceof Uint8Array ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength) : null;

/**
 * Stamps this nonce into the response if it turns out to be an HTML page, and then sets
 * `htmlHeaders` on it (the Content-Security-Policy with this nonce). Install it below anything
 * that must see the page as rendered (the page cache) and above compression.
 */
export function stampHtmlResponse(res: ServerResponse, nonce: string, htmlHeaders: Record<string, string>): void {
  let stamper: NonceStamper | null = null;
  onHeaders(res, () => {
    // An answer already encoded (or not a page) cannot be stamped and needs no policy.
    if (!/^\s*text\/html\b/i.test(String(res.getHeader("content-type") ?? "")) || res.getHeader("content-encoding") !== undefined) return;
    stamper = new NonceStamper(nonce);
    res.removeHeader("content-length");
    // Each response is a different document now (its nonce): an ETag would let a browser
    // revalidate its old copy, whose scripts carry an old nonce, under this response's policy.
    res.removeHeader("etag");
    for (const [name, value] of Object.entries(htmlHeaders)) res.setHeader(name, value);
  });
  const write = res.write;
  const end = res.end;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    // The headers first, so that we know whether to stamp this chunk.
    if (!res.headersSent) res.writeHead(res.statusCode);
    const bytes = stamper ? toBuffer(chunk, rest[0]) : null;
    if (!stamper || bytes === null) return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    const callback = rest.find((r) => typeof r === "function") as ((e?: Error | null) => void) | undefined;
    const out = stamper.push(bytes);
    if (out.length === 0) {
      if (callback) process.nextTick(callback);
      return true;
    }
    return (write as (...a: unknown[]) => boolean).call(this, out, callback);
  } as typeof res.write;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk === "function") return (end as (...a: unknown[]) => ServerResponse).call(this, chunk);
    if (!res.headersSent) res.writeHead(res.statusCode);
    if (!stamper) return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    const bytes = chunk === undefined || chunk === null ? null : toBuffer(chunk, rest[0]);
    const out = Buffer.concat([bytes ? stamper.push(bytes) : Buffer.alloc(0), stamper.end()]);
    const callback = rest.find((r) => typeof r === "function");
    return (end as (...a: unknown[]) => ServerResponse).call(this, out, callback);
  } as typeof res.end;
}
