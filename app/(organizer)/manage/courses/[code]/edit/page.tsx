import type { Metadata } from "next";
import { pageActor, pageCall } from "@/lib/auth/page";
import { getCourseForEdit } from "@/lib/courses/get-course-for-edit";
import { isPublicStatus, isReturned } from "@/lib/courses/course-status";
import { formatDateTime } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";
import { CourseForm } from "@/components/manage/course-form";
import { CourseStateBadge } from "@/components/manage/course-state-badge";
import { CourseFullDetails } from "@/components/manage/course-full-details";
import { CourseCancelDialog } from "@/components/manage/course-cancel-dialog";
import { cancelCourseAction, updateCourseAction } from "./actions";

export const metadata: Metadata = { title: "編輯課程", robots: { index: false } };

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ done?: string }> };

const DONE: Record<string, string> = {
  created: "已建立草稿。確認內容無誤後，請按「儲存並送審」送區管中心審核。",
  submitted: "已送審，等待區管中心審核；核准公告後教師即可查詢與報名。",
  cancelled: "已取消課程。課程頁面已標示取消原因，已報名的教師會收到取消通知信。",
};

export default async function EditCoursePage({ params, searchParams }: Props) {
  const { code } = await params;
  const { done } = await searchParams;
  const actor = await pageActor(`/manage/courses/${code}/edit`, "ORGANIZER");
  const { course: c, values, pendingCount, can } = await pageCall(() => getCourseForEdit(actor, code));
  const returned = isReturned(c);
  const isPublic = isPublicStatus(c.status);

  return (
    <>
      <PageHeader title={can.edit ? "編輯課程" : "課程內容"} crumbs={[{ href: "/manage", label: "本單位課程管理" }, { label: c.title }]}>
        <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span>
            課程代碼 <span className="font-semibold text-ink">{c.code}</span>
          </span>
          <CourseStateBadge status={c.status} statusNote={c.statusNote} />
        </span>
      </PageHeader>

      {done && DONE[done] && (
        <p role="status" className="mb-6 rounded-lg border border-success bg-green-50 p-4 text-green-900">
          {DONE[done]}
        </p>
      )}

      {returned && (
        <div className="mb-6 rounded-lg border-2 border-danger bg-red-50 p-4 text-red-900" data-testid="return-reason">
          <p className="font-bold">區管中心退回修正{c.reviewedAt && <span className="ml-2 text-sm font-normal">（{formatDateTime(new Date(c.reviewedAt))}）</span>}</p>
          <p className="mt-1 whitespace-pre-line break-words">退回原因：{c.statusNote}</p>
          <p className="mt-2 text-sm">請依說明修改後，按「儲存並送審」重新送審。</p>
        </div>
      )}

      <section aria-labelledby="state-heading" className="card mb-6">
        <h2 id="state-heading" className="sr-only">
          課程狀態與報名
        </h2>
        <dl className="grid grid-cols-2 gap-3 text-center sm:grid-cols-4">
          {[
            ["待審核", `${pendingCount} 人`],
            ["審核通過 / 名額", `${c.approvedCount} / ${c.capacity}`],
            ["備取", `${c.waitlistedCount} 人`],
            [c.status === "SUBMITTED" ? "送審時間" : c.publishedAt ? "公告時間" : "登錄日期", formatDateTime(new Date(c.status === "SUBMITTED" && c.submittedAt ? c.submittedAt : (c.publishedAt ?? c.listedAt)))],
          ].map(([k, v]) => (
            <div key={k} className="rounded-lg bg-surface p-3">
              <dt className="text-sm text-muted">{k}</dt>
              <dd className="font-semibold tabular-nums">{v}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          {isPublic && (
            <a href={`/manage/courses/${c.code}/registrations`} className="btn btn-primary">
              報名審核
            </a>
          )}
          {isPublic && (
            <a href={`/courses/${c.code}`} className="btn btn-secondary">
              檢視課程頁面
            </a>
          )}
          {can.cancel && <CourseCancelDialog title={c.title} activeRegistrations={c.activeCount} action={cancelCourseAction.bind(null, c.code)} />}
        </div>
        {c.status === "SUBMITTED" && <p className="mt-3 text-muted">這門課程已送審，正在等待區管中心審核，暫時不能修改；如需修改，請洽區管中心退回。</p>}
        {c.status === "CANCELLED" && (
          <p className="mt-3 text-muted">
            這門課程已於 {c.cancelledAt ? formatDateTime(new Date(c.cancelledAt)) : ""} 取消{c.statusNote ? `，原因：${c.statusNote}` : ""}。已取消的課程不能再修改。
          </p>
        )}
      </section>

      {can.edit ? (
        <CourseForm
          initialValues={values}
          action={updateCourseAction.bind(null, c.code)}
          submitLabel={c.status === "DRAFT" ? "儲存草稿" : "儲存變更"}
          pendingLabel="儲存中"
          submitIntent={can.submit ? { label: "儲存並送審", pendingLabel: "送審中" } : undefined}
          published={c.status === "PUBLISHED"}
          approvedCount={c.approvedCount}
          waitlistedCount={c.waitlistedCount}
        />
      ) : (
        <CourseFullDetails course={c} />
      )}
    </>
  );
}
