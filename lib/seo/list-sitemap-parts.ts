import "server-only";
import { db } from "@/lib/db";
import { MAX_URLS_PER_SITEMAP } from "@/lib/seo/sitemap-xml";

export type SitemapPart = { part: number; count: number; lastmod: string };

/**
 * The course sitemaps: published courses grouped by id range (part n holds ids
 * (n−1)·size+1 … n·size), so a course stays in the same part for good and no part can hold more
 * than `size` URLs. Parts without published courses are left out.
 */
export async function listSitemapParts(size: number = MAX_URLS_PER_SITEMAP): Promise<SitemapPart[]> {
  const rows = await db.$queryRaw<{ part: number; count: number; lastmod: Date }[]>`
    SELECT (("id" - 1) / ${size}::int + 1)::int AS "part", count(*)::int AS "count", max("updatedAt") AS "lastmod"
    FROM "Course" WHERE "status" = 'PUBLISHED'
    GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({ part: r.part, count: r.count, lastmod: r.lastmod.toISOString() }));
}
