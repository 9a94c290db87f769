import { buildCourseJsonLd, isoDuration, isOnlineVenue, offerAvailability, serializeJsonLd, taipeiIso } from "@/lib/seo/course-json-ld";
import type { PublicCourse } from "@/lib/courses/find-course";

const SITE = "https://inservice.example.tw";

function course(overrides: Partial<PublicCourse> = {}): PublicCourse {
  return {
    code: "2072423",
    title: "永續校園推廣計畫說明會",
    classType: "NON_CREDIT",
    category: "一般研習",
    subjectPath: "國中 / 議題 / 環境教育",
    schoolYear: 115,
    semester: 1,
    startDate: "2026-12-21",
    endDate: "2026-12-22",
    timeSlot: "WEEKDAY_DAYTIME",
    venue: "臺北市中正區示範路1號（視聽教室）",
    venueCounty: "臺北市",
    hours: 6,
    credits: null,
    description: "說明計畫內容。",
    audience: "全國公私立國民中學教師",
    classCount: 1,
    seatsPerClass: 40,
    capacity: 40,
    fee: 0,
    paymentMethod: "無",
    organizer: { code: "999001", name: "臺北市立示範國民中學", county: "臺北市", address: "臺北市中正區示範路1號", phone: "02-2311-0000" },
    contactName: "張淑芬",
    contactPhone: "02-2311-0000#231",
    contactEmail: "organizer@example.edu.tw",
    tags: ["環境教育", "戶外教育"],
    listedAt: "2026-11-01T01:30:00.000Z",
    registrationOpensAt: "2026-11-25T00:00:00.000Z",
    registrationClosesAt: "2026-12-14T16:00:00.000Z",
    onlineRegistration: true,
    eligibility: "ANY_TEACHER",
    admissionMode: "MANUAL_REVIEW",
    waitlistLimit: 0,
    status: "PUBLISHED",
    cancelledAt: null,
    cancelReason: null,
    updatedAt: "2026-11-02T06:00:00.000Z",
    ...overrides,
  };
}

const now = new Date("2026-12-01T00:00:00Z");

describe("buildCourseJsonLd: a schema.org Course with one CourseInstance", () => {
  test("every property is taken from the course, with Taiwan's +08:00 offset", () => {
    const ld = buildCourseJsonLd(course(), SITE, now);
    // Valid JSON, and exactly what the page embeds.
    expect(JSON.parse(serializeJsonLd(ld))).toEqual(ld);
    expect(ld).toEqual({
      "@context": "https://schema.org",
      "@type": "Course",
      "@id": `${SITE}/courses/2072423#course`,
      url: `${SITE}/courses/2072423`,
      name: "永續校園推廣計畫說明會",
      description: "說明計畫內容。",
      courseCode: "2072423",
      inLanguage: "zh-Hant-TW",
      keywords: "環境教育,戶外教育",
      provider: {
        "@type": "Organization",
        name: "臺北市立示範國民中學",
        address: { "@type": "PostalAddress", streetAddress: "臺北市中正區示範路1號", addressRegion: "臺北市", addressCountry: "TW" },
        telephone: "02-2311-0000",
      },
      audience: { "@type": "EducationalAudience", educationalRole: "teacher", audienceType: "全國公私立國民中學教師" },
      offers: {
        "@type": "Offer",
        category: "Free",
        price: 0,
        priceCurrency: "TWD",
        availability: "https://schema.org/InStock",
        url: `${SITE}/courses/2072423`,
        validFrom: "2026-11-25T08:00:00+08:00",
        validThrough: "2026-12-15T00:00:00+08:00",
      },
      hasCourseInstance: {
        "@type": "CourseInstance",
        name: "永續校園推廣計畫說明會",
        courseMode: "Onsite",
        startDate: "2026-12-21T00:00:00+08:00",
        endDate: "2026-12-22T23:59:59+08:00",
        eventStatus: "https://schema.org/EventScheduled",
        location: {
          "@type": "Place",
          name: "臺北市中正區示範路1號（視聽教室）",
          address: { "@type": "PostalAddress", streetAddress: "臺北市中正區示範路1號（視聽教室）", addressRegion: "臺北市", addressCountry: "TW" },
        },
        courseWorkload: "PT6H",
        organizer: { "@type": "Organization", name: "臺北市立示範國民中學" },
      },
    });
  });

  test("a paid credit class: price in TWD, Paid, numberOfCredits", () => {
    const ld = buildCourseJsonLd(course({ fee: 1500, classType: "CREDIT", credits: 2, tags: [] }), SITE, now);
    expect(ld.offers).toMatchObject({ category: "Paid", price: 1500, priceCurrency: "TWD" });
    expect(ld.numberOfCredits).toBe(2);
    expect(ld.keywords).toBeUndefined();
  });

  test("a cancelled course: EventCancelled and Discontinued, no registration dates", () => {
    const ld = buildCourseJsonLd(course({ status: "CANCELLED", cancelReason: "颱風", cancelledAt: "2026-11-28T02:00:00.000Z" }), SITE, now);
    expect(ld.hasCourseInstance).toMatchObject({ eventStatus: "https://schema.org/EventCancelled" });
    expect(ld.offers).toMatchObject({ availability: "https://schema.org/Discontinued" });
    expect(ld.offers).not.toHaveProperty("validFrom");
  });

  test("availability follows the registration state at the time of rendering", () => {
    expect((buildCourseJsonLd(course(), SITE, new Date("2026-11-20T00:00:00Z")).offers as { availability: string }).availability).toBe("https://schema.org/PreOrder");
    expect((buildCourseJsonLd(course(), SITE, new Date("2026-12-15T00:00:00Z")).offers as { availability: string }).availability).toBe("https://schema.org/OutOfStock");
    const offline = buildCourseJsonLd(course({ onlineRegistration: false, registrationOpensAt: null, registrationClosesAt: null }), SITE, now);
    expect(offline.offers).toEqual({ "@type": "Offer", category: "Free", price: 0, priceCurrency: "TWD", availability: "https://schema.org/LimitedAvailability", url: `${SITE}/courses/2072423` });
    expect(offerAvailability("OPEN")).toBe("https://schema.org/InStock");
    expect(offerAvailability("NOT_PUBLISHED")).toBe("https://schema.org/Discontinued");
  });

  test("an online course has a virtual location and courseMode Online", () => {
    const ld = buildCourseJsonLd(course({ venue: "線上研習（視訊會議，連結於研習前以電子郵件寄送）" }), SITE, now);
    expect(ld.hasCourseInstance).toMatchObject({
      courseMode: "Online",
      location: { "@type": "VirtualLocation", name: "線上研習（視訊會議，連結於研習前以電子郵件寄送）", url: `${SITE}/courses/2072423` },
    });
    expect(isOnlineVenue("臺北市中正區示範路1號")).toBe(false);
    expect(isOnlineVenue("線上研習")).toBe(true);
  });

  test("a trailing slash in SITE_URL does not double", () => {
    expect(buildCourseJsonLd(course(), `${SITE}/`, now).url).toBe(`${SITE}/courses/2072423`);
  });
});

describe("helpers", () => {
  test("taipeiIso writes a moment in Taiwan time with +08:00", () => {
    expect(taipeiIso("2026-12-14T16:00:00.000Z")).toBe("2026-12-15T00:00:00+08:00");
    expect(taipeiIso("2026-06-30T23:30:15.000Z")).toBe("2026-07-01T07:30:15+08:00");
  });

  test("isoDuration writes hours as ISO 8601 durations", () => {
    expect(isoDuration(3)).toBe("PT3H");
    expect(isoDuration(1.5)).toBe("PT1H30M");
    expect(isoDuration(0.5)).toBe("PT30M");
    expect(isoDuration(0)).toBe("PT0M");
  });

  test("serializeJsonLd keeps course text from ending the script element", () => {
    const text = serializeJsonLd({ name: "</script><script>alert(1)</script> & \u2028" });
    expect(text).not.toContain("<");
    expect(text).not.toContain(">");
    expect(text).not.toContain("&");
    expect(JSON.parse(text)).toEqual({ name: "</script><script>alert(1)</script> & \u2028" });
  });
});
