import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { REGISTRATION_STATUS_LABELS } from "@/lib/courses/labels";
import type { FollowedCourse } from "@/lib/courses/list-followed-courses";
import { courseDates, WINDOW_LABELS, WINDOW_TONES } from "@/components/course/course-text";
import { FollowButton, type FollowFormState } from "@/components/course/follow-button";

type Props = { row: FollowedCourse; action: (prev: FollowFormState, form: FormData) => Promise<FollowFormState> };

/** One followed course: what it is, where registration stands, and 取消追蹤. */
export function FollowedCourseCard({ row, action }: Props) {
  const stateLabel = row.status === "CANCELLED" ? WINDOW_LABELS.CANCELLED : row.ended ? "已結束" : WINDOW_LABELS[row.window];
  const tone = row.status === "CANCELLED" ? "danger" : row.ended ? "neutral" : WINDOW_TONES[row.window];
  return (
    <article className="card flex flex-col gap-3 md:flex-row md:items-start md:justify-between" aria-labelledby={`followed-${row.code}`}>
      <div className="min-w-0 space-y-1">
        <p className="text-sm text-muted">課程代碼 {row.code}</p>
        <h2 id={`followed-${row.code}`} className="text-lg font-semibold break-words">
          <Link href={`/courses/${row.code}`}>{row.title}</Link>
        </h2>
        <p className="text-sm">{courseDates(row.startDate, row.endDate)}</p>
        <p className="text-sm text-muted">
          {row.organizerName}・{row.venueCounty}
        </p>
        <p className="flex flex-wrap items-center gap-2 pt-1 text-sm">
          <StatusBadge tone={tone}>{stateLabel}</StatusBadge>
          {row.seatsLeft !== null && row.status !== "CANCELLED" && !row.ended && <span>線上報名餘額 {row.seatsLeft} 名</span>}
          {row.myRegistration && (
            <span>
              您的報名：<strong>{REGISTRATION_STATUS_LABELS[row.myRegistration]}</strong>
            </span>
          )}
        </p>
        {!row.ended && row.status !== "CANCELLED" && <p className="text-sm text-muted">{row.windowMessage}</p>}
      </div>
      <div className="shrink-0">
        <FollowButton code={row.code} following returnTo="/me/following" action={action} followLabel="重新加入追蹤" />
      </div>
    </article>
  );
}
