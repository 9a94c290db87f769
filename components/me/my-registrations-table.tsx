import type { MyRegistrationRow } from "@/lib/registrations/list-my-registrations";
import { formatIsoDate } from "@/lib/format/date";
import { RegistrationStatusBadge } from "@/components/me/registration-status-badge";

/**
 * 個人報名記錄 rows: a table from 1024 px up, a card per registration below (each value beside its
 * label; 研習名稱 first), styled once on the table body as the search results are.
 */
const BODY = [
  "block space-y-3 lg:table-row-group lg:space-y-0",
  "[&>tr]:flex [&>tr]:flex-col [&>tr]:rounded-xl [&>tr]:border [&>tr]:border-line [&>tr]:bg-white [&>tr]:p-4",
  "lg:[&>tr]:table-row lg:[&>tr]:rounded-none lg:[&>tr]:border-0 lg:[&>tr]:border-b lg:[&>tr]:p-0",
  "[&>tr>td]:block lg:[&>tr>td]:table-cell lg:[&>tr>td]:px-2 lg:[&>tr>td]:py-2 lg:[&>tr>td]:align-top",
  "[&>tr>td:nth-child(2)]:order-first [&>tr>td:nth-child(2)]:mb-1 lg:[&>tr>td:nth-child(2)]:min-w-[11rem]",
  "[&>tr>td:not(:nth-child(2))]:relative [&>tr>td:not(:nth-child(2))]:pl-26 lg:[&>tr>td:not(:nth-child(2))]:pl-2",
  "[&>tr>td]:before:absolute [&>tr>td]:before:left-0 [&>tr>td]:before:text-muted",
  "max-lg:[&>tr>td:nth-child(1)]:before:content-['課程代碼'] max-lg:[&>tr>td:nth-child(3)]:before:content-['辦理研習單位']",
  "max-lg:[&>tr>td:nth-child(4)]:before:content-['研習日期'] max-lg:[&>tr>td:nth-child(5)]:before:content-['聯絡信箱']",
  "max-lg:[&>tr>td:nth-child(6)]:before:content-['線上報名結果'] max-lg:[&>tr>td:nth-child(7)]:before:content-['課程狀態']",
  "tabular-nums lg:[&>tr>td:nth-child(3)]:min-w-[8rem] lg:[&>tr>td:nth-child(4)]:min-w-[8rem] lg:[&>tr>td:nth-child(5)]:min-w-[10rem]",
  "lg:[&>tr>td:nth-child(6)]:min-w-[10rem] lg:[&>tr>td:nth-child(7)]:whitespace-nowrap",
].join(" ");


/** 研習日期: one day, or first and last day (each kept on one line). */
export function CourseDates({ r }: { r: { startDate: string; endDate: string } }) {
  if (r.startDate === r.endDate) return <span className="whitespace-nowrap">{formatIsoDate(r.startDate)}</span>;
  return (
    <>
      <span className="whitespace-nowrap">{formatIsoDate(r.startDate)}</span> 至 <span className="whitespace-nowrap">{formatIsoDate(r.endDate)}</span>
    </>
  );
}

export function MyRegistrationsTable({ rows, caption }: { rows: MyRegistrationRow[]; caption: string }) {
  return (
    // Explicit roles keep the table semantics when the cells are laid out as cards.
    <table role="table" className="block w-full border-collapse text-sm lg:table lg:border lg:border-line">
      <caption className="sr-only">{caption}</caption>
      <thead role="rowgroup" className="sr-only bg-surface lg:not-sr-only lg:table-header-group">
        <tr role="row" className="border-b border-line text-left">
          {["課程代碼", "研習名稱", "辦理研習單位", "研習日期", "聯絡信箱", "線上報名結果", "課程狀態"].map((h) => (
            <th key={h} role="columnheader" scope="col" className="whitespace-nowrap px-2 py-2">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup" className={BODY}>
        {rows.map((r) => (
          <tr key={r.code} role="row">
            <td role="cell">{r.code}</td>
            <td role="cell">
              <a href={`/courses/${r.code}`} className="text-base font-semibold lg:text-sm">
                {r.title}
              </a>
            </td>
            <td role="cell">{r.organizerName}</td>
            <td role="cell">
              <CourseDates r={r} />
            </td>
            <td role="cell" className="break-all">
              <a href={`mailto:${r.contactEmail}`}>{r.contactEmail}</a>
            </td>
            <td role="cell">
              <RegistrationStatusBadge status={r.status} />
              {r.decisionNote && <p className="mt-1 text-sm text-ink">說明：{r.decisionNote}</p>}
            </td>
            <td role="cell">{r.courseStateLabel}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
