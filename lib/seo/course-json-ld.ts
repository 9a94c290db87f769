import { registrationWindowState, type RegistrationWindowState } from "@/lib/registrations/window";
import { courseUrl } from "@/lib/seo/site";
import type { PublicCourse } from "@/lib/courses/find-course";

/**
 * schema.org structured data of a course page: a Course with one CourseInstance, built only
 * from what the page shows. Pure: the same course and time give the same object.
 */

const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** A moment as an ISO time with Taiwan's +08:00 offset: 2026-12-01T08:00:00+08:00. */
export function taipeiIso(iso: string): string {
  const local = new Date(new Date(iso).getTime() + TAIPEI_OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}

/** Hours as an ISO 8601 duration: 3 → PT3H, 1.5 → PT1H30M. */
export function isoDuration(hours: number): string {
  const minutes = Math.round(hours * 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `PT${h ? `${h}H` : ""}${m || !h ? `${m}M` : ""}`;
}

/** Courses held by video conference: the venue says so (線上研習, 視訊, 線上). */
export function isOnlineVenue(venue: string): boolean {
  return /^線上|視訊會議|線上研習|遠距/.test(venue);
}

const SCHEMA = "https://schema.org/";

/**
 * How the page's 線上報名 state reads as an Offer availability: open → InStock; not open yet →
 * PreOrder (validFrom says when); closed → OutOfStock; no online registration (the organizer
 * nominates teachers or takes registrations otherwise) → LimitedAvailability; cancelled →
 * Discontinued. Seats left are not in the structured data: they change by the minute and the
 * page shows them live.
 */
export function offerAvailability(state: RegistrationWindowState): string {
  switch (state) {
    case "OPEN":
      return `${SCHEMA}InStock`;
    case "NOT_YET_OPEN":
      return `${SCHEMA}PreOrder`;
    case "CLOSED":
      return `${SCHEMA}OutOfStock`;
    case "NOT_OFFERED":
      return `${SCHEMA}LimitedAvailability`;
    case "CANCELLED":
    case "NOT_PUBLISHED":
      return `${SCHEMA}Discontinued`;
  }
}

export type CourseJsonLd = Record<string, unknown> & { "@context": string; "@type": "Course" };

export function buildCourseJsonLd(course: PublicCourse, siteUrl: string, now: Date = new Date()): CourseJsonLd {
  const url = courseUrl(siteUrl, course.code);
  const state = registrationWindowState(
    {
      status: course.status,
      onlineRegistration: course.onlineRegistration,
      registrationOpensAt: course.registrationOpensAt ? new Date(course.registrationOpensAt) : null,
      registrationClosesAt: course.registrationClosesAt ? new Date(course.registrationClosesAt) : null,
    },
    now,
  );
  const online = isOnlineVenue(course.venue);
  const provider = {
    "@type": "Organization",
    name: course.organizer.name,
    address: { "@type": "PostalAddress", streetAddress: course.organizer.address || undefined, addressRegion: course.organizer.county, addressCountry: "TW" },
    telephone: course.organizer.phone || undefined,
  };
  const offer: Record<string, unknown> = {
    "@type": "Offer",
    category: course.fee === 0 ? "Free" : "Paid",
    price: course.fee,
    priceCurrency: "TWD",
    availability: offerAvailability(state),
    url,
  };
  if (course.onlineRegistration && course.status !== "CANCELLED") {
    if (course.registrationOpensAt) offer.validFrom = taipeiIso(course.registrationOpensAt);
    if (course.registrationClosesAt) offer.validThrough = taipeiIso(course.registrationClosesAt);
  }
  const instance: Record<string, unknown> = {
    "@type": "CourseInstance",
    name: course.title,
    courseMode: online ? "Online" : "Onsite",
    startDate: `${course.startDate}T00:00:00+08:00`,
    endDate: `${course.endDate}T23:59:59+08:00`,
    eventStatus: `${SCHEMA}${course.status === "CANCELLED" ? "EventCancelled" : "EventScheduled"}`,
    location: online
      ? { "@type": "VirtualLocation", name: course.venue, url }
      : {
          "@type": "Place",
          name: course.venue,
          address: { "@type": "PostalAddress", streetAddress: course.venue, addressRegion: course.venueCounty, addressCountry: "TW" },
        },
    courseWorkload: isoDuration(course.hours),
    organizer: { "@type": "Organization", name: course.organizer.name },
  };
  const ld: CourseJsonLd = {
    "@context": "https://schema.org",
    "@type": "Course",
    "@id": `${url}#course`,
    url,
    name: course.title,
    description: course.description,
    courseCode: course.code,
    inLanguage: "zh-Hant-TW",
    provider,
    audience: { "@type": "EducationalAudience", educationalRole: "teacher", audienceType: course.audience },
    offers: offer,
    hasCourseInstance: instance,
  };
  if (course.credits) ld.numberOfCredits = course.credits;
  if (course.tags.length) ld.keywords = course.tags.join(",");
  // Drop undefined values so the output is exactly what JSON.stringify writes.
  return JSON.parse(JSON.stringify(ld)) as CourseJsonLd;
}

/**
 * JSON for a <script type="application/ld+json">: `<`, `>` and `&` are escaped so that text
 * from a course (e.g. "</script>") cannot end the script element.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
