import type { CourseStatus } from "@/generated/prisma/enums";

/**
 * How a course's state is shown to its organizer: the four states of domain.md, and 退回 — a
 * draft that the 區管中心 sent back with a reason (statusNote). Pure: used by pages and components.
 */
export type CourseState = CourseStatus | "RETURNED";

/** A draft the 區管中心 sent back with a reason (退回修正). */
export function isReturned(c: { status: CourseStatus; statusNote: string | null }): boolean {
  return courseStateOf(c) === "RETURNED";
}

/** Shown to the public (course page, search): published and cancelled courses. */
export function isPublicStatus(status: CourseStatus): boolean {
  return status === "PUBLISHED" || status === "CANCELLED";
}

/** Published and not cancelled: registration, attendance and search updates apply. */
export function isLiveStatus(status: CourseStatus): boolean {
  return status === "PUBLISHED";
}

/** Why attendance cannot be taken for a course in this state (null: it can). */
export function attendanceClosedReason(status: CourseStatus): string | null {
  if (isLiveStatus(status)) return null;
  return `這門課程${status === "CANCELLED" ? "已取消" : "尚未公告"}，無法登錄出席。`;
}

export function courseStateOf(c: { status: CourseStatus; statusNote: string | null }): CourseState {
  return c.status === "DRAFT" && c.statusNote ? "RETURNED" : c.status;
}

export const COURSE_STATE_LABELS: Record<CourseState, string> = {
  DRAFT: "草稿",
  RETURNED: "退回",
  SUBMITTED: "待區管中心審核",
  PUBLISHED: "已公告",
  CANCELLED: "已取消",
};

export const COURSE_STATE_TONES = {
  DRAFT: "neutral",
  RETURNED: "danger",
  SUBMITTED: "warning",
  PUBLISHED: "success",
  CANCELLED: "neutral",
} as const satisfies Record<CourseState, "neutral" | "info" | "success" | "warning" | "danger">;

/** The filters of the organizer's course list, in the order of the tabs (草稿 includes 退回). */
export const COURSE_FILTERS = ["DRAFT", "RETURNED", "SUBMITTED", "PUBLISHED", "CANCELLED"] as const;
export type CourseFilter = (typeof COURSE_FILTERS)[number];

export const COURSE_FILTER_LABELS: Record<CourseFilter, string> = {
  DRAFT: "草稿",
  RETURNED: "退回修正",
  SUBMITTED: "待區管中心審核",
  PUBLISHED: "已公告",
  CANCELLED: "已取消",
};
