// What the production server (scripts/serve.ts) does to every request before anything else.
import type { IncomingMessage } from "node:http";
import type { BlockList } from "node:net";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "../lib/net/client-address";
import { PLACEHOLDER_POLICY } from "../lib/security-headers";

/**
 * - The client's address, from the socket unless a trusted proxy forwarded the request, goes to
 *   the app in CLIENT_ADDRESS_HEADER; whatever the client sent in that header is dropped.
 * - Next is told the placeholder nonce (a content-security-policy request header, which is how
 *   Next learns a nonce) so the scripts of a page it renders carry it; the server swaps it for
 *   the response's own nonce (scripts/nonce-stamp.ts). A client's own copy of the header is
 *   dropped. Client-side navigations (RSC requests) fetch no HTML and get none.
 */
export function prepareRequest(req: Pick<IncomingMessage, "headers" | "rawHeaders" | "socket">, trusted: BlockList | null): void {
  const headers = req.headers;
  const set: [string, string][] = [[CLIENT_ADDRESS_HEADER, clientAddress(req.socket.remoteAddress, headers["x-forwarded-for"], trusted)]];
  if (headers.rsc === undefined) set.push(["content-security-policy", PLACEHOLDER_POLICY]);
  const replaced = new Set([CLIENT_ADDRESS_HEADER, "content-security-policy", "content-security-policy-report-only"]);
  for (const name of replaced) delete headers[name];
  // The raw list too, for any reader of it: the same headers, and only ours of these.
  const raw = req.rawHeaders;
  let kept = 0;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (replaced.has(raw[i].toLowerCase())) continue;
    raw[kept++] = raw[i];
    raw[kept++] = raw[i + 1];
  }
  raw.length = kept;
  for (const [name, value] of set) {
    headers[name] = value;
    raw.push(name, value);
  }
}
