import type { Metadata } from "next";
import { formatIsoDate } from "@/lib/format/date";
import { courseUrl, SITE_NAME } from "@/lib/seo/site";
import type { PublicCourse } from "@/lib/courses/find-course";

const DESCRIPTION_LIMIT = 160;

/** The page title: the course's title, marked when cancelled. */
export function courseTitle(course: Pick<PublicCourse, "title" | "status">): string {
  return course.status === "CANCELLED" ? `【已取消】${course.title}` : course.title;
}

/** A description for search results: dates, place, organizer, hours, then the course's own words. */
export function courseDescription(course: PublicCourse): string {
  const dates = course.startDate === course.endDate ? formatIsoDate(course.startDate) : `${formatIsoDate(course.startDate)} 至 ${formatIsoDate(course.endDate)}`;
  const facts = `${dates}・${course.venueCounty}・${course.organizer.name}・研習時數 ${course.hours} 小時。`;
  const text = `${course.status === "CANCELLED" ? "本課程已取消。" : ""}${facts}${course.description.replace(/\s+/g, " ").trim()}`;
  const chars = Array.from(text);
  return chars.length > DESCRIPTION_LIMIT ? `${chars.slice(0, DESCRIPTION_LIMIT - 1).join("")}…` : text;
}

/** generateMetadata of the course page: title, description, canonical URL, Open Graph. */
export function buildCourseMetadata(course: PublicCourse, siteUrl: string): Metadata {
  const url = courseUrl(siteUrl, course.code);
  const title = courseTitle(course);
  const description = courseDescription(course);
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", url, title, description, siteName: SITE_NAME, locale: "zh_TW" },
    twitter: { card: "summary", title, description },
  };
}
