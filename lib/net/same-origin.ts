/**
 * The one same-origin check for every door that changes or reveals data (JSON API routes, the
 * registration door of scripts/serve.ts, server actions before Next sees them).
 *
 * A browser tells where a request comes from in `Origin` (sent on every POST, PUT, PATCH and
 * DELETE) and `Sec-Fetch-Site`. A request is ours when its Origin is the site's public address
 * (SITE_URL) or the very host the request was sent to (so http://127.0.0.1:3000 works for a
 * server reached that way, as a browser there would send it); a cross-site page cannot choose
 * the Host its victim's browser sends. A request without either header does not come from a
 * browser (curl, a script with its own session): it cannot carry a victim's cookies by accident,
 * so it is not refused here.
 */
export type OriginFacts = {
  /** The Origin header. */
  origin: string | null;
  /** The Sec-Fetch-Site header. */
  secFetchSite: string | null;
  /** The Host header the request was sent with. */
  host: string | null;
};

export function isSameOrigin(f: OriginFacts, siteUrl: string): boolean {
  const site = new URL(siteUrl);
  const fetchSite = f.secFetchSite?.trim().toLowerCase();
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  if (f.origin === undefined || f.origin === null || f.origin === "") return true;
  let origin: URL;
  try {
    origin = new URL(f.origin);
  } catch {
    return false;
  }
  // "null" (a sandboxed frame, a file) and anything but http(s) parse without a host.
  if (!origin.host || (origin.protocol !== "http:" && origin.protocol !== "https:")) return false;
  if (origin.origin === site.origin) return true;
  const host = f.host?.trim().toLowerCase();
  if (!host || origin.host !== host) return false;
  // A site served over https accepts nothing from its plain-http twin.
  return site.protocol !== "https:" || origin.protocol === "https:";
}
