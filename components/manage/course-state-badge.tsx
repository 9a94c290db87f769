import { StatusBadge } from "@/components/ui/status-badge";
import { COURSE_STATE_LABELS, COURSE_STATE_TONES, courseStateOf } from "@/lib/courses/course-status";
import type { CourseStatus } from "@/generated/prisma/enums";

/** 草稿 / 退回 / 待區管中心審核 / 已公告 / 已取消. */
export function CourseStateBadge({ status, statusNote }: { status: CourseStatus; statusNote: string | null }) {
  const state = courseStateOf({ status, statusNote });
  return <StatusBadge tone={COURSE_STATE_TONES[state]}>{COURSE_STATE_LABELS[state]}</StatusBadge>;
}
