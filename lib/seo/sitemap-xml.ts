/** Sitemaps XML (sitemaps.org protocol 0.9): pure builders. */

export const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
/** The protocol's limit of URLs in one sitemap file. */
export const MAX_URLS_PER_SITEMAP = 50_000;

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

export type SitemapEntry = { loc: string; lastmod?: string };

function entries(tag: "url" | "sitemap", items: SitemapEntry[]): string {
  return items
    .map((i) => `<${tag}><loc>${escapeXml(i.loc)}</loc>${i.lastmod ? `<lastmod>${escapeXml(i.lastmod)}</lastmod>` : ""}</${tag}>`)
    .join("\n");
}

export function urlsetXml(items: SitemapEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NS}">\n${entries("url", items)}\n</urlset>\n`;
}

export function sitemapIndexXml(items: SitemapEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${SITEMAP_NS}">\n${entries("sitemap", items)}\n</sitemapindex>\n`;
}

export function xmlResponse(xml: string): Response {
  return new Response(xml, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      // Crawlers and proxies may keep it for a few minutes; it is public data.
      "Cache-Control": "public, max-age=300",
    },
  });
}
