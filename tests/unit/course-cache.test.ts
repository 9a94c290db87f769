jest.mock("next/cache", () => ({ revalidateTag: jest.fn(), revalidatePath: jest.fn(), unstable_cache: jest.fn() }));

import { revalidatePath, revalidateTag } from "next/cache";
import { courseCacheTag, revalidateCourse, revalidateStaleCourse } from "@/lib/courses/course-cache";

beforeEach(() => jest.clearAllMocks());

test("revalidateCourse drops the course's data (no stale copy served) and its page", () => {
  revalidateCourse("9000001");
  expect(revalidateTag).toHaveBeenCalledWith("course:9000001", { expire: 0 });
  expect(revalidatePath).toHaveBeenCalledWith("/courses/9000001");
  expect(courseCacheTag("9000001")).toBe("course:9000001");
});

test("a page that reports an old version drops the cache at most once per course every 10 s", () => {
  const t0 = 1_000_000;
  expect(revalidateStaleCourse("9000002", t0)).toBe(true);
  expect(revalidateStaleCourse("9000002", t0 + 5_000)).toBe(false);
  expect(revalidateStaleCourse("9000003", t0 + 5_000)).toBe(true);
  expect(revalidateStaleCourse("9000002", t0 + 10_001)).toBe(true);
  expect(revalidateTag).toHaveBeenCalledTimes(3);
});
