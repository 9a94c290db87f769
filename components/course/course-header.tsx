import type { ReactNode } from "react";
import { formatDateTime } from "@/lib/format/date";
import type { PublicCourse } from "@/lib/courses/find-course";
import { classTypeText, dayOf, termText } from "@/components/course/course-text";

/** Breadcrumbs, the cancellation notice, the title and the course's identity line. */
export function CourseHeader({ course, follow }: { course: PublicCourse; follow: ReactNode }) {
  const c = course;
  return (
    <header className="mb-6 space-y-3">
      <nav aria-label="現在位置" className="text-sm text-muted">
        <ol className="flex flex-wrap gap-1">
          <li>
            <a href="/">首頁</a>
          </li>
          <li className="flex items-center gap-1">
            <span aria-hidden="true">›</span>
            <a href="/courses">研習搜尋</a>
          </li>
          <li className="flex items-center gap-1">
            <span aria-hidden="true">›</span>
            <span aria-current="page">研習課程介紹</span>
          </li>
        </ol>
      </nav>
      {c.status === "CANCELLED" && (
        <div className="rounded-lg border-2 border-danger bg-red-50 p-4 text-red-900" data-testid="cancelled-notice">
          <p className="text-lg font-bold">本課程已取消</p>
          {c.cancelReason && <p>取消原因：{c.cancelReason}</p>}
          {c.cancelledAt && <p className="text-sm">取消時間：{formatDateTime(new Date(c.cancelledAt))}</p>}
          <p className="text-sm">課程資料保留供查詢，不再受理報名。如有疑問請洽開課單位承辦人。</p>
        </div>
      )}
      <p className="flex flex-wrap gap-x-4 text-sm text-muted">
        <span>
          課程代碼 <span className="font-semibold text-ink">{c.code}</span>
        </span>
        <span>登錄日期 {dayOf(c.listedAt)}</span>
      </p>
      <h1 className="text-2xl font-bold leading-snug break-words sm:text-3xl">{c.title}</h1>
      <p className="flex flex-wrap gap-2 text-sm">
        <span className="rounded-full bg-accent-soft px-3 py-0.5 font-medium text-accent-strong">{classTypeText(c.classType, c.category)}</span>
        <span className="rounded-full bg-surface px-3 py-0.5 ring-1 ring-line">{termText(c.schoolYear, c.semester)}</span>
      </p>
      {follow}
    </header>
  );
}
