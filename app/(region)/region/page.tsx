import type { Metadata } from "next";
import { pageActor, pageCall } from "@/lib/auth/page";
import { listCoursesAwaitingApproval } from "@/lib/courses/list-courses-awaiting-approval";
import { PageHeader } from "@/components/ui/page-header";
import { ApprovalQueue } from "@/components/region/approval-queue";

export const metadata: Metadata = { title: "課程審核", robots: { index: false } };

type Props = { searchParams: Promise<{ done?: string; code?: string }> };

export default async function RegionPage({ searchParams }: Props) {
  const { done, code } = await searchParams;
  const actor = await pageActor("/region", "REGION_ADMIN");
  const rows = await pageCall(() => listCoursesAwaitingApproval(actor));
  const shownCode = code && /^\d{1,12}$/.test(code) ? code : null;
  const flash =
    shownCode && done === "approved"
      ? <>已核准公告課程 {shownCode}，約一分鐘內可在研習搜尋查到。<a href={`/courses/${shownCode}`}>檢視課程頁面</a></>
      : shownCode && done === "returned"
        ? <>已退回課程 {shownCode}，承辦人會在課程管理頁看到退回原因。</>
        : null;
  return (
    <>
      <PageHeader title="課程審核">
        轄區：{actor.regionCounties.join("、")}・共 {rows.length} 門課程等待審核，送審最久的排在最前面。
      </PageHeader>
      {flash && (
        <p role="status" className="mb-6 rounded-lg border border-success bg-green-50 p-4 text-green-900">
          {flash}
        </p>
      )}
      {rows.length === 0 ? (
        <div className="card bg-surface">
          <p className="font-semibold">目前沒有等待審核的課程。</p>
          <p className="mt-1 text-muted">轄區內的開課單位送審後，課程會出現在這裡。</p>
        </div>
      ) : (
        <ApprovalQueue rows={rows} />
      )}
    </>
  );
}
