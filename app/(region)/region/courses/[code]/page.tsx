import type { Metadata } from "next";
import { pageActor, pageCall } from "@/lib/auth/page";
import { getCourseForReview } from "@/lib/courses/get-course-for-review";
import { COURSE_STATE_LABELS, courseStateOf } from "@/lib/courses/course-status";
import { PageHeader } from "@/components/ui/page-header";
import { CourseFullDetails } from "@/components/manage/course-full-details";
import { CourseStateBadge } from "@/components/manage/course-state-badge";
import { ApprovalActions } from "@/components/region/approval-actions";
import { approveCourseAction, returnCourseAction } from "./actions";

export const metadata: Metadata = { title: "審閱課程", robots: { index: false } };

type Props = { params: Promise<{ code: string }> };

export default async function ReviewCoursePage({ params }: Props) {
  const { code } = await params;
  const actor = await pageActor(`/region/courses/${code}`, "REGION_ADMIN");
  const { course, awaiting } = await pageCall(() => getCourseForReview(actor, code));
  return (
    <>
      <PageHeader title="審閱課程" crumbs={[{ href: "/region", label: "課程審核" }, { label: course.title }]}>
        <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span>
            {course.organizer.name}・課程代碼 <span className="font-semibold text-ink">{course.code}</span>
          </span>
          <CourseStateBadge status={course.status} statusNote={course.statusNote} />
        </span>
      </PageHeader>
      {!awaiting && (
        <p role="status" className="card mb-6 bg-surface">
          這門課程目前是「{COURSE_STATE_LABELS[courseStateOf(course)]}」，不在待審核狀態。<a href="/region">回到待審核課程</a>
        </p>
      )}
      <CourseFullDetails course={course} />
      {awaiting && (
        <section aria-label="審核" className="mt-8">
          <ApprovalActions approve={approveCourseAction.bind(null, course.code)} giveBack={returnCourseAction.bind(null, course.code)} />
        </section>
      )}
    </>
  );
}
