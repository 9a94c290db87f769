import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireRole, type Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { profileSchema } from "@/lib/people/profile-schema";
import { EDITABLE_PROFILE_SELECT as SELECT, toEditableProfile as toDto, type EditableProfile } from "@/lib/people/get-my-editable-profile";

/**
 * 修改個人基本資料: e-mail, mobile, job title, subject, gender and position type. Only the
 * teacher themself, only their own row. The audit trail (profile.update) names the fields that
 * changed, never their values.
 */
export async function updateMyProfile(actor: Actor | null, input: unknown): Promise<EditableProfile> {
  const user = requireRole(actor, "TEACHER");
  const data = parseInput(profileSchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: user.id }, select: SELECT });
    if (!before) throw new AppError("NOT_FOUND", "找不到您的帳號資料。");
    const next = {
      email: data.email,
      mobile: data.mobile || null,
      jobTitle: data.jobTitle || null,
      subject: data.subject || null,
      gender: data.gender,
      positionType: data.positionType,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => (before[k] ?? null) !== next[k]);
    if (changed.length === 0) return toDto(before);
    const after = await tx.user.update({ where: { id: user.id }, data: next, select: SELECT });
    await tx.auditEvent.create({ data: { action: "profile.update", actorId: user.id, subjectUserId: user.id, detail: { fields: changed } } });
    return toDto(after);
  });
}
