import type { MyTrainingRecords, MyTrainingYear } from "@/lib/people/list-my-training-records";
import { formatIsoDate } from "@/lib/format/date";

/** Hours as people write them: 18, 1.5. */
export function hoursText(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

const dates = (r: { startDate: string; endDate: string }) => (r.startDate === r.endDate ? formatIsoDate(r.startDate) : `${formatIsoDate(r.startDate)} 至 ${formatIsoDate(r.endDate)}`);

/** A table from 1024 px up (and on paper), a card per course below; 研習名稱 first on a card. */
const BODY = [
  "block space-y-3 lg:table-row-group lg:space-y-0 print:table-row-group print:space-y-0",
  "[&>tr]:flex [&>tr]:flex-col [&>tr]:rounded-xl [&>tr]:border [&>tr]:border-line [&>tr]:bg-white [&>tr]:p-4",
  "lg:[&>tr]:table-row lg:[&>tr]:rounded-none lg:[&>tr]:border-0 lg:[&>tr]:border-b lg:[&>tr]:p-0",
  "print:[&>tr]:table-row print:[&>tr]:rounded-none print:[&>tr]:border-0 print:[&>tr]:border-b print:[&>tr]:p-0",
  "[&>tr>td]:block lg:[&>tr>td]:table-cell lg:[&>tr>td]:px-2 lg:[&>tr>td]:py-2 lg:[&>tr>td]:align-top",
  "print:[&>tr>td]:table-cell print:[&>tr>td]:px-1 print:[&>tr>td]:py-1 print:[&>tr>td]:align-top",
  "[&>tr>td:nth-child(2)]:order-first [&>tr>td:nth-child(2)]:mb-1 lg:[&>tr>td:nth-child(2)]:min-w-[11rem]",
  "[&>tr>td:not(:nth-child(2))]:relative [&>tr>td:not(:nth-child(2))]:pl-26 lg:[&>tr>td:not(:nth-child(2))]:pl-2 print:[&>tr>td:not(:nth-child(2))]:pl-1",
  "[&>tr>td]:before:absolute [&>tr>td]:before:left-0 [&>tr>td]:before:text-muted",
  "max-lg:print:[&>tr>td]:before:content-none",
  "max-lg:[&>tr>td:nth-child(1)]:before:content-['課程代碼'] max-lg:[&>tr>td:nth-child(3)]:before:content-['辦理研習單位']",
  "max-lg:[&>tr>td:nth-child(4)]:before:content-['研習日期'] max-lg:[&>tr>td:nth-child(5)]:before:content-['性質']",
  "max-lg:[&>tr>td:nth-child(6)]:before:content-['研習時數']",
  "tabular-nums lg:[&>tr>td:nth-child(4)]:whitespace-nowrap lg:[&>tr>td:nth-child(6)]:text-right print:[&>tr>td:nth-child(6)]:text-right",
].join(" ");

function YearTable({ year }: { year: MyTrainingYear }) {
  return (
    <table role="table" className="block w-full border-collapse text-sm lg:table print:table">
      <caption className="sr-only">
        {year.schoolYear}學年度研習記錄，共 {year.records.length} 門，{hoursText(year.totalHours)} 小時
      </caption>
      <thead role="rowgroup" className="sr-only bg-surface lg:not-sr-only lg:table-header-group print:not-sr-only print:table-header-group">
        <tr role="row" className="border-b border-line text-left">
          {["課程代碼", "研習名稱", "辦理研習單位", "研習日期", "性質", "研習時數"].map((h) => (
            <th key={h} role="columnheader" scope="col" className={`whitespace-nowrap px-2 py-2 ${h === "研習時數" ? "text-right" : ""}`}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup" className={BODY}>
        {year.records.map((r) => (
          <tr key={r.code} role="row" className="break-inside-avoid">
            <td role="cell">{r.code}</td>
            <td role="cell">
              <a href={`/courses/${r.code}`} className="text-base font-semibold lg:text-sm print:text-sm print:font-normal print:text-ink print:no-underline">
                {r.title}
              </a>
            </td>
            <td role="cell">{r.organizerName}</td>
            <td role="cell">{dates(r)}</td>
            <td role="cell">
              {r.classTypeLabel}
              {r.credits ? `・${r.credits} 學分` : ""}
            </td>
            <td role="cell">{hoursText(r.hours)} 小時</td>
          </tr>
        ))}
      </tbody>
      <tfoot className="hidden lg:table-footer-group print:table-footer-group">
        <tr className="border-t-2 border-ink font-semibold">
          <td colSpan={5} className="px-2 py-2 text-right print:px-1">
            {year.schoolYear}學年度合計
          </td>
          <td className="px-2 py-2 text-right tabular-nums print:px-1">{hoursText(year.totalHours)} 小時</td>
        </tr>
      </tfoot>
    </table>
  );
}

export function TrainingRecords({ data }: { data: MyTrainingRecords }) {
  return (
    <div className="space-y-8">
      {data.years.map((y) => (
        <section key={y.schoolYear} aria-labelledby={`year-${y.schoolYear}`} className="break-inside-avoid-page">
          <h2 id={`year-${y.schoolYear}`} className="mb-3 flex flex-wrap items-baseline gap-x-3 text-xl font-bold">
            {y.schoolYear}學年度
            <span className="text-base font-semibold text-accent-strong print:text-ink">共 {hoursText(y.totalHours)} 小時</span>
            <span className="text-sm font-normal text-muted">（{y.records.length} 門研習）</span>
          </h2>
          <YearTable year={y} />
        </section>
      ))}
    </div>
  );
}
