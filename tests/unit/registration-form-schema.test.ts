import { registrationFormSchema, inputNamesOf, toStoredAnswers, fromStoredAnswers } from "@/lib/registrations/form-schema";
import { maskName } from "@/lib/format/name";
import { checkEligibility, isFull } from "@/lib/registrations/eligibility";
import { registrationWindowState } from "@/lib/registrations/window";

describe("registration form schema", () => {
  test("exactly the course's fields, all required", () => {
    const schema = registrationFormSchema(["meal", "mobile"]);
    expect(schema.safeParse({ meal: "素食", mobile: "0912345678" }).success).toBe(true);
    const r = schema.safeParse({});
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0]).sort()).toEqual(["meal", "mobile"]);
    expect(schema.parse({ meal: "素食", mobile: "0912345678", nationalId: "X" })).toEqual({ meal: "素食", mobile: "0912345678" });
  });

  test("one schema per set of fields, whatever their order; other sets keep their own fields", () => {
    expect(registrationFormSchema(["mobile", "meal"])).toBe(registrationFormSchema(["meal", "mobile"]));
    const mobileOnly = registrationFormSchema(["mobile", "unknown-field"]);
    expect(mobileOnly).not.toBe(registrationFormSchema(["meal", "mobile"]));
    expect(mobileOnly.parse({ mobile: "0912345678", meal: "素食" })).toEqual({ mobile: "0912345678" });
    expect(registrationFormSchema([]).parse({ mobile: "x" })).toEqual({});
  });

  test("Taiwan mobiles, with the usual ways of typing them", () => {
    const s = registrationFormSchema(["mobile"]);
    expect(s.parse({ mobile: "0912-345-678" }).mobile).toBe("0912345678");
    expect(s.parse({ mobile: "０９１２３４５６７８" }).mobile).toBe("0912345678");
    for (const bad of ["0812345678", "091234567", "09123456789", "abc"]) expect(s.safeParse({ mobile: bad }).success).toBe(false);
  });

  test("ID numbers with checksum, old and 2021 resident certificates", () => {
    const s = registrationFormSchema(["nationalId"]);
    expect(s.parse({ nationalId: " a123456789 " }).nationalId).toBe("A123456789");
    expect(s.safeParse({ nationalId: "A800000014" }).success).toBe(true);
    expect(s.safeParse({ nationalId: "A123456780" }).success).toBe(false);
  });

  test("birthdays are real past dates", () => {
    const s = registrationFormSchema(["birthday"]);
    expect(s.safeParse({ birthday: "1985-04-23" }).success).toBe(true);
    for (const bad of ["1985-02-30", "2999-01-01", "85/4/23", "1899-12-31"]) expect(s.safeParse({ birthday: bad }).success).toBe(false);
  });

  test("lengths are bounded and choices are closed", () => {
    const s = registrationFormSchema(["jobTitle", "meal"]);
    expect(s.safeParse({ jobTitle: "長".repeat(31), meal: "素食" }).success).toBe(false);
    expect(s.safeParse({ jobTitle: "教師", meal: "全素" }).success).toBe(false);
  });

  test("emergency contact is two inputs, stored nested; the ID never goes into the answers", () => {
    expect(inputNamesOf(["emergencyContact", "meal"])).toEqual(["meal", "emergencyContactName", "emergencyContactPhone"]);
    const { answers, nationalId } = toStoredAnswers({ meal: "素食", emergencyContactName: "王大明", emergencyContactPhone: "0223456789", nationalId: "A123456789" });
    expect(answers).toEqual({ meal: "素食", emergencyContact: { name: "王大明", phone: "0223456789" } });
    expect(nationalId).toBe("A123456789");
    expect(fromStoredAnswers(answers)).toEqual({ meal: "素食", emergencyContactName: "王大明", emergencyContactPhone: "0223456789" });
  });
});

describe("masked names", () => {
  test("王○明", () => {
    expect(maskName("王小明")).toBe("王○明");
    expect(maskName("林雅")).toBe("林○");
    expect(maskName("歐陽娜娜")).toBe("歐○○娜");
  });
});

describe("eligibility", () => {
  const now = new Date("2026-12-01T02:00:00Z");
  const course = {
    status: "PUBLISHED" as const, onlineRegistration: true, registrationOpensAt: new Date("2026-11-25T00:00:00Z"), registrationClosesAt: new Date("2026-12-10T16:00:00Z"),
    eligibility: "ANY_TEACHER" as const, organizerId: 7, admissionMode: "MANUAL_REVIEW" as const, capacity: 10, waitlistLimit: 2, approvedCount: 0, waitlistedCount: 0, activeCount: 0,
  };
  const teacher = { id: 1, role: "TEACHER" as const, name: "t", unitId: 3, regionCounties: [] };

  test("each refusal has its reason and message", () => {
    expect(checkEligibility(teacher, course, now)).toEqual({ ok: true });
    expect(checkEligibility(null, course, now)).toMatchObject({ reason: "SIGN_IN" });
    expect(checkEligibility({ ...teacher, role: "ORGANIZER" }, course, now)).toMatchObject({ message: "只有教師帳號可以報名研習" });
    expect(checkEligibility(teacher, { ...course, eligibility: "OWN_UNIT_ONLY" }, now)).toMatchObject({ message: "該課程僅提供校內教師報名" });
    expect(checkEligibility({ ...teacher, unitId: 7 }, { ...course, eligibility: "OWN_UNIT_ONLY" }, now)).toEqual({ ok: true });
    expect(checkEligibility(teacher, { ...course, activeCount: 12 }, now)).toMatchObject({ reason: "FULL" });
    expect(checkEligibility(teacher, course, new Date("2026-11-24T00:00:00Z"))).toMatchObject({ reason: "WINDOW", message: expect.stringContaining("2026/11/25(三) 08:00 開放") });
    expect(checkEligibility(teacher, course, new Date("2026-12-11T00:00:00Z"))).toMatchObject({ reason: "WINDOW", message: expect.stringContaining("截止") });
  });

  test("full means: automatic — seats and waitlist taken; manual — capacity + waitlist limit reached", () => {
    expect(isFull({ ...course, admissionMode: "AUTOMATIC", approvedCount: 10, waitlistedCount: 1 })).toBe(false);
    expect(isFull({ ...course, admissionMode: "AUTOMATIC", approvedCount: 10, waitlistedCount: 2 })).toBe(true);
    expect(isFull({ ...course, activeCount: 11 })).toBe(false);
    expect(isFull({ ...course, activeCount: 12 })).toBe(true);
  });

  test("the window: cancelled, not offered, not yet, open, closed", () => {
    expect(registrationWindowState({ ...course, status: "CANCELLED" }, now)).toBe("CANCELLED");
    expect(registrationWindowState({ ...course, onlineRegistration: false }, now)).toBe("NOT_OFFERED");
    expect(registrationWindowState(course, new Date("2026-11-24T00:00:00Z"))).toBe("NOT_YET_OPEN");
    expect(registrationWindowState(course, now)).toBe("OPEN");
    expect(registrationWindowState(course, new Date("2026-12-10T16:00:00Z"))).toBe("CLOSED");
  });
});
