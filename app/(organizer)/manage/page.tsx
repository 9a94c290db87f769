import type { Metadata } from "next";
import { pageActor, pageCall } from "@/lib/auth/page";
import { listUnitCourses } from "@/lib/courses/list-unit-courses";
import { PageHeader } from "@/components/ui/page-header";
import { CourseList } from "@/components/manage/course-list";

export const metadata: Metadata = { title: "本單位課程管理", robots: { index: false } };

type Props = { searchParams: Promise<{ status?: string; page?: string }> };

export default async function ManagePage({ searchParams }: Props) {
  const { status, page } = await searchParams;
  const actor = await pageActor("/manage", "ORGANIZER");
  const list = await pageCall(() => listUnitCourses(actor, { status, page }));
  return (
    <>
      <div className="mb-2 flex flex-wrap items-start justify-between gap-4">
        <PageHeader title="本單位課程管理">{list.unitName}・開課、送審、編輯與報名審核。</PageHeader>
        <a href="/manage/courses/new" className="btn btn-primary">
          ＋ 新增課程
        </a>
      </div>
      <CourseList list={list} />
    </>
  );
}
