// Valid course-form input for the course management tests (not a test file itself).
import { termOf, toTaipeiLocalInput, type CourseFormValues } from "@/lib/courses/course-form-schema";

const DAY = 86400_000;

/** A calendar date `days` from today (UTC date), as YYYY-MM-DD. */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
}

/** The form of a one-day course a month from now, registration open from yesterday for two weeks. */
export function validCourseInput(overrides: Partial<CourseFormValues> = {}): CourseFormValues {
  const start = overrides.startDate ?? dayFromNow(30);
  const term = termOf(new Date(`${start}T00:00:00Z`));
  return {
    title: "數位學習融入數學教學工作坊",
    classType: "NON_CREDIT",
    category: "工作坊",
    subjectPath: "國中 / 教學 / 數學領域",
    schoolYear: String(term.schoolYear),
    semester: String(term.semester),
    startDate: start,
    endDate: start,
    timeSlot: "WEEKDAY_DAYTIME",
    venue: "臺北市中正區測試路1號 視聽教室",
    venueCounty: "臺北市",
    hours: "3",
    credits: "",
    description: "以數位工具設計數學學習任務，現場實作。",
    audience: "全國公私立國民中學數學教師",
    classCount: "1",
    seatsPerClass: "30",
    fee: "0",
    paymentMethod: "無",
    contactName: "張承辦",
    contactPhone: "02-23456789#231",
    contactEmail: "contact@example.edu.tw",
    tags: ["資訊教育", "數位學習"],
    onlineRegistration: true,
    formFields: ["meal", "mobile"],
    eligibility: "ANY_TEACHER",
    admissionMode: "MANUAL_REVIEW",
    waitlistLimit: "5",
    registrationOpensAt: toTaipeiLocalInput(new Date(Date.now() - DAY)),
    registrationClosesAt: toTaipeiLocalInput(new Date(Date.now() + 14 * DAY)),
    ...overrides,
  };
}
