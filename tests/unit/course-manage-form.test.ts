import {
  courseFieldErrors,
  courseFormSchema,
  courseFormValuesFromFormData,
  courseToFormValues,
  emptyCourseFormValues,
  joinMoment,
  parseTaipeiMoment,
  splitMoment,
  splitTags,
  termOf,
  toTaipeiLocalInput,
} from "@/lib/courses/course-form-schema";
import { cancelReasonSchema, returnReasonSchema } from "@/lib/courses/course-reason-schema";
import { courseStateOf } from "@/lib/courses/course-status";

const valid = {
  ...emptyCourseFormValues(),
  title: "素養導向數學評量工作坊",
  subjectPath: "國中 / 教學 / 數學領域",
  schoolYear: "115",
  semester: "1",
  startDate: "2026-12-19",
  endDate: "2026-12-20",
  venue: "臺北市中正區測試路1號",
  venueCounty: "臺北市",
  hours: "6",
  description: "實作評量設計。",
  audience: "國中數學教師",
  seatsPerClass: "25",
  contactName: "王承辦",
  contactPhone: "02-2345-6789#12",
  contactEmail: "wang@example.edu.tw",
  registrationOpensAt: "2026-11-01T08:00",
  registrationClosesAt: "2026-12-10T24:00",
};

describe("registration moments: Taipei time, 24-hour clock", () => {
  test("a typed time is Taipei time; 24:00 is the end of that day; ISO times with a zone are taken as they are", () => {
    expect(parseTaipeiMoment("2026-03-01T08:00")?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(parseTaipeiMoment("2026-03-01T8:05")?.toISOString()).toBe("2026-03-01T00:05:00.000Z");
    expect(parseTaipeiMoment("2026-03-01T１７：３０")?.toISOString()).toBe("2026-03-01T09:30:00.000Z");
    expect(parseTaipeiMoment("2026-02-28T24:00")?.toISOString()).toBe("2026-02-28T16:00:00.000Z");
    expect(parseTaipeiMoment("2026-03-01T09:30:00Z")?.toISOString()).toBe("2026-03-01T09:30:00.000Z");
    for (const bad of ["2026-02-30T08:00", "2026-03-01T24:30", "2026-03-01T", "2026-03-01T25:00", "明天早上"]) expect(parseTaipeiMoment(bad)).toBeNull();
  });

  test("shown back as typed; a deadline at midnight as 24:00 of the day before, as the portal writes it", () => {
    const closes = new Date("2026-02-28T16:00:00.000Z");
    expect(toTaipeiLocalInput(closes)).toBe("2026-03-01T00:00");
    expect(toTaipeiLocalInput(closes, { midnightAs24: true })).toBe("2026-02-28T24:00");
    expect(toTaipeiLocalInput(new Date("2026-03-01T09:30:00Z"), { midnightAs24: true })).toBe("2026-03-01T17:30");
    expect(splitMoment("2026-02-28T24:00")).toEqual(["2026-02-28", "24:00"]);
    expect(joinMoment("2026-02-28", "24:00")).toBe("2026-02-28T24:00");
    expect(joinMoment("", "")).toBe("");
  });
});

describe("the course form schema", () => {
  test("parses the form into the stored course", () => {
    const c = courseFormSchema.parse({ ...valid, tags: ["資訊教育", "性平教育"], formFields: ["meal", "jobTitle"], fee: "1,500" });
    expect(c).toMatchObject({ schoolYear: 115, semester: 1, hours: 6, credits: null, classCount: 1, seatsPerClass: 25, fee: 1500, tags: ["資訊教育", "性別平等教育"], formFields: ["jobTitle", "meal"] });
    expect(c.startDate.toISOString()).toBe("2026-12-19T00:00:00.000Z");
    expect(c.registrationClosesAt?.toISOString()).toBe("2026-12-10T16:00:00.000Z");
  });

  test("accepts what the JSON API sends: numbers and booleans", () => {
    expect(courseFormSchema.safeParse({ ...valid, hours: 1.5, seatsPerClass: 30, classCount: 2, fee: 0, waitlistLimit: 3, onlineRegistration: true }).success).toBe(true);
  });

  test("the school term must match the start date (第1學期 August–January)", () => {
    expect(termOf(new Date("2027-01-15"))).toEqual({ schoolYear: 115, semester: 1 });
    expect(termOf(new Date("2027-02-01"))).toEqual({ schoolYear: 115, semester: 2 });
    expect(termOf(new Date("2027-08-01"))).toEqual({ schoolYear: 116, semester: 1 });
    expect(courseFieldErrors({ ...valid, semester: "2" })).toEqual({ semester: ["依課程開始日期，應為第1學期"] });
  });

  test("without online registration the window and the form are not kept, and not required", () => {
    const c = courseFormSchema.parse({ ...valid, onlineRegistration: false, registrationOpensAt: "", registrationClosesAt: "", formFields: ["meal"] });
    expect(c).toMatchObject({ onlineRegistration: false, registrationOpensAt: null, registrationClosesAt: null, formFields: [] });
  });

  test("tags: from the list only (aliases stored as the tag's name, once), at most 10", () => {
    expect(splitTags("性平教育、環境教育, 資訊教育；閱讀教育")).toEqual(["性平教育", "環境教育", "資訊教育", "閱讀教育"]);
    expect(courseFormSchema.parse({ ...valid, tags: "性平教育、性別平等教育, 特教" }).tags).toEqual(["性別平等教育", "特殊教育"]);
    expect(courseFieldErrors({ ...valid, tags: ["環境教育", "數學教育"] }).tags).toEqual(["「數學教育」不在專案屬性標籤清單中，請從清單中勾選"]);
    expect(courseFieldErrors({ ...valid, tags: ["甲", "乙", "丙", "丁"] }).tags).toEqual(["「甲」「乙」「丙」等不在專案屬性標籤清單中，請從清單中勾選"]);
    expect(courseFieldErrors({ ...valid, tags: ["標".repeat(5000)] }).tags).toEqual([`「${"標".repeat(20)}…」不在專案屬性標籤清單中，請從清單中勾選`]);
    const eleven = ["性別平等教育", "環境教育", "資訊教育", "閱讀教育", "特殊教育", "生命教育", "人權教育", "國際教育", "防災教育", "品德教育", "家庭教育"];
    expect(courseFieldErrors({ ...valid, tags: eleven }).tags).toEqual(["專案屬性標籤最多 10 個"]);
    expect(courseFieldErrors({ ...valid, tags: [...eleven.slice(0, 10), "性平教育"] }).tags).toBeUndefined();
  });

  test("a stored alias shows as its tag on the edit form; an unlisted tag stays for the form to point out", () => {
    const c = courseFormSchema.parse(valid);
    expect(courseToFormValues({ ...c, tags: ["性平教育", "性別平等教育", "數學教育"] }).tags).toEqual(["性別平等教育", "數學教育"]);
  });

  test("a stored course round-trips through the form values", () => {
    const c = courseFormSchema.parse(valid);
    const back = courseToFormValues({ ...c, startDate: c.startDate, endDate: c.endDate, formFields: c.formFields });
    expect(courseFormSchema.parse(back)).toEqual(c);
    expect(back.registrationClosesAt).toBe("2026-12-10T24:00");
  });

  test("the posted form (checkbox lists, the date and time of each moment) becomes the same values", () => {
    const f = new FormData();
    for (const [k, v] of Object.entries(valid)) if (typeof v === "string" && !k.startsWith("registration")) f.set(k, v);
    f.append("tags", "環境教育");
    f.append("tags", "性別平等教育");
    f.append("formFields", "meal");
    f.set("onlineRegistration", "on");
    f.set("registrationOpensAtDate", "2026-11-01");
    f.set("registrationOpensAtTime", "08:00");
    f.set("registrationClosesAtDate", "2026-12-10");
    f.set("registrationClosesAtTime", "24:00");
    const values = courseFormValuesFromFormData(f);
    expect(values).toMatchObject({ tags: ["環境教育", "性別平等教育"], formFields: ["meal"], onlineRegistration: true, registrationOpensAt: "2026-11-01T08:00", registrationClosesAt: "2026-12-10T24:00" });
    expect(courseFormSchema.safeParse(values).success).toBe(true);
    f.delete("onlineRegistration");
    expect(courseFormValuesFromFormData(f).onlineRegistration).toBe(false);
  });
});

test("reasons are required and say so in Chinese", () => {
  expect(returnReasonSchema.safeParse({ reason: "  " }).error?.issues.map((i) => i.message)).toEqual(["請填寫退回原因"]);
  expect(cancelReasonSchema.safeParse({ reason: "取消" }).error?.issues.map((i) => i.message)).toEqual(["取消原因至少 4 個字，請具體說明"]);
  expect(returnReasonSchema.parse({ reason: " 請補充講師資料 " })).toEqual({ reason: "請補充講師資料" });
});

test("a draft with a note is 退回", () => {
  expect(courseStateOf({ status: "DRAFT", statusNote: "請補充" })).toBe("RETURNED");
  expect(courseStateOf({ status: "DRAFT", statusNote: null })).toBe("DRAFT");
  expect(courseStateOf({ status: "CANCELLED", statusNote: "颱風" })).toBe("CANCELLED");
});
