import { formatDateTime, formatDeadline } from "@/lib/format/date";
import type { CourseStatus } from "@/generated/prisma/enums";

/**
 * The online-registration state of a course (線上報名), decided from the course alone (not
 * from who is asking). Shared by the course page and the registration area.
 */
export type RegistrationWindowState = "CANCELLED" | "NOT_OFFERED" | "NOT_PUBLISHED" | "NOT_YET_OPEN" | "OPEN" | "CLOSED";

export type RegistrationWindowInput = {
  status: CourseStatus;
  onlineRegistration: boolean;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
};

export function registrationWindowState(c: RegistrationWindowInput, now: Date = new Date()): RegistrationWindowState {
  if (c.status === "CANCELLED") return "CANCELLED";
  if (c.status !== "PUBLISHED") return "NOT_PUBLISHED";
  if (!c.onlineRegistration) return "NOT_OFFERED";
  if (c.registrationOpensAt && now < c.registrationOpensAt) return "NOT_YET_OPEN";
  if (c.registrationClosesAt && now >= c.registrationClosesAt) return "CLOSED";
  return "OPEN";
}

/** 未提供線上報名: the real portal's explanation. */
export const NOT_OFFERED_EXPLANATION =
  "本課程未提供線上報名，可能採各校薦派、指定參加或其他方式報名。如需參加，請洽開課單位承辦人。";

/** A one-line Chinese description of the window, e.g. for the course page. */
export function registrationWindowMessage(c: RegistrationWindowInput, now: Date = new Date()): string {
  switch (registrationWindowState(c, now)) {
    case "CANCELLED":
      return "本課程已取消，不開放報名。";
    case "NOT_PUBLISHED":
      return "本課程尚未公告，不開放報名。";
    case "NOT_OFFERED":
      return "未提供線上報名";
    case "NOT_YET_OPEN":
      return `尚未開放報名，將於 ${formatDateTime(c.registrationOpensAt!)} 開放線上報名。`;
    case "CLOSED":
      return `線上報名已於 ${formatDeadline(c.registrationClosesAt!)} 截止。`;
    case "OPEN":
      return c.registrationClosesAt ? `開放線上報名中，至 ${formatDeadline(c.registrationClosesAt)} 截止。` : "開放線上報名中。";
  }
}
