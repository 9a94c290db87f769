import { z } from "@/lib/zod";
import { CLASS_TYPE_LABELS, COUNTIES, TIME_SLOT_LABELS } from "@/lib/courses/labels";
import { FORM_FIELD_IDS, normalisePhone, type FormFieldId } from "@/lib/registrations/form-schema";
import { schoolYearOf } from "@/lib/format/date";
import { canonicalTag, canonicalTags, unlistedTags } from "@/lib/courses/tags";
import type { AdmissionMode, ClassType, Eligibility, TimeSlot } from "@/generated/prisma/enums";

/**
 * 開課 / 編輯課程: the one schema of the course form, used by the browser (instant messages next
 * to the fields) and by createCourse / updateCourse (the truth). Its input is what a form sends
 * (strings, string lists, a checkbox) or what the JSON API sends (numbers and booleans are
 * accepted too); its output is the course's data, ready to store. Rules that involve several
 * fields (dates in order, credits only for credit classes, …) put their message on the field
 * the person has to change.
 */

export const CLASS_TYPES = Object.keys(CLASS_TYPE_LABELS) as ClassType[];
export const TIME_SLOTS = Object.keys(TIME_SLOT_LABELS) as TimeSlot[];

export const ELIGIBILITY_LABELS: Record<Eligibility, string> = {
  ANY_TEACHER: "所有教師（具教師個人帳號者皆可報名）",
  OWN_UNIT_ONLY: "僅限本單位（校內）教師",
};
export const ADMISSION_MODE_LABELS: Record<AdmissionMode, string> = {
  MANUAL_REVIEW: "人工審核（承辦人逐筆錄取）",
  AUTOMATIC: "先到先得（依報名順序自動錄取，額滿後列為備取）",
};
export const ELIGIBILITIES = Object.keys(ELIGIBILITY_LABELS) as Eligibility[];
export const ADMISSION_MODES = Object.keys(ADMISSION_MODE_LABELS) as AdmissionMode[];

/** Suggestions for 研習類別 (free text; these are what the portal's courses use most). */
export const CATEGORY_SUGGESTIONS: Record<ClassType, readonly string[]> = {
  NON_CREDIT: ["一般研習", "增能研習", "校本研習", "工作坊", "專業學習社群", "講座", "種子研習", "研討會"],
  CREDIT: ["教師在職進修學分班", "第二專長學分班", "特殊教育學分班"],
  DEGREE: ["碩士在職專班", "碩士學位班"],
};

export const MAX_TAGS = 10;

/** The form as the browser holds it: every scalar as typed, lists, one checkbox. */
export type CourseFormValues = {
  title: string;
  classType: string;
  category: string;
  subjectPath: string;
  schoolYear: string;
  semester: string;
  startDate: string;
  endDate: string;
  timeSlot: string;
  venue: string;
  venueCounty: string;
  hours: string;
  credits: string;
  description: string;
  audience: string;
  classCount: string;
  seatsPerClass: string;
  fee: string;
  paymentMethod: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  tags: string[];
  onlineRegistration: boolean;
  formFields: string[];
  eligibility: string;
  admissionMode: string;
  waitlistLimit: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
};

export const COURSE_FIELD_LABELS: Record<keyof CourseFormValues, string> = {
  title: "研習名稱",
  classType: "班別性質",
  category: "研習類別",
  subjectPath: "課程分類",
  schoolYear: "學年度",
  semester: "學期",
  startDate: "課程開始日期",
  endDate: "課程結束日期",
  timeSlot: "課程時段",
  venue: "開課地點",
  venueCounty: "開課地點縣市",
  hours: "研習時數",
  credits: "學分數",
  description: "課程內容",
  audience: "參加對象",
  classCount: "開班班數",
  seatsPerClass: "各班人數",
  fee: "繳費金額",
  paymentMethod: "繳費方式",
  contactName: "承辦人姓名",
  contactPhone: "承辦人電話",
  contactEmail: "承辦人電子郵件",
  tags: "專案屬性標籤",
  onlineRegistration: "線上報名",
  formFields: "報名表欄位",
  eligibility: "報名資格",
  admissionMode: "錄取方式",
  waitlistLimit: "備取名額",
  registrationOpensAt: "報名開始時間",
  registrationClosesAt: "報名截止時間",
};

/** The order fields appear in on the form (for the error summary and focusing the first error). */
export const COURSE_FIELD_ORDER = Object.keys(COURSE_FIELD_LABELS) as (keyof CourseFormValues)[];

// ---------------------------------------------------------------------------------------------
// Field rules

const text = (label: string, max: number, min = 1) =>
  z
    .string({ error: `請填寫${label}` })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(min, min === 1 ? `請填寫${label}` : `${label}至少 ${min} 個字`)
        .max(max, `${label}不可超過 ${max} 個字`),
    );

/** A number as typed: full-width digits and thousands separators are fine. */
const numberText = (label: string) =>
  z
    .union([z.number(), z.string()], { error: `請填寫${label}` })
    .transform((v) => (typeof v === "number" ? String(v) : v.normalize("NFKC").trim().replace(/[,，]/g, "")));

function intField(label: string, min: number, max: number, unit: string) {
  return numberText(label)
    .pipe(z.string().min(1, `請填寫${label}`).regex(/^-?\d+$/, `${label}請填寫整數`))
    .transform(Number)
    .pipe(z.number().min(min, `${label}至少為 ${min.toLocaleString("zh-TW")} ${unit}`).max(max, `${label}不可超過 ${max.toLocaleString("zh-TW")} ${unit}`));
}

const optionalInt = (label: string, min: number, max: number, unit: string) =>
  z
    .union([z.number(), z.string(), z.null(), z.undefined()])
    .transform((v) => (v === null || v === undefined ? "" : typeof v === "number" ? String(v) : v.normalize("NFKC").trim()))
    .pipe(z.union([z.literal(""), z.string().regex(/^\d+$/, `${label}請填寫整數`)]))
    .transform((v) => (v === "" ? null : Number(v)))
    .pipe(z.number().min(min, `${label}至少為 ${min} ${unit}`).max(max, `${label}不可超過 ${max} ${unit}`).nullable());

const hoursField = numberText("研習時數")
  .pipe(z.string().min(1, "請填寫研習時數").regex(/^\d+(\.\d+)?$/, "研習時數請填寫數字，例如 3 或 1.5"))
  .transform(Number)
  .pipe(
    z
      .number()
      .gt(0, "研習時數須大於 0")
      .max(2000, "研習時數不可超過 2,000 小時")
      .refine((h) => Number.isInteger(h * 2), "研習時數以 0.5 小時為單位，例如 3 或 1.5"),
  );

function isRealDate(ymd: string): boolean {
  const d = new Date(`${ymd}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === ymd;
}

const dateField = (label: string) =>
  z
    .string({ error: `請填寫${label}` })
    .trim()
    .min(1, `請填寫${label}`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式不正確，請以西元年月日填寫，例如 2026-03-14`)
    .refine(isRealDate, "這不是存在的日期，請再確認")
    .refine((v) => v >= "2000-01-01" && v <= "2099-12-31", `${label}須在 2000 至 2099 年之間`)
    .transform((v) => new Date(`${v}T00:00:00Z`));

const LOCAL_MOMENT = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A moment typed in Taipei time, 24-hour clock ("2026-03-01T08:00"; "24:00" is the end of that
 * day, as the portal writes deadlines), or an ISO time with a zone (the JSON API).
 */
export function parseTaipeiMoment(v: string): Date | null {
  const m = LOCAL_MOMENT.exec(v.normalize("NFKC").trim());
  if (!m) return null;
  const [, ymd, hh, mm, ss = "00", zone] = m;
  const endOfDay = Number(hh) === 24 && mm === "00" && ss === "00" && !zone;
  if (!isRealDate(ymd) || (Number(hh) > 23 && !endOfDay) || Number(mm) > 59 || Number(ss) > 59) return null;
  if (endOfDay) return new Date(new Date(`${ymd}T00:00:00+08:00`).getTime() + 86400_000);
  const d = new Date(`${ymd}T${hh.padStart(2, "0")}:${mm}:${ss}${zone ?? "+08:00"}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

const momentField = (label: string) =>
  z
    .union([z.string(), z.null(), z.undefined()])
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || parseTaipeiMoment(v) !== null, `${label}格式不正確，請填寫日期與時間（24小時制），例如 08:00 或 17:30`)
    .transform((v) => (v === "" ? null : parseTaipeiMoment(v)));

const PHONE = /^(09\d{8}|0\d{1,3}\d{5,8}(#\d{1,6})?)$/;

const booleanField = z
  .union([z.boolean(), z.string(), z.null(), z.undefined()])
  .transform((v) => (typeof v === "boolean" ? v : ["on", "true", "1", "yes"].includes((v ?? "").toLowerCase())));

/** Tags as one text (the JSON API may send one): 、 , ， ; or spaces between them. */
export function splitTags(input: string): string[] {
  return input
    .split(/[、,，;；\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/**
 * 專案屬性標籤: tags of the managed list (lib/courses/tags.ts) only. An alias or a variant
 * spelling is accepted and stored as the tag's name (性平教育 → 性別平等教育), once.
 */
const tagsField = z
  .union([z.array(z.string()), z.string(), z.null(), z.undefined()])
  .transform((v) => (v == null ? [] : typeof v === "string" ? splitTags(v) : v.flatMap(splitTags)))
  .superRefine((list, ctx) => {
    const unlisted = unlistedTags(list);
    if (unlisted.length) {
      const shown = unlisted.slice(0, 3).map((t) => (Array.from(t).length > 20 ? `${Array.from(t).slice(0, 20).join("")}…` : t));
      ctx.addIssue({ code: "custom", message: `「${shown.join("」「")}」${unlisted.length > 3 ? "等" : ""}不在專案屬性標籤清單中，請從清單中勾選` });
    }
  })
  .transform(canonicalTags)
  .pipe(z.array(z.string()).max(MAX_TAGS, `專案屬性標籤最多 ${MAX_TAGS} 個`));

const formFieldsField = z
  .union([z.array(z.string()), z.null(), z.undefined()])
  .transform((v) => v ?? [])
  .refine((v) => v.every((f) => (FORM_FIELD_IDS as readonly string[]).includes(f)), "報名表欄位有不認得的項目，請重新勾選")
  .transform((v) => FORM_FIELD_IDS.filter((f) => v.includes(f)));

const choice = <T extends string>(label: string, options: readonly T[]) =>
  z.string({ error: `請選擇${label}` }).refine((v): v is T => (options as readonly string[]).includes(v), `請選擇${label}`).transform((v) => v as T);

const semesterField = numberText("學期")
  .pipe(z.string().refine((v) => v === "1" || v === "2", "請選擇學期（第1學期或第2學期）"))
  .transform((v) => Number(v) as 1 | 2);

// ---------------------------------------------------------------------------------------------
// The schema

const fields = z.object({
  title: text("研習名稱", 120, 4),
  classType: choice("班別性質", CLASS_TYPES),
  category: text("研習類別", 30),
  subjectPath: text("課程分類", 100),
  schoolYear: intField("學年度", 90, 200, ""),
  semester: semesterField,
  startDate: dateField("課程開始日期"),
  endDate: dateField("課程結束日期"),
  timeSlot: choice("課程時段", TIME_SLOTS),
  venue: text("開課地點", 200),
  venueCounty: choice("開課地點縣市", COUNTIES),
  hours: hoursField,
  credits: optionalInt("學分數", 1, 60, "學分"),
  description: text("課程內容", 5000),
  audience: text("參加對象", 500),
  classCount: intField("開班班數", 1, 50, "班"),
  seatsPerClass: intField("各班人數", 1, 2000, "人"),
  fee: intField("繳費金額", 0, 1_000_000, "元"),
  paymentMethod: text("繳費方式", 30),
  contactName: text("承辦人姓名", 30),
  contactPhone: z
    .string({ error: "請填寫承辦人電話" })
    .trim()
    .min(1, "請填寫承辦人電話")
    .max(30, "承辦人電話不可超過 30 個字")
    .refine((v) => PHONE.test(normalisePhone(v)), "電話格式不正確，例如 02-23456789#231 或 0912345678"),
  contactEmail: z
    .string({ error: "請填寫承辦人電子郵件" })
    .trim()
    .min(1, "請填寫承辦人電子郵件")
    .max(120, "電子郵件不可超過 120 個字")
    .pipe(z.email("電子郵件格式不正確，例如 name@school.edu.tw")),
  tags: tagsField,
  onlineRegistration: booleanField,
  formFields: formFieldsField,
  eligibility: choice("報名資格", ELIGIBILITIES),
  admissionMode: choice("錄取方式", ADMISSION_MODES),
  waitlistLimit: intField("備取名額", 0, 10_000, "人"),
  registrationOpensAt: momentField("報名開始時間"),
  registrationClosesAt: momentField("報名截止時間"),
});

/** The start of the day after a calendar date, in Taipei: "endDate 24:00". */
export function endOfTaipeiDay(date: Date): Date {
  return new Date(date.getTime() + 16 * 3600_000);
}

/** The school term a course starting on this date belongs to: 第1學期 Aug–Jan, 第2學期 Feb–Jul. */
export function termOf(startDate: Date): { schoolYear: number; semester: 1 | 2 } {
  const month = startDate.getUTCMonth() + 1;
  return { schoolYear: schoolYearOf(startDate), semester: month >= 8 || month === 1 ? 1 : 2 };
}

export const courseFormSchema = fields
  .superRefine((c, ctx) => {
    const issue = (path: keyof CourseFormValues, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    // zod runs this even when a field failed: a date that did not parse (1900-01-01) is still its
    // text here, and its own message already says what to fix.
    if (!(c.startDate instanceof Date) || !(c.endDate instanceof Date)) return;
    if (c.endDate < c.startDate) issue("endDate", "課程結束日期不可早於開始日期");
    const term = termOf(c.startDate);
    if (c.schoolYear !== term.schoolYear) issue("schoolYear", `依課程開始日期，應為 ${term.schoolYear}學年度`);
    if (c.semester !== term.semester) issue("semester", `依課程開始日期，應為第${term.semester}學期`);
    if (c.classType === "NON_CREDIT" && c.credits !== null) issue("credits", "非學分班不登錄學分，請清空學分數");
    // 學分班 always carry credits; a 學位班 counts toward a degree and may leave them to the program.
    if (c.classType === "CREDIT" && c.credits === null) issue("credits", "學分班請填寫學分數");
    if (c.classCount * c.seatsPerClass > 20_000) issue("seatsPerClass", "總名額（開班班數 × 各班人數）不可超過 20,000 人");
    if (c.onlineRegistration) {
      if (!c.registrationOpensAt) issue("registrationOpensAt", "提供線上報名時，請填寫報名開始時間");
      if (!c.registrationClosesAt) issue("registrationClosesAt", "提供線上報名時，請填寫報名截止時間");
      if (c.registrationOpensAt && c.registrationClosesAt && c.registrationClosesAt <= c.registrationOpensAt) {
        issue("registrationClosesAt", "報名截止時間須晚於報名開始時間");
      }
      if (c.registrationClosesAt && c.registrationClosesAt > endOfTaipeiDay(c.endDate)) {
        issue("registrationClosesAt", "報名截止時間不可晚於課程結束日期");
      }
    }
  })
  .transform((c) => ({
    ...c,
    // Without online registration there is no form and no window: nothing of them is stored.
    formFields: c.onlineRegistration ? c.formFields : ([] as FormFieldId[]),
    registrationOpensAt: c.onlineRegistration ? c.registrationOpensAt : null,
    registrationClosesAt: c.onlineRegistration ? c.registrationClosesAt : null,
  }));

export type CourseFormInput = z.input<typeof courseFormSchema>;
/** A course's data as stored (capacity is classCount × seatsPerClass, computed by the use case). */
export type CourseData = z.output<typeof courseFormSchema>;

/** Messages per field of a failed parse: the first message of each field, in one list per field. */
export function courseFieldErrors(values: unknown): Record<string, string[]> {
  const parsed = courseFormSchema.safeParse(values);
  const out: Record<string, string[]> = {};
  if (!parsed.success) for (const i of parsed.error.issues) (out[String(i.path[0] ?? "_form")] ??= []).push(i.message);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Between the form and the stored course

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A moment as the form shows it, in Taipei time: 2026-03-01T08:00. With `midnightAs24`, a
 * deadline at midnight is the end of the day before: 2026-02-28T24:00 (as the portal writes it).
 */
export function toTaipeiLocalInput(d: Date | null | undefined, options: { midnightAs24?: boolean } = {}): string {
  if (!d) return "";
  const t = new Date(d.getTime() + 8 * 3600_000);
  if (options.midnightAs24 && t.getUTCHours() === 0 && t.getUTCMinutes() === 0) {
    const before = new Date(t.getTime() - 86400_000);
    return `${before.getUTCFullYear()}-${pad(before.getUTCMonth() + 1)}-${pad(before.getUTCDate())}T24:00`;
  }
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/** The date and time parts of a form moment ("2026-03-01T08:00" → ["2026-03-01", "08:00"]). */
export function splitMoment(v: string): [string, string] {
  const i = v.indexOf("T");
  return i < 0 ? [v, ""] : [v.slice(0, i), v.slice(i + 1)];
}

/** The form moment of a date part and a time part (both empty: no moment). */
export function joinMoment(date: string, time: string): string {
  return date.trim() || time.trim() ? `${date.trim()}T${time.trim()}` : "";
}

/** The form of a new course: the unit's county and the organizer's contact filled in. */
export function emptyCourseFormValues(defaults: Partial<CourseFormValues> = {}): CourseFormValues {
  return {
    title: "",
    classType: "NON_CREDIT",
    category: "一般研習",
    subjectPath: "",
    schoolYear: "",
    semester: "",
    startDate: "",
    endDate: "",
    timeSlot: "WEEKDAY_DAYTIME",
    venue: "",
    venueCounty: "",
    hours: "",
    credits: "",
    description: "",
    audience: "",
    classCount: "1",
    seatsPerClass: "",
    fee: "0",
    paymentMethod: "無",
    contactName: "",
    contactPhone: "",
    contactEmail: "",
    tags: [],
    onlineRegistration: true,
    formFields: [],
    eligibility: "ANY_TEACHER",
    admissionMode: "MANUAL_REVIEW",
    waitlistLimit: "0",
    registrationOpensAt: "",
    registrationClosesAt: "",
    ...defaults,
  };
}

/** A stored course as form values (for the edit page and for merging a PATCH). */
export function courseToFormValues(c: {
  title: string; classType: ClassType; category: string; subjectPath: string; schoolYear: number; semester: number;
  startDate: Date; endDate: Date; timeSlot: TimeSlot; venue: string; venueCounty: string; hours: number; credits: number | null;
  description: string; audience: string; classCount: number; seatsPerClass: number; fee: number; paymentMethod: string;
  contactName: string; contactPhone: string; contactEmail: string; tags: string[]; onlineRegistration: boolean; formFields: string[];
  eligibility: Eligibility; admissionMode: AdmissionMode; waitlistLimit: number; registrationOpensAt: Date | null; registrationClosesAt: Date | null;
}): CourseFormValues {
  return {
    title: c.title,
    classType: c.classType,
    category: c.category,
    subjectPath: c.subjectPath,
    schoolYear: String(c.schoolYear),
    semester: String(c.semester),
    startDate: c.startDate.toISOString().slice(0, 10),
    endDate: c.endDate.toISOString().slice(0, 10),
    timeSlot: c.timeSlot,
    venue: c.venue,
    venueCounty: c.venueCounty,
    hours: String(c.hours),
    credits: c.credits === null ? "" : String(c.credits),
    description: c.description,
    audience: c.audience,
    classCount: String(c.classCount),
    seatsPerClass: String(c.seatsPerClass),
    fee: String(c.fee),
    paymentMethod: c.paymentMethod,
    contactName: c.contactName,
    contactPhone: c.contactPhone,
    contactEmail: c.contactEmail,
    // A stored alias shows as its tag; a tag no longer on the list stays, for the form to point out.
    tags: [...new Set(c.tags.map((t) => canonicalTag(t) ?? t))],
    onlineRegistration: c.onlineRegistration,
    formFields: [...c.formFields],
    eligibility: c.eligibility,
    admissionMode: c.admissionMode,
    waitlistLimit: String(c.waitlistLimit),
    registrationOpensAt: toTaipeiLocalInput(c.registrationOpensAt),
    registrationClosesAt: toTaipeiLocalInput(c.registrationClosesAt, { midnightAs24: true }),
  };
}

const MOMENT_FIELDS = ["registrationOpensAt", "registrationClosesAt"] as const;
const SCALAR_FIELDS = COURSE_FIELD_ORDER.filter(
  (k) => k !== "tags" && k !== "formFields" && k !== "onlineRegistration" && !(MOMENT_FIELDS as readonly string[]).includes(k),
);

/**
 * What the course form posts, as form values: checkboxes named `tags` (the list's tags),
 * checkboxes named `formFields`, the `onlineRegistration` checkbox, and each registration
 * moment as a date and a time (`registrationOpensAtDate`, `registrationOpensAtTime`, …).
 */
export function courseFormValuesFromFormData(form: FormData): CourseFormValues {
  const str = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : "";
  };
  const values = emptyCourseFormValues();
  for (const k of SCALAR_FIELDS) (values as Record<string, unknown>)[k] = str(k);
  values.tags = form.getAll("tags").filter((v): v is string => typeof v === "string");
  values.formFields = form.getAll("formFields").filter((v): v is string => typeof v === "string");
  values.onlineRegistration = ["on", "true", "1"].includes(str("onlineRegistration"));
  for (const k of MOMENT_FIELDS) values[k] = form.has(`${k}Date`) ? joinMoment(str(`${k}Date`), str(`${k}Time`)) : str(k);
  return values;
}
