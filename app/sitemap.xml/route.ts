import { env } from "@/lib/env";
import { absoluteUrl } from "@/lib/seo/site";
import { listSitemapParts } from "@/lib/seo/list-sitemap-parts";
import { sitemapIndexXml, xmlResponse } from "@/lib/seo/sitemap-xml";

export const dynamic = "force-dynamic";

/** /sitemap.xml: a sitemap index of the public pages and the course sitemaps (≤ 50,000 URLs each). */
export async function GET(): Promise<Response> {
  const site = env().SITE_URL;
  const parts = await listSitemapParts();
  return xmlResponse(
    sitemapIndexXml([
      { loc: absoluteUrl(site, "/sitemaps/pages.xml") },
      ...parts.map((p) => ({ loc: absoluteUrl(site, `/sitemaps/courses/${p.part}.xml`), lastmod: p.lastmod })),
    ]),
  );
}
