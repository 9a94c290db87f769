import type { Metadata } from "next";
import { pageActor, pageCall } from "@/lib/auth/page";
import { getNewCourseDefaults } from "@/lib/courses/get-course-for-edit";
import { PageHeader } from "@/components/ui/page-header";
import { CourseForm } from "@/components/manage/course-form";
import { createCourseAction } from "./actions";

export const metadata: Metadata = { title: "新增課程", robots: { index: false } };

export default async function NewCoursePage() {
  const actor = await pageActor("/manage/courses/new", "ORGANIZER");
  const { unitName, values } = await pageCall(() => getNewCourseDefaults(actor));
  return (
    <>
      <PageHeader title="新增課程" crumbs={[{ href: "/manage", label: "本單位課程管理" }, { label: "新增課程" }]}>
        {unitName}・填寫後先存成草稿，確認無誤再送區管中心審核；核准公告後教師才查得到。
      </PageHeader>
      <CourseForm initialValues={values} action={createCourseAction} submitLabel="建立草稿" pendingLabel="儲存中" />
    </>
  );
}
