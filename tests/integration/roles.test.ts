/**
 * @jest-environment node
 */
import { useTestDatabase } from "../support/database";
import { listUnitCourses } from "@/lib/courses/list-unit-courses";
import { listCoursesAwaitingApproval } from "@/lib/courses/list-courses-awaiting-approval";
import { getMyProfile } from "@/lib/people/get-my-profile";
import { actorOf, createCourse, createUnit, createUser } from "../support/factories";

useTestDatabase();

// Every use case checks who is asking, whatever door it is reached through.
describe("use cases refuse the wrong role", () => {
  test("organizer use cases refuse teachers, region admins and visitors", async () => {
    const teacher = actorOf(await createUser("TEACHER"));
    const region = actorOf(await createUser("REGION_ADMIN"));
    for (const who of [teacher, region]) await expect(listUnitCourses(who)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listUnitCourses(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  test("teacher use cases refuse organizers and region admins", async () => {
    const organizer = actorOf(await createUser("ORGANIZER"));
    const region = actorOf(await createUser("REGION_ADMIN"));
    for (const who of [organizer, region]) await expect(getMyProfile(who)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getMyProfile(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  test("region use cases refuse teachers and organizers", async () => {
    for (const role of ["TEACHER", "ORGANIZER"] as const) {
      await expect(listCoursesAwaitingApproval(actorOf(await createUser(role)))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  test("an organizer sees only their own unit's courses; a region admin only their counties' submissions", async () => {
    const mine = await createUnit({ county: "臺北市" });
    const other = await createUnit({ county: "高雄市" });
    await createCourse(mine.id, { title: "我的課程", status: "SUBMITTED" });
    await createCourse(other.id, { title: "別人的課程", status: "SUBMITTED", venueCounty: "高雄市" });
    const organizer = actorOf(await createUser("ORGANIZER", { unitId: mine.id }));
    const result = await listUnitCourses(organizer);
    expect(result.rows.map((r) => r.title)).toEqual(["我的課程"]);

    const region = actorOf(await createUser("REGION_ADMIN", { regionCounties: ["臺北市", "新北市"] }));
    expect((await listCoursesAwaitingApproval(region)).map((r) => r.title)).toEqual(["我的課程"]);
  });

  test("a teacher's profile shows the national ID masked only", async () => {
    const { encryptNationalId } = await import("@/lib/people/national-id");
    const t = await createUser("TEACHER");
    const enc = encryptNationalId("A123456789");
    const { db } = await import("@/lib/db");
    await db.user.update({ where: { id: t.id }, data: { nationalIdCipher: enc.cipher, nationalIdKeyId: enc.keyId, nationalIdHash: enc.hash } });
    const profile = await getMyProfile(actorOf(t));
    expect(profile.nationalIdMasked).toBe("A********9");
    expect(JSON.stringify(profile)).not.toContain("A123456789");
  });
});
