import type { RegistrationStatus } from "@/generated/prisma/enums";
import { REGISTRATION_STATUS_LABELS } from "@/lib/courses/labels";
import { StatusBadge } from "@/components/ui/status-badge";

const TONE = { PENDING: "info", APPROVED: "success", REJECTED: "danger", WAITLISTED: "warning", CANCELLED: "neutral" } as const;

/** 線上報名結果 (處理狀態) as a badge; 審核通過 reads 審核通過（正取） as the manual explains it. */
export function RegistrationStatusBadge({ status }: { status: RegistrationStatus }) {
  const label = status === "APPROVED" ? "審核通過（正取）" : status === "REJECTED" ? "審核不通過（不錄取）" : REGISTRATION_STATUS_LABELS[status];
  return <StatusBadge tone={TONE[status]}>{label}</StatusBadge>;
}
