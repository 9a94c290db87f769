import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { absoluteUrl } from "@/lib/seo/site";

// Read SITE_URL when asked, not when built.
export const dynamic = "force-dynamic";

/**
 * Public pages (home, search, course pages) are open to crawlers; personal and management
 * pages are not (they also carry `noindex`), nor the per-person registration area or the API.
 */
const DISALLOWED_PATHS = ["/me", "/manage", "/region", "/account", "/login", "/api/", "/courses/*/register", "/courses/*/live"];

export default function robots(): MetadataRoute.Robots {
  const site = env().SITE_URL;
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: DISALLOWED_PATHS }],
    sitemap: absoluteUrl(site, "/sitemap.xml"),
  };
}
