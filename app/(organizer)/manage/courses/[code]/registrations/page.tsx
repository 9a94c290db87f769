import type { Metadata } from "next";
import { pageActor, pageCall } from "@/lib/auth/page";
import { listRegistrationsForReview } from "@/lib/registrations/list-for-review";
import { reviewHref, reviewQueryFrom } from "@/lib/registrations/review-schema";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/search/pagination";
import { ReviewCourseNav } from "@/components/manage/review-course-nav";
import { ReviewSummary } from "@/components/manage/review-summary";
import { ReviewToolbar } from "@/components/manage/review-toolbar";
import { ReviewTable } from "@/components/manage/review-table";
import { reviewAction, revealAction } from "./actions";

export const metadata: Metadata = { title: "錄取審核", robots: { index: false } };

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 錄取審核: the organizer's dashboard of one course's registrations. Personal: rendered per request. */
export default async function ReviewPage({ params, searchParams }: Props) {
  const { code } = await params;
  const basePath = `/manage/courses/${code}/registrations`;
  const actor = await pageActor(basePath, "ORGANIZER");
  const query = reviewQueryFrom(await searchParams);
  const data = await pageCall(() => listRegistrationsForReview(actor, { code, ...query }));
  const { course } = data;
  const readOnly =
    course.status === "CANCELLED"
      ? "這門課程已取消，報名名單僅供查閱與匯出。"
      : course.status !== "PUBLISHED"
        ? "課程公告後才會有報名可以審核。"
        : undefined;

  return (
    <>
      <PageHeader
        title="錄取審核"
        crumbs={[{ href: "/manage", label: "本單位課程管理" }, { href: `/courses/${course.code}`, label: course.code }, { label: "錄取審核" }]}
      >
        <span className="text-ink">
          {course.code}・{course.title}
        </span>
      </PageHeader>
      <ReviewCourseNav code={course.code} current="registrations" />
      <ReviewSummary course={course} counts={data.counts} query={data.query} basePath={basePath} />
      <ReviewToolbar query={data.query} basePath={basePath} exportBase={`${basePath}/export`} asksNationalId={course.asksNationalId} />
      <section aria-labelledby="review-list">
        <h2 id="review-list" className="mb-3 text-xl font-bold">
          報名名單
          <span className="ml-2 text-base font-normal text-muted">
            共 {data.total} 筆{data.query.q && <>，符合「{data.query.q}」</>}
          </span>
        </h2>
        <ReviewTable rows={data.rows} action={reviewAction.bind(null, course.code)} reveal={revealAction.bind(null, course.code)} readOnly={readOnly} />
        <Pagination page={data.query.page} pageCount={data.pageCount} hrefFor={(page) => reviewHref(basePath, data.query, { page })} />
      </section>
    </>
  );
}
