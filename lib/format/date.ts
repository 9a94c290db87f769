/**
 * Dates as Taiwan's public sites write them: 2025/08/31(日), in Asia/Taipei time.
 * Course dates (startDate, endDate) are calendar dates stored at UTC midnight; use
 * formatDate for them. Moments (registration windows, 報名時間) use formatDateTime.
 */
const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];
export const TIME_ZONE = "Asia/Taipei";

const partsFormatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  weekday: "short",
});

type Parts = { year: string; month: string; day: string; hour: string; minute: string; weekday: number };
const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function taipeiParts(d: Date): Parts {
  const p = Object.fromEntries(partsFormatter.formatToParts(d).map((x) => [x.type, x.value]));
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, weekday: WEEKDAY_INDEX[p.weekday] };
}

/** A calendar date (stored at UTC midnight): 2025/08/31(日). */
export function formatDate(d: Date): string {
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, "0");
  const day = String(d.getUTCDate()).padStart(2, "0");
  return `${y}/${m}/${day}(${WEEKDAYS[d.getUTCDay()]})`;
}

/** A calendar date given as YYYY-MM-DD: 2025/08/31(日). */
export function formatIsoDate(ymd: string): string {
  return formatDate(new Date(`${ymd.slice(0, 10)}T00:00:00Z`));
}

/** A moment, in Taipei time: 2025/08/31(日) 09:00. */
export function formatDateTime(d: Date): string {
  const p = taipeiParts(d);
  return `${p.year}/${p.month}/${p.day}(${WEEKDAYS[p.weekday]}) ${p.hour}:${p.minute}`;
}

/** Today's date in Taipei as YYYY-MM-DD. */
export function taipeiToday(now = new Date()): string {
  const p = taipeiParts(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** ROC school year of a calendar date: 111學年度 = Aug 2022 – Jul 2023. */
export function schoolYearOf(d: Date): number {
  const year = d.getUTCFullYear();
  return d.getUTCMonth() >= 7 ? year - 1911 : year - 1912;
}

/** A deadline: midnight is written as the end of the day before, 2025/08/30(六) 24:00, as the portal does. */
export function formatDeadline(d: Date): string {
  const p = taipeiParts(d);
  if (p.hour === "00" && p.minute === "00") {
    const dayBefore = taipeiParts(new Date(d.getTime() - 60_000));
    return `${dayBefore.year}/${dayBefore.month}/${dayBefore.day}(${WEEKDAYS[dayBefore.weekday]}) 24:00`;
  }
  return formatDateTime(d);
}
