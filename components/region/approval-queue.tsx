import { formatDate, formatDateTime } from "@/lib/format/date";
import { classTypeText } from "@/components/course/course-text";
import type { AwaitingApprovalRow } from "@/lib/courses/list-courses-awaiting-approval";

/** Whole days a course has waited since it was submitted. */
export function daysWaiting(submittedAt: Date, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - submittedAt.getTime()) / 86400_000));
}

/** The 區管中心's queue: one card per submitted course, the longest-waiting first. */
export function ApprovalQueue({ rows, now = new Date() }: { rows: AwaitingApprovalRow[]; now?: Date }) {
  return (
    <ol className="space-y-3" aria-label="待審核課程，送審最久的在前">
      {rows.map((c) => {
        const days = daysWaiting(c.submittedAt, now);
        return (
          <li key={c.code} className="card flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <p className="text-sm text-muted">
                課程代碼 {c.code}・{c.organizerCounty}
              </p>
              <p className="break-words text-lg font-semibold">{c.title}</p>
              <p className="text-sm text-muted">
                {c.organizerName}・{classTypeText(c.classType, c.category)}・{c.hours} 小時・名額 {c.capacity} 人
              </p>
              <p className="text-sm">
                開課 {formatDate(c.startDate)}
                {c.endDate.getTime() !== c.startDate.getTime() && ` 至 ${formatDate(c.endDate)}`}・送審 {formatDateTime(c.submittedAt)}
                {days > 0 && <span className={days >= 7 ? "ml-1 font-semibold text-danger" : "ml-1 text-muted"}>（已等待 {days} 天）</span>}
              </p>
            </div>
            <a href={`/region/courses/${c.code}`} className="btn btn-primary shrink-0" aria-label={`審閱「${c.title}」`}>
              審閱課程
            </a>
          </li>
        );
      })}
    </ol>
  );
}
