import { REVIEW_PAGE_SIZES, reviewHref, type ReviewQuery } from "@/lib/registrations/review-schema";

/**
 * Search by name or school, sort by 報名時間, page size: a plain GET form, so the state lives
 * in the URL. And the export buttons (POST), which take the same filters.
 */
export function ReviewToolbar({ query, basePath, exportBase, asksNationalId }: { query: ReviewQuery; basePath: string; exportBase: string; asksNationalId: boolean }) {
  const exportQuery = { ...query, page: 1, size: 50 };
  return (
    <section aria-labelledby="review-tools" className="mb-6 grid gap-4 lg:grid-cols-[1fr_auto] lg:items-end">
      <h2 id="review-tools" className="sr-only">
        搜尋與匯出
      </h2>
      <form method="get" action={basePath} className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_auto_auto_auto] sm:items-end" role="search" aria-label="搜尋報名">
        {query.status !== "ALL" && <input type="hidden" name="status" value={query.status} />}
        <div>
          <label htmlFor="review-q" className="mb-1 block font-semibold">
            姓名或服務學校
          </label>
          <input id="review-q" name="q" defaultValue={query.q} maxLength={50} className="field-input" placeholder="例如：王小明、大安國中" />
        </div>
        <div>
          <label htmlFor="review-order" className="mb-1 block font-semibold">
            報名時間
          </label>
          <select id="review-order" name="order" defaultValue={query.order} className="field-input">
            <option value="asc">先報名的在前</option>
            <option value="desc">後報名的在前</option>
          </select>
        </div>
        <div>
          <label htmlFor="review-size" className="mb-1 block font-semibold">
            每頁
          </label>
          <select id="review-size" name="size" defaultValue={String(query.size)} className="field-input">
            {REVIEW_PAGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {s} 筆
              </option>
            ))}
          </select>
        </div>
        <div className="flex gap-2">
          <button type="submit" className="btn btn-primary">
            搜尋
          </button>
          {(query.q || query.order !== "asc" || query.size !== 50) && (
            <a href={reviewHref(basePath, { ...query, q: "", order: "asc", size: 50, page: 1 })} className="btn btn-secondary">
              清除
            </a>
          )}
        </div>
      </form>
      {/* Exports reveal personal data and are audited: a POST from these buttons, never a link. */}
      <form method="post" action={`${exportBase}/csv`} className="flex flex-wrap items-center gap-2" aria-label="匯出報名名單">
        {exportQuery.status !== "ALL" && <input type="hidden" name="status" value={exportQuery.status} />}
        {exportQuery.q && <input type="hidden" name="q" value={exportQuery.q} />}
        {exportQuery.order !== "asc" && <input type="hidden" name="order" value={exportQuery.order} />}
        <button type="submit" className="btn btn-secondary">
          匯出 CSV
        </button>
        <button type="submit" formAction={`${exportBase}/xlsx`} className="btn btn-secondary">
          匯出 Excel
        </button>
        {asksNationalId && (
          <button type="submit" formAction={`${exportBase}/xlsx`} name="reveal" value="1" className="min-h-11 cursor-pointer text-sm text-accent underline underline-offset-3 hover:text-accent-strong">
            匯出含完整身分證字號（將記錄查閱）
          </button>
        )}
      </form>
    </section>
  );
}
