import { env } from "@/lib/env";
import { courseUrl } from "@/lib/seo/site";
import { listSitemapCourses } from "@/lib/seo/list-sitemap-courses";
import { urlsetXml, xmlResponse } from "@/lib/seo/sitemap-xml";

export const dynamic = "force-dynamic";

/** /sitemaps/courses/{n}.xml: the published course pages of part n, each with its lastmod. */
export async function GET(_request: Request, { params }: { params: Promise<{ part: string }> }): Promise<Response> {
  const { part } = await params;
  const match = /^([1-9]\d{0,5})\.xml$/.exec(part);
  const courses = match ? await listSitemapCourses(Number(match[1])) : [];
  if (courses.length === 0) return new Response("找不到這個 sitemap。", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const site = env().SITE_URL;
  return xmlResponse(urlsetXml(courses.map((c) => ({ loc: courseUrl(site, c.code), lastmod: c.lastmod }))));
}
