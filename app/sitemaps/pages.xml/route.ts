import { env } from "@/lib/env";
import { absoluteUrl } from "@/lib/seo/site";
import { urlsetXml, xmlResponse } from "@/lib/seo/sitemap-xml";

export const dynamic = "force-dynamic";

/** The public pages that are not courses: home, the four ways to search, news and FAQ. */
const PUBLIC_PAGES = ["/", "/courses", "/courses/map", "/courses/advanced", "/courses/organizers", "/news", "/faq"];

export async function GET(): Promise<Response> {
  const site = env().SITE_URL;
  return xmlResponse(urlsetXml(PUBLIC_PAGES.map((p) => ({ loc: absoluteUrl(site, p) }))));
}
