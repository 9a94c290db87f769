import { buildCourseMetadata, courseDescription, courseTitle } from "@/lib/seo/course-metadata";
import type { PublicCourse } from "@/lib/courses/find-course";

const base = {
  code: "9000001",
  title: "國中數學領域素養導向教學研習",
  status: "PUBLISHED",
  startDate: "2026-12-21",
  endDate: "2026-12-21",
  venueCounty: "臺北市",
  organizer: { code: "999001", name: "臺北市立示範國民中學", county: "臺北市", address: "", phone: "" },
  hours: 3,
  description: "本研習旨在協助教師掌握素養導向教學。\n課程包含實作。",
} as unknown as PublicCourse;

test("title, description from the course, canonical URL and Open Graph", () => {
  const m = buildCourseMetadata(base, "https://inservice.example.tw");
  expect(m.title).toBe("國中數學領域素養導向教學研習");
  expect(m.description).toBe("2026/12/21(一)・臺北市・臺北市立示範國民中學・研習時數 3 小時。本研習旨在協助教師掌握素養導向教學。 課程包含實作。");
  expect(m.alternates).toEqual({ canonical: "https://inservice.example.tw/courses/9000001" });
  expect(m.openGraph).toMatchObject({
    type: "website",
    url: "https://inservice.example.tw/courses/9000001",
    title: "國中數學領域素養導向教學研習",
    description: m.description,
    siteName: "全國教師在職進修資訊網",
    locale: "zh_TW",
  });
});

test("a cancelled course says so in its title and description; several days show both ends", () => {
  const c = { ...base, status: "CANCELLED", endDate: "2026-12-22" } as PublicCourse;
  expect(courseTitle(c)).toBe("【已取消】國中數學領域素養導向教學研習");
  expect(courseDescription(c).startsWith("本課程已取消。2026/12/21(一) 至 2026/12/22(二)・")).toBe(true);
});

test("long descriptions are cut at 160 characters (not bytes) with an ellipsis", () => {
  const d = courseDescription({ ...base, description: "研".repeat(400) });
  expect(Array.from(d)).toHaveLength(160);
  expect(d.endsWith("…")).toBe(true);
});
