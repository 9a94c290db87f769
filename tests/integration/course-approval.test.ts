/**
 * @jest-environment node
 */
// Approval by the 區管中心: only courses of units in the admin's counties; approve publishes
// (searchable within a minute through the sync job), return sends the course back with a reason
// the organizer sees; both audited.
import { useTestDatabase } from "../support/database";
import { actorOf, createCourse, createUnit, createUser } from "../support/factories";
import { dayFromNow, validCourseInput } from "./course-manage-input";

jest.mock("next/cache", () => ({
  unstable_cache: (fn: (...a: unknown[]) => Promise<unknown>) => fn,
  revalidateTag: jest.fn(),
  revalidatePath: jest.fn(),
}));

import { revalidateTag } from "next/cache";
import { db } from "@/lib/db";
import { createCourse as createCourseUseCase } from "@/lib/courses/create-course";
import { updateCourse } from "@/lib/courses/update-course";
import { submitCourse } from "@/lib/courses/submit-course";
import { approveCourse } from "@/lib/courses/approve-course";
import { returnCourse } from "@/lib/courses/return-course";
import { getCourseForReview } from "@/lib/courses/get-course-for-review";
import { getCourseForEdit } from "@/lib/courses/get-course-for-edit";
import { listCoursesAwaitingApproval } from "@/lib/courses/list-courses-awaiting-approval";
import { listUnitCourses } from "@/lib/courses/list-unit-courses";
import { getRegionHome } from "@/lib/courses/get-region-home";
import { getOrganizerHome } from "@/lib/courses/get-organizer-home";
import { findCourse } from "@/lib/courses/find-course";
import { searchCourses } from "@/lib/search/search-courses";
import { rebuildSearchIndex, syncCourses } from "@/lib/search/sync";
import { startJobs, stopJobs } from "@/lib/jobs/start";
import { renderToStaticMarkup } from "react-dom/server";
import { RegionHome } from "@/components/region/region-home";

useTestDatabase();
jest.setTimeout(120_000);

async function organizerIn(county: string) {
  const unit = await createUnit({ county });
  return { unit, actor: actorOf(await createUser("ORGANIZER", { unitId: unit.id })) };
}

/** A course of this organizer, created and submitted through the use cases. */
async function submitted(actor: ReturnType<typeof actorOf>, title: string) {
  const { code } = await createCourseUseCase(actor, validCourseInput({ title }));
  await submitCourse(actor, { code });
  return code;
}

async function searchTitles(q: string) {
  return (await searchCourses({ q, size: "100" })).hits.map((h) => h.code);
}

let north: ReturnType<typeof actorOf>;
let south: ReturnType<typeof actorOf>;

beforeAll(async () => {
  north = actorOf(await createUser("REGION_ADMIN", { regionCounties: ["臺北市", "新北市"] }));
  south = actorOf(await createUser("REGION_ADMIN", { regionCounties: ["高雄市", "屏東縣"] }));
  await rebuildSearchIndex();
});

describe("approveCourse", () => {
  test("publishes a submitted course of the admin's counties: page at once, search after the sync; audited", async () => {
    const { actor } = await organizerIn("臺北市");
    const code = await submitted(actor, "天文觀測融入自然科學教學研習");
    await expect(findCourse(code)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const r = await approveCourse(north, { code });
    expect(r).toMatchObject({ code, status: "PUBLISHED", title: "天文觀測融入自然科學教學研習" });
    const row = await db.course.findUniqueOrThrow({ where: { code } });
    expect(row).toMatchObject({ status: "PUBLISHED", reviewedById: north.id, statusNote: null });
    expect(row.publishedAt?.toISOString()).toBe(r.publishedAt);
    expect(row.reviewedAt?.toISOString()).toBe(r.publishedAt);
    expect(revalidateTag).toHaveBeenCalledWith(`course:${code}`, { expire: 0 });
    await expect(findCourse(code)).resolves.toMatchObject({ code, status: "PUBLISHED" });

    await syncCourses([code]);
    expect(await searchTitles("天文觀測")).toEqual([code]);

    const events = await db.auditEvent.findMany({ where: { courseId: row.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["course.create", "course.submit", "course.approve"]);
    expect(events[2]).toMatchObject({ actorId: north.id, detail: { from: "SUBMITTED", to: "PUBLISHED" } });
    // Approving twice: the second finds nothing waiting.
    await expect(approveCourse(north, { code })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("已公告") });
  });

  test("is refused outside the admin's counties, for drafts, and for everyone but region admins", async () => {
    const { unit, actor } = await organizerIn("臺北市");
    const code = await submitted(actor, "轄區外審核測試研習");
    await expect(getCourseForReview(south, code)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(approveCourse(south, { code })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("不在您的轄區") });
    await expect(returnCourse(south, { code, reason: "不是我的轄區的課程" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const who of [actor, actorOf(await createUser("TEACHER"))]) {
      await expect(approveCourse(who, { code })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listCoursesAwaitingApproval(who)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(approveCourse(null, { code })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await db.course.findUniqueOrThrow({ where: { code } })).status).toBe("SUBMITTED");

    const draft = await createCourse(unit.id, { status: "DRAFT" });
    await expect(approveCourse(north, { code: draft.code })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(approveCourse(north, { code: "9999997" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("the county is the organizer unit's, not the venue's", async () => {
    const { actor } = await organizerIn("高雄市");
    const { code } = await createCourseUseCase(actor, validCourseInput({ title: "在臺北上課的高雄研習", venueCounty: "臺北市" }));
    await submitCourse(actor, { code });
    await expect(approveCourse(north, { code })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(approveCourse(south, { code })).resolves.toMatchObject({ status: "PUBLISHED" });
  });
});

describe("returnCourse", () => {
  test("sends the course back as a draft with the reason; the organizer sees it, edits and submits again", async () => {
    const { actor } = await organizerIn("新北市");
    const code = await submitted(actor, "海洋教育戶外教學研習");
    await expect(returnCourse(north, { code, reason: " " })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { reason: ["請填寫退回原因"] } });

    const r = await returnCourse(north, { code, reason: "研習時數與課程時段不符，請修正" });
    expect(r).toMatchObject({ status: "DRAFT", reason: "研習時數與課程時段不符，請修正" });
    expect(await db.course.findUniqueOrThrow({ where: { code } })).toMatchObject({ status: "DRAFT", statusNote: "研習時數與課程時段不符，請修正", reviewedById: north.id });

    // The organizer sees the reason on the list, the edit page and the home panel.
    const list = await listUnitCourses(actor, { status: "RETURNED" });
    expect(list.rows).toEqual([expect.objectContaining({ code, statusNote: "研習時數與課程時段不符，請修正" })]);
    expect((await getCourseForEdit(actor, code)).course.statusNote).toBe("研習時數與課程時段不符，請修正");
    expect((await getOrganizerHome(actor)).returned).toEqual([expect.objectContaining({ code, reason: "研習時數與課程時段不符，請修正" })]);
    // …edits (the reason stays until it is sent again) and submits again.
    await updateCourse(actor, { code, hours: "6" });
    expect((await db.course.findUniqueOrThrow({ where: { code } })).statusNote).toBe("研習時數與課程時段不符，請修正");
    await submitCourse(actor, { code });
    expect(await db.course.findUniqueOrThrow({ where: { code } })).toMatchObject({ status: "SUBMITTED", statusNote: null, hours: 6 });

    const course = await db.course.findUniqueOrThrow({ where: { code }, select: { id: true } });
    const events = await db.auditEvent.findMany({ where: { courseId: course.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["course.create", "course.submit", "course.return", "course.update", "course.submit"]);
    expect(events[2]).toMatchObject({ actorId: north.id, detail: { reason: "研習時數與課程時段不符，請修正" } });
    expect(events[4].detail).toMatchObject({ previousReturnReason: "研習時數與課程時段不符，請修正" });
  });
});

describe("the queue and the region home", () => {
  test("lists submitted courses of the admin's counties only, the longest-waiting first", async () => {
    const taipei = await organizerIn("臺北市");
    const kaohsiung = await organizerIn("高雄市");
    const before = (await listCoursesAwaitingApproval(north)).length;
    const first = await submitted(taipei.actor, "佇列第一門研習");
    const other = await submitted(kaohsiung.actor, "南區的研習");
    const second = await submitted(taipei.actor, "佇列第二門研習");
    const queue = await listCoursesAwaitingApproval(north);
    expect(queue.length).toBe(before + 2);
    const codes = queue.map((q) => q.code);
    expect(codes.indexOf(first)).toBeLessThan(codes.indexOf(second));
    expect(codes).not.toContain(other);
    expect(queue.find((q) => q.code === first)).toMatchObject({ organizerName: taipei.unit.name, organizerCounty: "臺北市", title: "佇列第一門研習" });
    expect((await listCoursesAwaitingApproval(south)).map((q) => q.code)).toContain(other);

    const home = await getRegionHome(north);
    expect(home.counties).toEqual(["臺北市", "新北市"]);
    expect(home.awaitingCount).toBe(queue.length);
    expect(home.oldest.map((o) => o.code)).toEqual(codes.slice(0, 5));
    const html = renderToStaticMarkup(await RegionHome({ actor: north }));
    expect(html).toContain(`${queue.length} 門課程等待審核`);
    expect(html).toContain(`href="/region/courses/${codes[0]}"`);
    await expect(getRegionHome(taipei.actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("the review view has every field of the course", async () => {
    const { actor } = await organizerIn("臺北市");
    const code = await submitted(actor, "審閱畫面的研習");
    const { course, awaiting } = await getCourseForReview(north, code);
    expect(awaiting).toBe(true);
    expect(course).toMatchObject({
      code, title: "審閱畫面的研習", status: "SUBMITTED", classType: "NON_CREDIT", category: "工作坊", formFields: ["mobile", "meal"],
      eligibility: "ANY_TEACHER", admissionMode: "MANUAL_REVIEW", waitlistLimit: 5, capacity: 30, contactEmail: "contact@example.edu.tw",
    });
    expect(course.submittedAt).not.toBeNull();
  });
});

describe("searchable within a minute", () => {
  beforeAll(async () => {
    await startJobs({ pollingIntervalSeconds: 0.5, prepareIndex: false, log: () => {} });
  });
  afterAll(async () => {
    await stopJobs();
  });

  test("an approved course is found by search through the sync job, with no hourly rebuild", async () => {
    const { actor } = await organizerIn("臺北市");
    const start = dayFromNow(45);
    const { code } = await createCourseUseCase(actor, validCourseInput({ title: "珊瑚礁生態探究教學研習", startDate: start, endDate: start }));
    await submitCourse(actor, { code });
    await approveCourse(north, { code });
    const started = Date.now();
    while (Date.now() - started < 60_000 && !(await searchTitles("珊瑚礁生態")).includes(code)) await new Promise((r) => setTimeout(r, 250));
    expect(await searchTitles("珊瑚礁生態")).toEqual([code]);
    expect(Date.now() - started).toBeLessThan(60_000);

    // An edit of the published course follows the same way.
    await updateCourse(actor, { code, title: "潮間帶生態探究教學研習" });
    const edited = Date.now();
    while (Date.now() - edited < 60_000 && !(await searchTitles("潮間帶生態")).includes(code)) await new Promise((r) => setTimeout(r, 250));
    expect(await searchTitles("潮間帶生態")).toEqual([code]);
    expect(await searchTitles("珊瑚礁生態")).toEqual([]);
  });
});
