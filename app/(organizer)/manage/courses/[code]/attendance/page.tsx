import type { Metadata } from "next";
import Link from "next/link";
import { pageActor, pageCall } from "@/lib/auth/page";
import { listAttendance } from "@/lib/registrations/list-attendance";
import { attendanceClosedReason } from "@/lib/courses/course-status";
import { formatIsoDate } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";
import { ReviewCourseNav } from "@/components/manage/review-course-nav";
import { AttendanceForm } from "@/components/manage/attendance-form";
import { attendanceAction } from "./actions";

export const metadata: Metadata = { title: "出席登錄", robots: { index: false } };

type Props = { params: Promise<{ code: string }> };


/** 出席登錄與研習時數: after the course has started. Personal: rendered per request. */
export default async function AttendancePage({ params }: Props) {
  const { code } = await params;
  const actor = await pageActor(`/manage/courses/${code}/attendance`, "ORGANIZER");
  const { course, rows, counts } = await pageCall(() => listAttendance(actor, code));

  return (
    <>
      <PageHeader
        title="出席登錄"
        crumbs={[{ href: "/manage", label: "本單位課程管理" }, { href: `/courses/${course.code}`, label: course.code }, { label: "出席登錄" }]}
      >
        <span className="text-ink">
          {course.code}・{course.title}
        </span>
      </PageHeader>
      <ReviewCourseNav code={course.code} current="attendance" />
      <section aria-labelledby="attendance-summary" className="card mb-6">
        <h2 id="attendance-summary" className="sr-only">
          出席概況
        </h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-sm text-muted">研習日期</dt>
            <dd>
              {formatIsoDate(course.startDate)}
              {course.endDate !== course.startDate && <> 至 {formatIsoDate(course.endDate)}</>}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-muted">研習時數</dt>
            <dd>
              {course.hours} 小時<span className="block text-sm text-muted">計入 {course.schoolYear} 學年度</span>
            </dd>
          </div>
          <div>
            <dt className="text-sm text-muted">審核通過（正取）</dt>
            <dd>{rows.length} 位</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">已登錄</dt>
            <dd>
              出席 {counts.attended}・缺席 {counts.absent}・未登錄 {counts.unmarked}
            </dd>
          </div>
        </dl>
      </section>

      {attendanceClosedReason(course.status) ? (
        <p className="card bg-surface">{attendanceClosedReason(course.status)}</p>
      ) : !course.started ? (
        <div className="card bg-surface">
          <p className="font-semibold">研習尚未開始（{formatIsoDate(course.startDate)} 開始），開始後才能登錄出席。</p>
          <p className="mt-1 text-muted">在那之前，可以先到錄取審核確認正取名單。</p>
          <p className="mt-3">
            <Link href={`/manage/courses/${course.code}/registrations`} className="btn btn-secondary">
              前往錄取審核
            </Link>
          </p>
        </div>
      ) : rows.length === 0 ? (
        <div className="card bg-surface">
          <p className="font-semibold">這門課程沒有審核通過（正取）的教師，沒有出席可以登錄。</p>
          <p className="mt-3">
            <Link href={`/manage/courses/${course.code}/registrations`} className="btn btn-secondary">
              前往錄取審核
            </Link>
          </p>
        </div>
      ) : (
        <AttendanceForm rows={rows} hours={course.hours} action={attendanceAction.bind(null, course.code)} />
      )}
    </>
  );
}
