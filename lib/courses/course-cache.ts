import "server-only";
import { revalidatePath, revalidateTag, unstable_cache } from "next/cache";

/**
 * Course pages (/courses/{code}) are rendered once and kept in Next's cache, with the public
 * course data (lib/courses/find-course.ts) tagged per course. Every change to a course (edit,
 * publish, cancel) must be followed by revalidateCourse(code): the next request then renders
 * the page from the database again. Seats left and the viewer's own state are never part of
 * the cached page (see /courses/{code}/live).
 */
export function courseCacheTag(code: string): string {
  return `course:${code}`;
}

function isOutsideRequest(e: unknown): boolean {
  return e instanceof Error && e.message.includes("static generation store missing");
}

/**
 * Drops the cached data and page of a course so the next request reads the database.
 * `expire: 0`: no stale copy is served while the page is rendered again.
 *
 * Next's cache can only be reached from inside a request of this process (a server action or
 * a route handler). Called from anywhere else (a background job, a script, a test) there is no
 * cache to drop here, and that is not an error: pages compare their version with the database
 * (see revalidateStaleCourse), which also keeps several app instances (each with its own cache)
 * correct.
 */
export function revalidateCourse(code: string): void {
  try {
    revalidateTag(courseCacheTag(code), { expire: 0 });
    revalidatePath(`/courses/${code}`);
  } catch (e) {
    if (isOutsideRequest(e)) return;
    throw e;
  }
}

const STALE_REVALIDATION_INTERVAL_MS = 10_000;
const lastStaleRevalidation = new Map<string, number>();

/**
 * A browser showed a page whose course version (updatedAt) is older than the database's: the
 * page was cached before a change this process was not told about (made on another instance,
 * or by code that forgot revalidateCourse). Drops it, at most once per course every 10 s so a
 * client cannot make every page view render afresh.
 */
export function revalidateStaleCourse(code: string, now: number = Date.now()): boolean {
  const last = lastStaleRevalidation.get(code);
  if (last !== undefined && now - last < STALE_REVALIDATION_INTERVAL_MS) return false;
  if (lastStaleRevalidation.size > 10_000) lastStaleRevalidation.clear();
  lastStaleRevalidation.set(code, now);
  revalidateCourse(code);
  return true;
}

/** How long a cached 404 of a course code is kept before it is rendered again. */
export const NOT_FOUND_REVALIDATE_SECONDS = 60;

/**
 * Called while rendering the 404 of a course code: the cached 404 page is then rendered again
 * after a minute (Next keeps a page no longer than its shortest cached read), so a course
 * published on another app instance is found here within a minute even if this process was
 * never told. revalidateCourse drops it at once.
 */
export async function shortenNotFoundCaching(code: string): Promise<void> {
  await unstable_cache(async () => true, ["course-not-found", code], {
    tags: [courseCacheTag(code)],
    revalidate: NOT_FOUND_REVALIDATE_SECONDS,
  })();
}
