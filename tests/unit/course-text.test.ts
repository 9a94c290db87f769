import { calendarDate, classTypeText, courseDates, dayOf, feeText, hoursText, onlineRegistrationText, registrationPeriod, termText } from "@/components/course/course-text";

test("the course page's wording of dates, hours, fees and terms", () => {
  expect(calendarDate("2023-01-19")).toBe("2023/01/19(四)");
  expect(courseDates("2023-01-19", "2023-01-20")).toBe("2023/01/19(四) 至 2023/01/20(五)");
  // 登錄日期: the Taipei day of a moment (16:30 UTC is the next morning in Taipei).
  expect(dayOf("2023-01-02T16:30:00.000Z")).toBe("2023/01/03(二)");
  expect(classTypeText("NON_CREDIT", "校本研習")).toBe("非學分班（校本研習）");
  expect(termText(111, 1)).toBe("111學年度第1學期");
  expect(hoursText(2, null)).toBe("2 小時");
  expect(hoursText(1.5, 2)).toBe("1.5 小時／2 學分");
  expect(feeText(0)).toBe("0 元");
  expect(feeText(1500)).toBe("1,500 元");
});

test("報名日期 and 線上報名 in 24-hour Taipei time", () => {
  expect(registrationPeriod("2023-01-12T00:00:00.000Z", "2023-01-19T16:00:00.000Z")).toBe("2023/01/12(四) 08:00 起至 2023/01/19(四) 24:00 止（24小時制）");
  expect(registrationPeriod(null, null)).toBe("未設定報名日期，請洽承辦人。");
  expect(onlineRegistrationText({ status: "PUBLISHED", onlineRegistration: true, registrationOpensAt: "2023-01-11T16:00:00.000Z" })).toBe(
    "開放線上報名 2023/01/12(四) 00:00 起（24小時制）",
  );
  expect(onlineRegistrationText({ status: "PUBLISHED", onlineRegistration: false, registrationOpensAt: null })).toBe("未提供線上報名");
  expect(onlineRegistrationText({ status: "CANCELLED", onlineRegistration: true, registrationOpensAt: null })).toBe("課程已取消，不受理報名");
});
