import Link from "next/link";
import { COURSE_STATUS_LABELS, REGISTRATION_STATUS_LABELS } from "@/lib/courses/labels";
import { formatIsoDate } from "@/lib/format/date";
import { reviewHref, type ReviewQuery, type ReviewStatusFilter } from "@/lib/registrations/review-schema";
import type { ManagedCourseSummary } from "@/lib/registrations/managed-course";
import type { RegistrationStatus } from "@/generated/prisma/enums";


/** The course at a glance: dates, 線上報名餘額, and the registrations per status (each a filter link). */
export function ReviewSummary({
  course,
  counts,
  query,
  basePath,
}: {
  course: ManagedCourseSummary;
  counts: Record<RegistrationStatus, number>;
  query: ReviewQuery;
  basePath: string;
}) {
  const active = counts.PENDING + counts.APPROVED + counts.WAITLISTED + counts.REJECTED;
  const filters: { status: ReviewStatusFilter; label: string; count: number }[] = [
    { status: "ALL", label: "全部", count: active },
    ...(["PENDING", "APPROVED", "WAITLISTED", "REJECTED", "CANCELLED"] as const).map((s) => ({ status: s, label: REGISTRATION_STATUS_LABELS[s], count: counts[s] })),
  ];
  return (
    <section aria-labelledby="review-summary" className="card mb-6 space-y-4">
      <h2 id="review-summary" className="sr-only">
        報名概況
      </h2>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-sm text-muted">線上報名餘額</dt>
          <dd>
            <strong className="text-2xl" data-testid="seats-left">
              {course.seatsLeft}
            </strong>{" "}
            名<span className="block text-sm text-muted">共 {course.capacity} 名，已錄取 {course.approvedCount} 名</span>
          </dd>
        </div>
        <div>
          <dt className="text-sm text-muted">研習日期</dt>
          <dd>
            {formatIsoDate(course.startDate)}
            {course.endDate !== course.startDate && <> 至 {formatIsoDate(course.endDate)}</>}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-muted">錄取方式</dt>
          <dd>
            {course.admissionMode === "AUTOMATIC" ? "先到先得（自動錄取）" : "人工審核"}
            {course.waitlistLimit > 0 && <span className="block text-sm text-muted">備取上限 {course.waitlistLimit} 名</span>}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-muted">課程狀態</dt>
          <dd>{COURSE_STATUS_LABELS[course.status]}</dd>
        </div>
      </dl>
      <nav aria-label="依處理狀態篩選">
        <ul className="flex flex-wrap gap-2">
          {filters.map((f) => {
            const current = query.status === f.status;
            return (
              <li key={f.status}>
                <Link
                  href={reviewHref(basePath, query, { status: f.status, page: 1 })}
                  aria-current={current ? "true" : undefined}
                  className={`inline-flex min-h-11 items-center gap-2 rounded-full border px-4 no-underline ${
                    current ? "border-accent bg-accent text-white hover:text-white" : "border-line text-ink hover:border-accent hover:bg-accent-soft"
                  }`}
                >
                  {f.label}
                  <span className={`rounded-full px-2 text-sm font-semibold ${current ? "bg-white text-accent-strong" : "bg-surface"}`}>{f.count}</span>
                </Link>
              </li>
            );
          })}
        </ul>
        {query.status === "ALL" && <p className="mt-2 text-sm text-muted">「全部」不含教師已取消的報名。</p>}
      </nav>
    </section>
  );
}
