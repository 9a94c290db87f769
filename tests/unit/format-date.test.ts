import { formatDate, formatDateTime, formatDeadline, schoolYearOf, taipeiToday } from "@/lib/format/date";

describe("dates as Taiwan writes them", () => {
  test("calendar dates with the weekday", () => {
    expect(formatDate(new Date("2025-08-31T00:00:00Z"))).toBe("2025/08/31(日)");
    expect(formatDate(new Date("2023-01-19T00:00:00Z"))).toBe("2023/01/19(四)");
  });

  test("moments in Taipei time, 24-hour clock", () => {
    expect(formatDateTime(new Date("2025-08-30T15:59:00Z"))).toBe("2025/08/30(六) 23:59");
    expect(formatDateTime(new Date("2025-08-30T16:00:00Z"))).toBe("2025/08/31(日) 00:00");
    expect(taipeiToday(new Date("2025-08-30T16:30:00Z"))).toBe("2025-08-31");
  });

  test("ROC school years start in August", () => {
    expect(schoolYearOf(new Date("2022-08-01T00:00:00Z"))).toBe(111);
    expect(schoolYearOf(new Date("2023-07-31T00:00:00Z"))).toBe(111);
    expect(schoolYearOf(new Date("2023-08-01T00:00:00Z"))).toBe(112);
  });
});

describe("deadlines", () => {
  test("midnight is the end of the day before", () => {
    expect(formatDeadline(new Date("2025-08-30T16:00:00Z"))).toBe("2025/08/30(六) 24:00");
    expect(formatDeadline(new Date("2025-08-30T09:30:00Z"))).toBe("2025/08/30(六) 17:30");
  });
});
