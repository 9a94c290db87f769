import { formatDate, formatDateTime, formatDeadline, taipeiToday } from "@/lib/format/date";
import { CLASS_TYPE_LABELS } from "@/lib/courses/labels";
import type { RegistrationWindowState } from "@/lib/registrations/window";
import type { ClassType } from "@/generated/prisma/enums";

/** How the course page words a course's facts. Pure functions of strings and numbers. */

/** A calendar date kept as YYYY-MM-DD: 2023/01/19(四). */
export function calendarDate(ymd: string): string {
  return formatDate(new Date(`${ymd}T00:00:00Z`));
}

/** The Taipei calendar day of a moment: 2023/01/03(二). */
export function dayOf(iso: string): string {
  return calendarDate(taipeiToday(new Date(iso)));
}

/** 上課日期: 2023/01/19(四) 至 2023/01/19(四). */
export function courseDates(startDate: string, endDate: string): string {
  return `${calendarDate(startDate)} 至 ${calendarDate(endDate)}`;
}

/** 非學分班（校本研習）. */
export function classTypeText(classType: ClassType, category: string): string {
  return category ? `${CLASS_TYPE_LABELS[classType]}（${category}）` : CLASS_TYPE_LABELS[classType];
}

/** 111學年度第1學期. */
export function termText(schoolYear: number, semester: number): string {
  return `${schoolYear}學年度第${semester}學期`;
}

/** 研習時數/學分: 3 小時, or 3 小時／2 學分 for credit classes. */
export function hoursText(hours: number, credits: number | null): string {
  const h = `${Number.isInteger(hours) ? hours : hours.toFixed(1)} 小時`;
  return credits ? `${h}／${credits} 學分` : h;
}

/** 繳費金額: 0 元, 1,500 元. */
export function feeText(fee: number): string {
  return `${fee.toLocaleString("zh-TW")} 元`;
}

/** 報名日期: 2023/01/12(四) 08:00 起至 2023/01/19(四) 24:00 止（24小時制）. */
export function registrationPeriod(opensAt: string | null, closesAt: string | null): string {
  if (!opensAt && !closesAt) return "未設定報名日期，請洽承辦人。";
  const from = opensAt ? `${formatDateTime(new Date(opensAt))} 起` : "即日起";
  const to = closesAt ? `至 ${formatDeadline(new Date(closesAt))} 止` : "";
  return `${from}${to}（24小時制）`;
}

/**
 * 線上報名 among the course's facts, which do not change with the clock (the state now is in
 * the registration block): 開放線上報名 2023/01/12(四) 08:00 起（24小時制）, or 未提供線上報名.
 */
export function onlineRegistrationText(c: { status: string; onlineRegistration: boolean; registrationOpensAt: string | null }): string {
  if (c.status === "CANCELLED") return "課程已取消，不受理報名";
  if (!c.onlineRegistration) return "未提供線上報名";
  return c.registrationOpensAt ? `開放線上報名 ${formatDateTime(new Date(c.registrationOpensAt))} 起（24小時制）` : "開放線上報名";
}

/** The short label of a registration window state, for badges. */
export const WINDOW_LABELS: Record<RegistrationWindowState, string> = {
  OPEN: "報名中",
  NOT_YET_OPEN: "尚未開放報名",
  CLOSED: "報名已截止",
  NOT_OFFERED: "未提供線上報名",
  CANCELLED: "已取消",
  NOT_PUBLISHED: "尚未公告",
};

export const WINDOW_TONES = {
  OPEN: "success",
  NOT_YET_OPEN: "info",
  CLOSED: "neutral",
  NOT_OFFERED: "neutral",
  CANCELLED: "danger",
  NOT_PUBLISHED: "neutral",
} as const satisfies Record<RegistrationWindowState, "success" | "info" | "neutral" | "danger" | "warning">;
