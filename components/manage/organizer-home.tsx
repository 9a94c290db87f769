import type { Actor } from "@/lib/auth/actor";
import { getOrganizerHome } from "@/lib/courses/get-organizer-home";
import { formatDate, formatDateTime } from "@/lib/format/date";

/**
 * The organizer's part of the signed-in home page: what waits for them — courses the 區管中心
 * returned (with the reason), registrations waiting for review, drafts not yet submitted.
 */
export async function OrganizerHome({ actor }: { actor: Actor }) {
  const home = await getOrganizerHome(actor);
  const nothing = home.returned.length === 0 && home.toReview.length === 0 && home.draftCount === 0;
  return (
    <section aria-labelledby="organizer-home-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="organizer-home-heading" className="text-xl font-bold">
            待辦事項
          </h2>
          <p className="text-muted">
            {home.unitName}
            {home.submittedCount > 0 && `・${home.submittedCount} 門課程等待區管中心審核`}
          </p>
        </div>
        <p className="flex flex-wrap gap-3">
          <a href="/manage" className="btn btn-secondary">
            本單位課程管理
          </a>
          <a href="/manage/courses/new" className="btn btn-primary">
            新增課程
          </a>
        </p>
      </div>

      {nothing && (
        <p className="card bg-surface">目前沒有待辦事項：沒有退回的課程、沒有待審核的報名，也沒有未送審的草稿。</p>
      )}

      {home.returned.length > 0 && (
        <div className="card border-danger">
          <h3 className="font-bold text-red-900">區管中心退回 {home.returned.length} 門課程，請修改後重新送審</h3>
          <ul className="mt-2 space-y-3">
            {home.returned.map((c) => (
              <li key={c.code}>
                <a href={`/manage/courses/${c.code}/edit`} className="font-semibold">
                  {c.title}
                </a>
                <span className="ml-2 text-sm text-muted">{c.code}</span>
                <p className="break-words text-sm">
                  退回原因：{c.reason}
                  {c.reviewedAt && <span className="text-muted">（{formatDateTime(c.reviewedAt)}）</span>}
                </p>
              </li>
            ))}
          </ul>
        </div>
      )}

      {home.toReview.length > 0 && (
        <div className="card">
          <h3 className="font-bold">
            {home.toReviewTotals.courses} 門課程有 {home.toReviewTotals.registrations} 筆報名待審核
          </h3>
          <ul className="mt-2 divide-y divide-line">
            {home.toReview.map((c) => (
              <li key={c.code} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2">
                <span className="min-w-0">
                  <a href={`/manage/courses/${c.code}/registrations`} className="font-semibold">
                    {c.title}
                  </a>
                  <span className="block text-sm text-muted">開課 {formatDate(c.startDate)}</span>
                </span>
                <span className="rounded-full bg-amber-50 px-3 py-0.5 text-sm font-semibold text-amber-900 ring-1 ring-amber-300">待審核 {c.pendingCount} 人</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      {home.draftCount > 0 && (
        <div className="card">
          <h3 className="font-bold">{home.draftCount} 門草稿尚未送審</h3>
          <ul className="mt-2 space-y-1">
            {home.drafts.map((c) => (
              <li key={c.code}>
                <a href={`/manage/courses/${c.code}/edit`}>{c.title}</a>
                <span className="ml-2 text-sm text-muted">最後修改 {formatDateTime(c.updatedAt)}</span>
              </li>
            ))}
          </ul>
          {home.draftCount > home.drafts.length && (
            <p className="mt-2 text-sm">
              <a href="/manage?status=DRAFT">查看全部 {home.draftCount} 門草稿</a>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
