import "server-only";
import { db } from "@/lib/db";
import { MAX_URLS_PER_SITEMAP } from "@/lib/seo/sitemap-xml";

/** The published courses of one course sitemap part (see listSitemapParts), in id order. */
export async function listSitemapCourses(part: number, size: number = MAX_URLS_PER_SITEMAP): Promise<{ code: string; lastmod: string }[]> {
  if (!Number.isInteger(part) || part < 1) return [];
  const rows = await db.course.findMany({
    where: { status: "PUBLISHED", id: { gte: (part - 1) * size + 1, lte: part * size } },
    select: { code: true, updatedAt: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => ({ code: r.code, lastmod: r.updatedAt.toISOString() }));
}
