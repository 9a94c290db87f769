import "server-only";
import { revalidateCourse } from "@/lib/courses/course-cache";
import { enqueueCourseSync } from "@/lib/search/sync";

/**
 * After a public change to a course is committed (published, edited while published, cancelled):
 * the course page is rendered afresh on its next request, and the search index follows within a
 * minute. The change itself is already saved: if the job queue cannot be reached, the hourly
 * rebuild of the index repairs it, so that is logged, not thrown at the person who saved.
 */
export async function announceCourseChange(code: string): Promise<void> {
  revalidateCourse(code);
  try {
    await enqueueCourseSync([code]);
  } catch (e) {
    console.error(`[courses] could not queue the search sync of ${code}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
