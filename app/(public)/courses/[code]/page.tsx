import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { findCourse } from "@/lib/courses/find-course";
import { shortenNotFoundCaching } from "@/lib/courses/course-cache";
import { registrationWindowMessage, registrationWindowState } from "@/lib/registrations/window";
import { buildCourseJsonLd } from "@/lib/seo/course-json-ld";
import { buildCourseMetadata } from "@/lib/seo/course-metadata";
import { CourseHeader } from "@/components/course/course-header";
import { CourseDetails } from "@/components/course/course-details";
import { CourseLiveProvider } from "@/components/course/course-live";
import { RegistrationPanel } from "@/components/course/registration-panel";
import { FollowControl } from "@/components/course/follow-control";
import { JsonLdScript } from "@/components/course/json-ld-script";
import { changeFollowAction } from "./actions";

// The page is the same for everyone: rendered on the first request for a course, kept in
// Next's cache, and rendered again when revalidateCourse(code) drops it (an edit) or when the
// registration state changes by the clock. Seats left and the viewer's own state are not in
// it: the browser fetches them from /courses/{code}/live (never cached).
// (A literal, as Next requires: the same day as SAFETY_REVALIDATE_SECONDS in find-course.ts.)
export const revalidate = 86400;

/** No course is rendered at build time; each is rendered on its first request, then cached. */
export function generateStaticParams(): { code: string }[] {
  return [];
}

type Props = { params: Promise<{ code: string }> };

/**
 * The course, or the 404 page. Like the page, a 404 is cached for its path, for a minute at
 * most; revalidateCourse drops it at once when that code is published.
 */
async function courseOr404(code: string) {
  try {
    return await findCourse(code);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") {
      await shortenNotFoundCaching(code);
      notFound();
    }
    throw e;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  const course = await courseOr404(code);
  return buildCourseMetadata(course, env().SITE_URL);
}

/** 研習課程介紹: everything a teacher needs to decide, readable without JavaScript. */
export default async function CoursePage({ params }: Props) {
  const { code } = await params;
  const course = await courseOr404(code);
  const now = new Date();
  const windowInput = {
    status: course.status,
    onlineRegistration: course.onlineRegistration,
    registrationOpensAt: course.registrationOpensAt ? new Date(course.registrationOpensAt) : null,
    registrationClosesAt: course.registrationClosesAt ? new Date(course.registrationClosesAt) : null,
  };
  const state = registrationWindowState(windowInput, now);
  const message = registrationWindowMessage(windowInput, now);

  return (
    <article data-course-version={course.updatedAt}>
      <JsonLdScript data={buildCourseJsonLd(course, env().SITE_URL, now)} />
      <CourseLiveProvider code={course.code} version={course.updatedAt}>
        <CourseHeader
          course={course}
          follow={<FollowControl code={course.code} cancelled={course.status === "CANCELLED"} action={changeFollowAction} />}
        />
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <div className="lg:sticky lg:top-4 lg:col-start-2 lg:row-span-3 lg:row-start-1 lg:self-start">
            <RegistrationPanel
              code={course.code}
              state={state}
              message={message}
              onlineRegistration={course.onlineRegistration}
              ownUnitOnly={course.eligibility === "OWN_UNIT_ONLY"}
              organizerName={course.organizer.name}
            />
          </div>
          <CourseDetails course={course} />
        </div>
      </CourseLiveProvider>
    </article>
  );
}
