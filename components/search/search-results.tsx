import { FocusResultsHeading } from "@/components/search/focus-results";
import { RESULTS_HASH, RESULTS_HEADING_ID } from "@/components/search/results-anchor";
import { HighlightedText } from "@/components/search/highlighted-text";
import { Pagination } from "@/components/search/pagination";
import { StatusBadge } from "@/components/ui/status-badge";
import { CLASS_TYPE_LABELS } from "@/lib/courses/labels";
import { formatDeadline, formatIsoDate, formatDateTime } from "@/lib/format/date";
import {
  defaultOrderOf,
  effectiveSort,
  hasKeyword,
  lastLinkedPage,
  MAX_PAGE,
  PAGE_SIZES,
  searchHref,
  SORT_LABELS,
  type QueryDefaults,
  type SortField,
} from "@/lib/search/query";
import type { CourseHit, SearchCoursesResult, SearchSuggestion } from "@/lib/search/search-courses";

/**
 * The columns: "full" (課程代碼, 研習名稱, 性質, 開始日期, 結束日期, 辦理研習單位, 開課地點) or, for
 * 全部研習列表 as in the manual, "list" (課程代碼, 研習名稱, 辦理研習單位, 研習日期, 報名期限).
 */
export type ResultColumns = "full" | "list";

type Props = {
  result: SearchCoursesResult;
  basePath: string;
  defaults: QueryDefaults;
  /** Links shown when nothing matches, e.g. to drop a filter. */
  emptyActions?: { href: string; label: string }[];
  columns?: ResultColumns;
  /**
   * A keyword with nothing searchable in it was ignored: "list" still shows the list of the other
   * conditions (marked as not an answer to the keyword), "none" shows only the notice (a page
   * that lists nothing for an empty search).
   */
  whenKeywordIgnored?: "list" | "none";
  /** A line under the heading about what is included (e.g. only courses not started yet). */
  scope?: { text: string; href: string; linkLabel: string };
};

/**
 * The result rows, styled once on the table body: a card per row on phones (each value beside its
 * label), a table row from 1024 px up (seven columns need the width). The second cell (研習名稱)
 * comes first on a card.
 */
const BODY = [
  "block space-y-3 lg:table-row-group lg:space-y-0",
  "[&>tr]:flex [&>tr]:flex-col [&>tr]:rounded-xl [&>tr]:border [&>tr]:border-line [&>tr]:bg-white [&>tr]:p-4",
  "lg:[&>tr]:table-row lg:[&>tr]:rounded-none lg:[&>tr]:border-0 lg:[&>tr]:border-b lg:[&>tr]:p-0 lg:[&>tr:hover]:bg-surface",
  "[&>tr>td]:block lg:[&>tr>td]:table-cell lg:[&>tr>td]:px-2 lg:[&>tr>td]:py-2 lg:[&>tr>td]:align-top",
  "[&>tr>td:nth-child(2)]:order-first [&>tr>td:nth-child(2)]:mb-1 [&>tr>td:nth-child(2)]:text-base lg:[&>tr>td:nth-child(2)]:min-w-[11rem] lg:[&>tr>td:nth-child(2)]:text-sm",
  "[&>tr>td:not(:nth-child(2))]:relative [&>tr>td:not(:nth-child(2))]:pl-26 lg:[&>tr>td:not(:nth-child(2))]:pl-2",
  "[&>tr>td]:before:absolute [&>tr>td]:before:left-0 [&>tr>td]:before:text-muted",
  // Phone labels, written once here rather than in every row (a page has up to 100 rows).
  "max-lg:[&>tr>td:nth-child(1)]:before:content-['課程代碼'] max-lg:[&>tr>td:nth-child(3)]:before:content-['性質']",
  "max-lg:[&>tr>td:nth-child(4)]:before:content-['開始日期'] max-lg:[&>tr>td:nth-child(5)]:before:content-['結束日期']",
  "max-lg:[&>tr>td:nth-child(6)]:before:content-['辦理研習單位'] max-lg:[&>tr>td:nth-child(7)]:before:content-['開課地點']",
  "tabular-nums lg:[&>tr>td:nth-child(4)]:whitespace-nowrap lg:[&>tr>td:nth-child(5)]:whitespace-nowrap",
  "lg:[&>tr>td:nth-child(3)]:min-w-[6rem] lg:[&>tr>td:nth-child(6)]:min-w-[8rem] lg:[&>tr>td:nth-child(7)]:min-w-[8rem]",
  "[&>tr>td:nth-child(7)]:break-words lg:[&>tr>td:nth-child(7)]:text-muted",
].join(" ");

/** The same for the five columns of 全部研習列表. */
const LIST_BODY = [
  "block space-y-3 lg:table-row-group lg:space-y-0",
  "[&>tr]:flex [&>tr]:flex-col [&>tr]:rounded-xl [&>tr]:border [&>tr]:border-line [&>tr]:bg-white [&>tr]:p-4",
  "lg:[&>tr]:table-row lg:[&>tr]:rounded-none lg:[&>tr]:border-0 lg:[&>tr]:border-b lg:[&>tr]:p-0 lg:[&>tr:hover]:bg-surface",
  "[&>tr>td]:block lg:[&>tr>td]:table-cell lg:[&>tr>td]:px-2 lg:[&>tr>td]:py-2 lg:[&>tr>td]:align-top",
  "[&>tr>td:nth-child(2)]:order-first [&>tr>td:nth-child(2)]:mb-1 [&>tr>td:nth-child(2)]:text-base lg:[&>tr>td:nth-child(2)]:min-w-[14rem] lg:[&>tr>td:nth-child(2)]:text-sm",
  "[&>tr>td:not(:nth-child(2))]:relative [&>tr>td:not(:nth-child(2))]:pl-26 lg:[&>tr>td:not(:nth-child(2))]:pl-2",
  "[&>tr>td]:before:absolute [&>tr>td]:before:left-0 [&>tr>td]:before:text-muted",
  "max-lg:[&>tr>td:nth-child(1)]:before:content-['課程代碼'] max-lg:[&>tr>td:nth-child(3)]:before:content-['辦理研習單位']",
  "max-lg:[&>tr>td:nth-child(4)]:before:content-['研習日期'] max-lg:[&>tr>td:nth-child(5)]:before:content-['報名期限']",
  "tabular-nums lg:[&>tr>td:nth-child(4)]:whitespace-nowrap lg:[&>tr>td:nth-child(5)]:whitespace-nowrap lg:[&>tr>td:nth-child(3)]:min-w-[10rem]",
].join(" ");

/** 研習日期: one day, or first – last day. */
function datesText(hit: CourseHit): string {
  return hit.startDate === hit.endDate ? formatIsoDate(hit.startDate) : `${formatIsoDate(hit.startDate)}–${formatIsoDate(hit.endDate)}`;
}

/** 報名期限: when online registration closes. */
function deadlineText(hit: CourseHit): string {
  return hit.onlineRegistration && hit.registrationClosesAt ? formatDeadline(new Date(hit.registrationClosesAt)) : "未開放線上報名";
}

/** 性質, with the 研習類別 in brackets after 非學分班. */
function classTypeText(hit: CourseHit): string {
  return hit.classType === "NON_CREDIT" ? `${CLASS_TYPE_LABELS[hit.classType]}（${hit.category}）` : CLASS_TYPE_LABELS[hit.classType];
}

function venueText(hit: CourseHit): string {
  return hit.venue.startsWith(hit.venueCounty) ? hit.venue : `${hit.venueCounty} ${hit.venue}`;
}

function Badges({ hit }: { hit: CourseHit }) {
  if (hit.status === "CANCELLED") return <StatusBadge tone="danger">已取消</StatusBadge>;
  if (hit.registrationOpen) return <StatusBadge tone="success">報名中</StatusBadge>;
  return null;
}

function CourseTitle({ hit }: { hit: CourseHit }) {
  return (
    <a href={`/courses/${hit.code}`} className="font-semibold">
      <HighlightedText text={hit.title} ranges={hit.highlights.title} />
    </a>
  );
}

function Code({ hit }: { hit: CourseHit }) {
  return hit.highlights.code ? <mark className="rounded-sm bg-yellow-200 px-0.5 text-inherit">{hit.code}</mark> : <>{hit.code}</>;
}

/** The one result list of the four search pages: count, sort, table (cards on phones), pages. */
export function SearchResults({ result, basePath, defaults, emptyActions = [], columns = "full", whenKeywordIgnored = "list", scope }: Props) {
  const { query, hits, total } = result;
  const ignored = result.keywordIgnored;
  // Only the notice: where an empty search lists nothing, or when the engine ran no search.
  const noticeOnly = ignored && (whenKeywordIgnored === "none" || total === 0);
  const linkedPages = lastLinkedPage(result.pageCount);
  const { sort, order } = effectiveSort(query);
  const keyword = hasKeyword(query) && !ignored;
  const sortHref = (field: SortField) =>
    searchHref(basePath, query, { sort: field, order: field === sort ? (order === "asc" ? "desc" : "asc") : defaultOrderOf(field) }, defaults);
  const sortFields: SortField[] = keyword ? ["relevance", "start", "end", "code"] : ["start", "end", "code"];
  const arrow = (field: SortField) => (field === sort ? (order === "asc" ? "↑" : "↓") : "");
  const ariaSort = (field: SortField) => (field === sort ? (order === "asc" ? "ascending" : "descending") : undefined);
  const first = total === 0 ? 0 : (result.page - 1) * result.pageSize + 1;
  const last = Math.min(total, result.page * result.pageSize);

  const SortHeader = ({ field, label }: { field: SortField; label: string }) => (
    <th role="columnheader" scope="col" aria-sort={ariaSort(field)} className="whitespace-nowrap px-2 py-2 text-left">
      <a href={sortHref(field)} className="text-ink no-underline hover:underline" rel="nofollow">
        {label}
        <span aria-hidden="true" className="ml-1 inline-block w-3 text-accent">
          {arrow(field)}
        </span>
        <span className="sr-only">{field === sort ? `（目前${order === "asc" ? "由小到大" : "由大到小"}，按此反向排序）` : "（按此排序）"}</span>
      </a>
    </th>
  );

  return (
    <section aria-labelledby="results-heading" className="mt-8">
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
        <h2 id={RESULTS_HEADING_ID} tabIndex={-1} className="scroll-mt-4 text-xl font-bold">
          搜尋結果
          {noticeOnly ? (
            <span className="ml-2 text-base font-normal text-muted">未搜尋</span>
          ) : (
            <span className="ml-2 text-base font-normal text-muted">
              {ignored && "未套用關鍵字，"}共 <strong className="text-ink">{total.toLocaleString("zh-TW")}</strong> 筆
              {total > 0 && (
                <>
                  ，第 {first.toLocaleString("zh-TW")}–{last.toLocaleString("zh-TW")} 筆
                </>
              )}
            </span>
          )}
        </h2>
        <p className="text-sm text-muted">
          資料更新時間：{result.updatedAt ? formatDateTime(new Date(result.updatedAt)) : "索引建立中"}
          <span className="block sm:inline sm:before:content-['，']">課程核准、修改或取消後約一分鐘內即可查到</span>
        </p>
      </div>

      <FocusResultsHeading />

      {result.correction && (
        <p role="status" className="mt-4 rounded-lg border border-accent bg-accent-soft px-4 py-3">
          找不到「{result.correction.from}」的研習，以下顯示「<strong>{result.correction.to}</strong>」的搜尋結果。
          <a href={searchHref(basePath, query, { q: result.correction.to }, defaults)} className="ml-1 underline">
            改用「{result.correction.to}」搜尋
          </a>
        </p>
      )}

      {ignored && <KeywordIgnoredNotice result={result} clearHref={searchHref(basePath, query, { q: "", org: "", field: "all" }, defaults)} />}

      {scope && !(noticeOnly) && (
        <p className="mt-2 text-sm text-muted">
          {scope.text}
          <a href={scope.href} className="ml-2 font-medium">
            {scope.linkLabel}
          </a>
        </p>
      )}

      {noticeOnly ? null : (
        <>
          {total > 0 && (
            <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
              <nav aria-label="排序方式" className="flex flex-wrap items-center gap-1">
                <span className="text-muted">排序：</span>
                {sortFields.map((f) => (
                  <a
                    key={f}
                    href={sortHref(f)}
                    rel="nofollow"
                    aria-current={f === sort ? "true" : undefined}
                    className={
                      f === sort
                        ? "rounded-md bg-accent-soft px-2 py-1 font-semibold text-accent-strong no-underline"
                        : "rounded-md px-2 py-1 text-ink no-underline hover:bg-accent-soft"
                    }
                  >
                    {SORT_LABELS[f]}
                    {f === sort && f !== "relevance" && <span>{order === "asc" ? "（舊→新）" : "（新→舊）"}</span>}
                  </a>
                ))}
              </nav>
              <nav aria-label="每頁筆數" className="flex flex-wrap items-center gap-1">
                <span className="text-muted">每頁：</span>
                {PAGE_SIZES.map((size) => (
                  <a
                    key={size}
                    href={searchHref(basePath, query, { size }, defaults)}
                    rel="nofollow"
                    aria-current={size === query.size ? "true" : undefined}
                    className={
                      size === query.size
                        ? "rounded-md bg-accent-soft px-2 py-1 font-semibold text-accent-strong no-underline"
                        : "rounded-md px-2 py-1 text-ink no-underline hover:bg-accent-soft"
                    }
                  >
                    {size} 筆
                  </a>
                ))}
              </nav>
            </div>
          )}

          {total === 0 ? (
            <EmptyResult
              pageBeyond={result.page > 1}
              lastPageHref={searchHref(basePath, query, { page: 1 }, defaults)}
              actions={emptyActions}
              suggestions={result.suggestions.map((s) => ({ ...s, href: searchHref(basePath, s.query, {}, defaults) }))}
            />
          ) : hits.length === 0 ? (
            <EmptyResult pageBeyond lastPageHref={searchHref(basePath, query, { page: linkedPages }, defaults)} actions={[]} suggestions={[]} />
          ) : columns === "list" ? (
            <>
              <table role="table" className="mt-4 block w-full border-collapse text-sm lg:table lg:border lg:border-line">
                <caption className="sr-only">研習搜尋結果，共 {total} 筆，可依研習日期排序</caption>
                <thead role="rowgroup" className="sr-only bg-surface lg:not-sr-only lg:table-header-group">
                  <tr role="row" className="border-b border-line">
                    <SortHeader field="code" label="課程代碼" />
                    <th role="columnheader" scope="col" className="px-2 py-2 text-left">
                      研習名稱
                    </th>
                    <th role="columnheader" scope="col" className="px-2 py-2 text-left">
                      辦理研習單位
                    </th>
                    <SortHeader field="start" label="研習日期" />
                    <th role="columnheader" scope="col" className="px-2 py-2 text-left">
                      報名期限
                    </th>
                  </tr>
                </thead>
                <tbody role="rowgroup" className={LIST_BODY}>
                  {hits.map((hit) => (
                    <tr key={hit.code} role="row">
                      <td role="cell">
                        <Code hit={hit} />
                      </td>
                      <td role="cell">
                        <CourseTitle hit={hit} /> <Badges hit={hit} />
                      </td>
                      <td role="cell">
                        <HighlightedText text={hit.organizerName} ranges={hit.highlights.organizerName} />
                      </td>
                      <td role="cell">{datesText(hit)}</td>
                      <td role="cell">{deadlineText(hit)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ResultPages result={result} linkedPages={linkedPages} hrefFor={(page) => searchHref(basePath, query, { page }, defaults)} />
            </>
          ) : (
            <>
              {/* One table: a table from 1024 px up, a list of cards below (explicit roles keep the
                  table semantics when the cells are laid out as blocks). */}
              <table role="table" className="mt-4 block w-full border-collapse text-sm lg:table lg:border lg:border-line">
                <caption className="sr-only">研習搜尋結果，共 {total} 筆，可依欄位標題排序</caption>
                <thead role="rowgroup" className="sr-only bg-surface lg:not-sr-only lg:table-header-group">
                  <tr role="row" className="border-b border-line">
                    <SortHeader field="code" label="課程代碼" />
                    <th role="columnheader" scope="col" className="px-2 py-2 text-left">
                      研習名稱
                    </th>
                    <th role="columnheader" scope="col" className="px-2 py-2 text-left">
                      性質
                    </th>
                    <SortHeader field="start" label="開始日期" />
                    <SortHeader field="end" label="結束日期" />
                    <th role="columnheader" scope="col" className="px-2 py-2 text-left">
                      辦理研習單位
                    </th>
                    <th role="columnheader" scope="col" className="px-2 py-2 text-left">
                      開課地點
                    </th>
                  </tr>
                </thead>
                <tbody role="rowgroup" className={BODY}>
                  {hits.map((hit) => (
                    <tr key={hit.code} role="row">
                      <td role="cell">
                        <Code hit={hit} />
                      </td>
                      <td role="cell">
                        <CourseTitle hit={hit} /> <Badges hit={hit} />
                      </td>
                      <td role="cell">
                        {classTypeText(hit)}
                      </td>
                      <td role="cell">
                        {formatIsoDate(hit.startDate)}
                      </td>
                      <td role="cell">
                        {formatIsoDate(hit.endDate)}
                      </td>
                      <td role="cell">
                        <HighlightedText text={hit.organizerName} ranges={hit.highlights.organizerName} />
                      </td>
                      <td role="cell">
                        {venueText(hit)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>

              <ResultPages result={result} linkedPages={linkedPages} hrefFor={(page) => searchHref(basePath, query, { page }, defaults)} />
            </>
          )}
        </>
      )}
    </section>
  );
}

/**
 * The pager, which links only to pages a URL may ask for (MAX_PAGE): with more results it stops
 * there and says how to see the rest.
 */
function ResultPages({ result, linkedPages, hrefFor }: { result: SearchCoursesResult; linkedPages: number; hrefFor: (page: number) => string }) {
  return (
    <>
      <Pagination page={result.page} pageCount={linkedPages} hrefFor={(page) => `${hrefFor(page)}${RESULTS_HASH}`} />
      {result.pageCount > linkedPages && (
        <p className="mt-2 text-sm text-muted">
          僅顯示前 {MAX_PAGE.toLocaleString("zh-TW")} 頁（共 {result.pageCount.toLocaleString("zh-TW")} 頁），請加上條件縮小範圍，例如關鍵字、縣市或日期。
        </p>
      )}
    </>
  );
}

/** A keyword of only symbols or emoji: it was not searched, and the person is told so. */
function KeywordIgnoredNotice({ result, clearHref }: { result: SearchCoursesResult; clearHref: string }) {
  const typed = [result.query.q, result.query.org].filter(Boolean).map((k) => `「${k}」`).join("、");
  return (
    <div role="alert" className="card mt-4 border-amber-600 bg-amber-50">
      <p className="font-semibold">關鍵字{typed}沒有可搜尋的文字，請輸入關鍵字。</p>
      <p className="mt-1 text-muted">關鍵字需包含中文、英文字母或數字；只有符號或表情符號時無法搜尋。</p>
      <p className="mt-3">
        <a href={clearHref} className="btn btn-secondary">
          清除關鍵字
        </a>
      </p>
    </div>
  );
}

function EmptyResult({
  pageBeyond,
  lastPageHref,
  actions,
  suggestions,
}: {
  pageBeyond: boolean;
  lastPageHref: string;
  actions: { href: string; label: string }[];
  suggestions: (SearchSuggestion & { href: string })[];
}) {
  if (pageBeyond) {
    return (
      <div className="card mt-4 bg-surface">
        <p className="font-semibold">這一頁沒有資料。</p>
        <p className="mt-1 text-muted">搜尋結果的頁數比網址中的頁碼少，請回到有資料的頁面。</p>
        <p className="mt-3">
          <a href={lastPageHref} className="btn btn-secondary">
            回到搜尋結果
          </a>
        </p>
      </div>
    );
  }
  return (
    <div className="card mt-4 bg-surface">
      <p className="font-semibold">找不到符合條件的研習。</p>
      {suggestions.length > 0 && (
        <nav aria-label="建議的搜尋" className="mt-3">
          <p className="font-medium">試試看：</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {suggestions.map((s) => (
              <li key={`${s.kind}-${s.href}`}>
                <a href={s.href} className="inline-flex min-h-11 items-center rounded-lg border border-accent bg-white px-3 py-2 font-medium no-underline hover:bg-accent-soft">
                  {s.label}
                  {s.total !== undefined && <span className="ml-1 text-sm text-muted">（{s.total.toLocaleString("zh-TW")} 筆）</span>}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <ul className="mt-2 list-disc space-y-1 pl-5 text-muted">
        <li>檢查關鍵字是否有錯字，或改用較短、較常見的詞，例如「性平」「數學」「國中」。</li>
        <li>減少篩選條件，例如不限縣市、不限開課單位類型，或把日期範圍放寬。</li>
        <li>以課程代碼搜尋時，請輸入完整的 7 位數代碼。</li>
        <li>剛核准的研習約一分鐘後即可查到；若仍找不到，請聯絡開課單位。</li>
      </ul>
      {actions.length > 0 && (
        <ul className="mt-3 flex flex-wrap gap-3">
          {actions.map((a) => (
            <li key={a.href}>
              <a href={a.href} className="btn btn-secondary">
                {a.label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
