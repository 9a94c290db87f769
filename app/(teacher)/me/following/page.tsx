import type { Metadata } from "next";
import Link from "next/link";
import { pageActor, pageCall } from "@/lib/auth/page";
import { listFollowedCourses } from "@/lib/courses/list-followed-courses";
import { PageHeader } from "@/components/ui/page-header";
import { FollowedCourseCard } from "@/components/course/followed-course-card";
import { changeFollowAction } from "@/app/(public)/courses/[code]/actions";

export const metadata: Metadata = { title: "已追蹤課程", robots: { index: false } };

/** 已追蹤課程: the teacher's followed courses and where each stands now. Personal: never cached. */
export default async function FollowingPage() {
  const actor = await pageActor("/me/following", "TEACHER");
  const rows = await pageCall(() => listFollowedCourses(actor));
  return (
    <>
      <PageHeader title="已追蹤課程" crumbs={[{ href: "/me", label: "個人首頁" }, { label: "已追蹤課程" }]}>
        {rows.length > 0 ? `共追蹤 ${rows.length} 門課程，依開課日期排列，已結束的課程列在最後。` : null}
      </PageHeader>
      {rows.length === 0 ? (
        <div className="card bg-surface">
          <p className="font-semibold">您目前沒有追蹤任何課程。</p>
          <p className="mt-1 text-muted">在研習課程介紹頁面按「加入追蹤」，課程就會出現在這裡，方便您留意報名日期與名額。</p>
          <p className="mt-3">
            <Link href="/courses" className="btn btn-primary">
              搜尋研習
            </Link>
          </p>
        </div>
      ) : (
        <ul className="space-y-3" aria-label="已追蹤的課程">
          {rows.map((row) => (
            <li key={row.code}>
              <FollowedCourseCard row={row} action={changeFollowAction} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
