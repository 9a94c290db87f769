import type { Metadata } from "next";
import { pageActor, pageCall } from "@/lib/auth/page";
import { listUnitCourses } from "@/lib/courses/list-unit-courses";
import { COURSE_STATUS_LABELS } from "@/lib/courses/labels";
import { formatDate } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";

export const metadata: Metadata = { title: "本單位課程管理", robots: { index: false } };

const TONE = { DRAFT: "neutral", SUBMITTED: "warning", PUBLISHED: "success", CANCELLED: "danger" } as const;

export default async function ManagePage() {
  const actor = await pageActor("/manage", "ORGANIZER");
  const { unitName, total, rows } = await pageCall(() => listUnitCourses(actor));
  return (
    <>
      <PageHeader title="本單位課程管理">
        {unitName}・共 {total.toLocaleString("zh-TW")} 門課程（顯示最近 {rows.length} 門）。開課、編輯與錄取審核功能建置中。
      </PageHeader>
      {rows.length === 0 ? (
        <p className="card">本單位尚無課程。</p>
      ) : (
        <ul className="space-y-3">
          {rows.map((c) => (
            <li key={c.code} className="card flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <p className="text-sm text-muted">課程代碼 {c.code}</p>
                <p className="font-semibold">{c.title}</p>
                <p className="text-sm text-muted">
                  {formatDate(c.startDate)} 至 {formatDate(c.endDate)}
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-3 text-sm">
                <StatusBadge tone={TONE[c.status]}>{COURSE_STATUS_LABELS[c.status]}</StatusBadge>
                <span>
                  報名 {c.activeRegistrations} 人・錄取 {c.approvedCount}/{c.capacity}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
