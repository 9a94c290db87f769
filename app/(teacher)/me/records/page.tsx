import type { Metadata } from "next";
import Link from "next/link";
import { pageActor, pageCall } from "@/lib/auth/page";
import { listMyTrainingRecords } from "@/lib/people/list-my-training-records";
import { getMyProfile } from "@/lib/people/get-my-profile";
import { formatDateTime } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";
import { PrintButton } from "@/components/me/print-button";
import { hoursText, TrainingRecords } from "@/components/me/training-records";

export const metadata: Metadata = { title: "個人研習記錄", robots: { index: false } };

/** On paper: only the record, without the site's header, footer and buttons. */
const PRINT_CSS = `@media print {
  body > header, body > footer, body > a[href="#main"], nav[aria-label="現在位置"] { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
  body { font-size: 10.5pt; }
  a { color: inherit !important; text-decoration: none !important; }
  @page { margin: 15mm 12mm; }
}`;

/** 個人研習記錄: completed courses and hours, totals per school year (ROC), printable. Personal: never cached. */
export default async function MyRecordsPage() {
  const actor = await pageActor("/me/records", "TEACHER");
  const [data, profile] = await pageCall(() => Promise.all([listMyTrainingRecords(actor), getMyProfile(actor)]));
  return (
    <>
      <style href="me-records-print" precedence="default">
        {PRINT_CSS}
      </style>
      <PageHeader title="個人研習記錄" crumbs={[{ href: "/me", label: "個人首頁" }, { label: "個人研習記錄" }]}>
        開課單位登錄出席後，研習時數會記入您參加當時的學年度。
      </PageHeader>
      <div className="card mb-8 flex flex-wrap items-center justify-between gap-4 print:border-0 print:p-0">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="text-muted">教師</dt>
          <dd>
            {profile.name}
            {profile.unitName ? `（${profile.unitName}）` : ""}
          </dd>
          <dt className="text-muted">累計</dt>
          <dd>
            <strong className="text-lg">{hoursText(data.totalHours)} 小時</strong>，{data.count} 門研習
          </dd>
          <dt className="hidden text-muted print:block">列印時間</dt>
          <dd className="hidden print:block">{formatDateTime(new Date())}</dd>
        </dl>
        {data.count > 0 && <PrintButton />}
      </div>
      {data.count === 0 ? (
        <div className="card bg-surface">
          <p className="font-semibold">目前還沒有研習時數記錄。</p>
          <p className="mt-1 text-muted">研習結束、開課單位登錄您的出席後，時數會出現在這裡。報名與審核的情形請看個人報名記錄。</p>
          <p className="mt-3 flex flex-wrap gap-3">
            <Link href="/me/registrations" className="btn btn-secondary">
              個人報名記錄
            </Link>
            <Link href="/courses" className="btn btn-primary">
              搜尋研習
            </Link>
          </p>
        </div>
      ) : (
        <TrainingRecords data={data} />
      )}
    </>
  );
}
