import type { Metadata } from "next";
import { pageActor, pageCall } from "@/lib/auth/page";
import { listCoursesAwaitingApproval } from "@/lib/courses/list-courses-awaiting-approval";
import { formatDate, formatDateTime } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "課程審核", robots: { index: false } };

export default async function RegionPage() {
  const actor = await pageActor("/region", "REGION_ADMIN");
  const rows = await pageCall(() => listCoursesAwaitingApproval(actor));
  return (
    <>
      <PageHeader title="待審核課程">
        轄區：{actor.regionCounties.join("、")}・共 {rows.length} 門課程等待審核。核准與退回功能建置中。
      </PageHeader>
      {rows.length === 0 ? (
        <p className="card">目前沒有等待審核的課程。</p>
      ) : (
        <ul className="space-y-3">
          {rows.map((c) => (
            <li key={c.code} className="card">
              <p className="text-sm text-muted">課程代碼 {c.code}・{c.venueCounty}</p>
              <p className="font-semibold">{c.title}</p>
              <p className="text-sm text-muted">
                {c.organizerName}・開課 {formatDate(c.startDate)}・送審 {formatDateTime(c.submittedAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
