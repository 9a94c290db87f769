import { BlockList, isIP } from "node:net";

/**
 * The client's address of a request, from the socket unless the socket is a trusted proxy.
 *
 * A client can write any X-Forwarded-For it likes, so the header is believed only as far as
 * trusted proxies wrote it: walking it from the right (the entry the nearest proxy appended),
 * trusted proxies are skipped and the first address that is not one is the client. Without
 * TRUSTED_PROXIES the header is ignored entirely and the socket's address is the client.
 *
 * The production server (scripts/serve.ts) computes this once per request and passes it to the
 * app in CLIENT_ADDRESS_HEADER, after removing any copy the client sent; the app reads it with
 * `clientAddressFromHeaders`.
 */
export const CLIENT_ADDRESS_HEADER = "x-inservice-client-address";

/** `::ffff:127.0.0.1` → `127.0.0.1`; anything that is not an IP address → null. */
export function normaliseAddress(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let a = raw.trim();
  // "[::1]:1234" or "1.2.3.4:5678" as some proxies write it.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a);
  if (mapped) a = mapped[1];
  return isIP(a) ? a.toLowerCase() : null;
}

/**
 * TRUSTED_PROXIES: comma-separated addresses or CIDR ranges (IPv4 or IPv6), e.g.
 * `10.0.0.5, 10.0.1.0/24, fd00::/8`. Throws with a clear message on a malformed entry.
 */
export function parseTrustedProxies(raw: string | undefined): BlockList | null {
  const entries = (raw ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [addr, prefix, extra] = entry.split("/");
    const a = normaliseAddress(addr);
    const family = a ? (isIP(a) === 4 ? "ipv4" : "ipv6") : null;
    const bits = prefix === undefined ? undefined : Number(prefix);
    const max = family === "ipv4" ? 32 : 128;
    if (!a || !family || extra !== undefined || (bits !== undefined && (!/^\d{1,3}$/.test(prefix) || bits > max))) {
      throw new Error(`TRUSTED_PROXIES entry "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.5 or 10.0.1.0/24)`);
    }
    if (bits === undefined) list.addAddress(a, family);
    else list.addSubnet(a, bits, family);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address. `socketAddress`: the TCP peer; `forwardedFor`: the X-Forwarded-For
 * header(s) as received; `trusted`: from parseTrustedProxies. Returns "unknown" only when the
 * socket has no address (a closed socket).
 */
export function clientAddress(
  socketAddress: string | undefined | null,
  forwardedFor: string | string[] | undefined | null,
  trusted: BlockList | null,
): string {
  const peer = normaliseAddress(socketAddress);
  if (!peer) return "unknown";
  if (!trusted || !isTrusted(trusted, peer) || !forwardedFor) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",");
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]);
    // A hop that is not an address: the proxy we trust passed on garbage; stop at what it is.
    if (!hop) break;
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return client;
}

/** The address serve.ts stamped on the request; "unknown" when it was not served by it (next dev). */
export function clientAddressFromHeaders(get: (name: string) => string | null | undefined): string {
  return normaliseAddress(get(CLIENT_ADDRESS_HEADER) ?? null) ?? "unknown";
}
