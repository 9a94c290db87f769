/**
 * @jest-environment node
 */
import { useTestDatabase } from "../support/database";
import { db } from "@/lib/db";
import { updateMyProfile } from "@/lib/people/update-my-profile";
import { getMyEditableProfile } from "@/lib/people/get-my-editable-profile";
import { encryptNationalId } from "@/lib/people/national-id";
import { actorOf, createUser } from "../support/factories";

useTestDatabase();

const valid = { email: "new.address@school.edu.tw", mobile: "0912-345-678", jobTitle: " 教師兼導師 ", subject: "數學", gender: "FEMALE", positionType: "SUBSTITUTE" };

test("a teacher changes their own e-mail, mobile, job title, subject, gender and position type; the name stays", async () => {
  const user = await createUser("TEACHER", { name: "王小明" });
  const saved = await updateMyProfile(actorOf(user), { ...valid, name: "別人" });
  expect(saved.name).toBe("王小明");
  expect(saved.values).toEqual({ email: "new.address@school.edu.tw", mobile: "0912345678", jobTitle: "教師兼導師", subject: "數學", gender: "FEMALE", positionType: "SUBSTITUTE" });
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(row).toMatchObject({ name: "王小明", email: "new.address@school.edu.tw", mobile: "0912345678", jobTitle: "教師兼導師", subject: "數學", gender: "FEMALE", positionType: "SUBSTITUTE" });
  const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "profile.update", subjectUserId: user.id } });
  expect(audit.actorId).toBe(user.id);
  expect((audit.detail as { fields: string[] }).fields.sort()).toEqual(["email", "gender", "jobTitle", "mobile", "positionType", "subject"]);
  // Saving again without a change writes nothing more.
  await updateMyProfile(actorOf(user), valid);
  expect(await db.auditEvent.count({ where: { action: "profile.update", subjectUserId: user.id } })).toBe(1);
});

test("optional fields may be emptied", async () => {
  const user = await createUser("TEACHER");
  await updateMyProfile(actorOf(user), valid);
  const saved = await updateMyProfile(actorOf(user), { ...valid, mobile: "", jobTitle: "", subject: "" });
  expect(saved.values).toMatchObject({ mobile: "", jobTitle: "", subject: "" });
  expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ mobile: null, jobTitle: null, subject: null });
});

test("invalid values are refused field by field and nothing changes", async () => {
  const user = await createUser("TEACHER");
  await expect(updateMyProfile(actorOf(user), { ...valid, email: "not-an-address", mobile: "12345", gender: "X", positionType: "" })).rejects.toMatchObject({
    code: "VALIDATION",
    fieldErrors: {
      email: [expect.stringContaining("電子郵件格式不正確")],
      mobile: [expect.stringContaining("手機號碼格式不正確")],
      gender: ["請選擇性別"],
      positionType: ["請選擇職位類別"],
    },
  });
  await expect(updateMyProfile(actorOf(user), { ...valid, email: "" })).rejects.toMatchObject({ fieldErrors: { email: ["請填寫電子郵件"] } });
  expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ email: user.email, mobile: null });
});

test("the ID number is only ever shown masked", async () => {
  const user = await createUser("TEACHER");
  const enc = encryptNationalId("A123456789");
  await db.user.update({ where: { id: user.id }, data: { nationalIdCipher: enc.cipher, nationalIdKeyId: enc.keyId } });
  const profile = await getMyEditableProfile(actorOf(user));
  expect(profile.nationalIdMasked).not.toContain("123456");
  expect(profile.nationalIdMasked).toMatch(/^A/);
  expect(JSON.stringify(profile)).not.toContain("A123456789");
});

test("only a signed-in teacher, and only their own row", async () => {
  const teacher = await createUser("TEACHER");
  const other = await createUser("TEACHER");
  const organizer = await createUser("ORGANIZER");
  const region = await createUser("REGION_ADMIN");
  await expect(updateMyProfile(null, valid)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  await expect(getMyEditableProfile(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  await expect(updateMyProfile(actorOf(organizer), valid)).rejects.toMatchObject({ code: "FORBIDDEN" });
  await expect(updateMyProfile(actorOf(region), valid)).rejects.toMatchObject({ code: "FORBIDDEN" });
  await expect(getMyEditableProfile(actorOf(organizer))).rejects.toMatchObject({ code: "FORBIDDEN" });
  // An id smuggled into the input changes nothing but the caller's own row.
  await updateMyProfile(actorOf(teacher), { ...valid, id: other.id, userId: other.id });
  expect(await db.user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ email: other.email });
});
