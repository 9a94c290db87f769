/** The site's name and the address of a course page, from SITE_URL. */
export const SITE_NAME = "全國教師在職進修資訊網";

export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/+$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
}

export function courseUrl(siteUrl: string, code: string): string {
  return absoluteUrl(siteUrl, `/courses/${code}`);
}
