import { Pagination } from "@/components/search/pagination";
import { CourseStateBadge } from "@/components/manage/course-state-badge";
import { COURSE_FILTERS, COURSE_FILTER_LABELS, type CourseFilter } from "@/lib/courses/course-status";
import { formatDate } from "@/lib/format/date";
import type { UnitCourseList } from "@/lib/courses/list-unit-courses";

/** The list's URL with a filter and page (the list's state lives in the URL). */
export function manageHref(filter: CourseFilter | null, page = 1): string {
  const p = new URLSearchParams();
  if (filter) p.set("status", filter);
  if (page > 1) p.set("page", String(page));
  const q = p.toString();
  return q ? `/manage?${q}` : "/manage";
}

/**
 * Cells as a table row from 1024 px up; below, each row is a card and each cell carries its
 * label (data-label), so nothing scrolls sideways on a phone.
 */
const BODY = [
  "block space-y-3 lg:table-row-group lg:space-y-0",
  "[&>tr]:flex [&>tr]:flex-col [&>tr]:gap-1 [&>tr]:rounded-xl [&>tr]:border [&>tr]:border-line [&>tr]:bg-white [&>tr]:p-4",
  "lg:[&>tr]:table-row lg:[&>tr]:rounded-none lg:[&>tr]:border-0 lg:[&>tr]:border-b lg:[&>tr]:p-0",
  "[&>tr>td]:block lg:[&>tr>td]:table-cell lg:[&>tr>td]:px-2 lg:[&>tr>td]:py-3 lg:[&>tr>td]:align-top",
  "[&>tr>td:nth-child(2)]:order-first lg:[&>tr>td:nth-child(2)]:min-w-[14rem]",
  "max-lg:[&>tr>td[data-label]]:grid max-lg:[&>tr>td[data-label]]:grid-cols-[7.5rem_minmax(0,1fr)]",
  "max-lg:[&>tr>td[data-label]]:before:text-muted max-lg:[&>tr>td[data-label]]:before:content-[attr(data-label)]",
].join(" ");

function FilterTabs({ list }: { list: UnitCourseList }) {
  const tabs: { filter: CourseFilter | null; label: string; count: number }[] = [
    { filter: null, label: "全部", count: list.counts.ALL },
    ...COURSE_FILTERS.map((f) => ({ filter: f, label: COURSE_FILTER_LABELS[f], count: list.counts[f] })),
  ];
  return (
    <nav aria-label="依課程狀態篩選" className="mb-4">
      <ul className="flex flex-wrap gap-2">
        {tabs.map((t) => {
          const current = t.filter === list.filter;
          return (
            <li key={t.filter ?? "all"}>
              <a
                href={manageHref(t.filter)}
                aria-current={current ? "page" : undefined}
                className={
                  current
                    ? "inline-flex min-h-11 items-center gap-1 rounded-full bg-accent px-4 font-semibold text-white no-underline hover:text-white"
                    : "inline-flex min-h-11 items-center gap-1 rounded-full border border-line px-4 text-ink no-underline hover:border-accent hover:bg-accent-soft"
                }
              >
                {t.label}
                <span className={current ? "text-sm" : "text-sm text-muted"}>{t.count}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** 本單位課程管理: the unit's courses with state and registration counts, filter tabs and pages. */
export function CourseList({ list }: { list: UnitCourseList }) {
  const first = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const last = Math.min(list.total, list.page * list.pageSize);
  return (
    <section aria-labelledby="course-list-heading">
      <h2 id="course-list-heading" className="sr-only">
        課程列表
      </h2>
      <FilterTabs list={list} />
      {list.total === 0 ? (
        <div className="card bg-surface">
          <p className="font-semibold">{list.filter ? `沒有「${COURSE_FILTER_LABELS[list.filter]}」的課程。` : "本單位還沒有課程。"}</p>
          <p className="mt-1 text-muted">{list.filter ? "換一個狀態看看，或新增一門課程。" : "按「新增課程」建立第一門課程，存成草稿後再送區管中心審核。"}</p>
          <p className="mt-3 flex flex-wrap gap-3">
            <a href="/manage/courses/new" className="btn btn-primary">
              新增課程
            </a>
            {list.filter && (
              <a href={manageHref(null)} className="btn btn-secondary">
                顯示全部課程
              </a>
            )}
          </p>
        </div>
      ) : (
        <>
          <p className="mb-3 text-sm text-muted" aria-live="polite">
            共 {list.total.toLocaleString("zh-TW")} 門，第 {first.toLocaleString("zh-TW")}–{last.toLocaleString("zh-TW")} 門（依開始日期由新到舊）
          </p>
          <table role="table" className="block w-full border-collapse text-sm lg:table lg:border lg:border-line">
            <caption className="sr-only">本單位課程，共 {list.total} 門</caption>
            <thead role="rowgroup" className="sr-only bg-surface lg:not-sr-only lg:table-header-group">
              <tr role="row" className="border-b border-line text-left">
                {["課程代碼", "研習名稱", "上課日期", "狀態", "待審核", "審核通過/名額", "備取", "管理"].map((h) => (
                  <th key={h} role="columnheader" scope="col" className="whitespace-nowrap px-2 py-2">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody role="rowgroup" className={BODY}>
              {list.rows.map((c) => {
                const isPublic = c.status === "PUBLISHED" || c.status === "CANCELLED";
                return (
                  <tr key={c.code} role="row">
                    <td role="cell" data-label="課程代碼" className="tabular-nums">
                      {c.code}
                    </td>
                    <td role="cell">
                      <a href={`/manage/courses/${c.code}/edit`} className="text-base font-semibold lg:text-sm">
                        {c.title}
                      </a>
                      {c.status === "DRAFT" && c.statusNote && <p className="mt-1 break-words text-danger">退回原因：{c.statusNote}</p>}
                    </td>
                    <td role="cell" data-label="上課日期" className="tabular-nums lg:whitespace-nowrap">
                      <span>
                        {formatDate(c.startDate)}
                        {c.endDate.getTime() !== c.startDate.getTime() && (
                          <>
                            <span className="lg:hidden"> 至 </span>
                            <span className="hidden lg:block">至</span>
                            {formatDate(c.endDate)}
                          </>
                        )}
                      </span>
                    </td>
                    <td role="cell" data-label="狀態">
                      <span>
                        <CourseStateBadge status={c.status} statusNote={c.statusNote} />
                      </span>
                    </td>
                    <td role="cell" data-label="待審核" className="tabular-nums">
                      <span>{c.pendingCount > 0 ? <strong className="text-amber-900">{c.pendingCount} 人</strong> : "0"}</span>
                    </td>
                    <td role="cell" data-label="審核通過/名額" className="tabular-nums">
                      <span>
                        {c.approvedCount} / {c.capacity}
                      </span>
                    </td>
                    <td role="cell" data-label="備取" className="tabular-nums">
                      {c.waitlistedCount}
                    </td>
                    <td role="cell" className="pt-2 lg:pt-3">
                      <span className="flex flex-wrap gap-x-4 gap-y-1 lg:flex-col">
                        <a href={`/manage/courses/${c.code}/edit`} className="inline-flex min-h-11 items-center lg:min-h-0" aria-label={`${c.status === "DRAFT" || c.status === "PUBLISHED" ? "編輯" : "檢視"}「${c.title}」`}>
                          {c.status === "DRAFT" || c.status === "PUBLISHED" ? "編輯" : "檢視"}
                        </a>
                        {isPublic && (
                          <a href={`/manage/courses/${c.code}/registrations`} className="inline-flex min-h-11 items-center whitespace-nowrap lg:min-h-0" aria-label={`「${c.title}」的報名審核`}>
                            報名審核
                          </a>
                        )}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(p) => manageHref(list.filter, p)} />
        </>
      )}
    </section>
  );
}
