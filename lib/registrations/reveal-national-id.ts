import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { decryptNationalId } from "@/lib/people/national-id";
import { loadManagedCourse } from "@/lib/registrations/managed-course";
import { revealInputSchema, type RevealInput } from "@/lib/registrations/review-schema";

/**
 * 顯示身分證字號: the full number of one registration, for one view. Every reveal is written
 * to the audit trail (who, whose, when) before the number is returned; the number itself is
 * never logged or stored anywhere else.
 */
export async function revealNationalId(actor: Actor | null, input: RevealInput): Promise<{ registrationId: number; nationalId: string }> {
  const { code, id } = parseInput(revealInputSchema, input);
  const { user, course } = await loadManagedCourse(actor, code);
  const reg = await db.registration.findFirst({
    where: { id, courseId: course.id },
    select: { id: true, userId: true, nationalIdCipher: true, nationalIdKeyId: true },
  });
  if (!reg) throw new AppError("NOT_FOUND", "找不到這筆報名，請重新整理頁面後再試。");
  if (!reg.nationalIdCipher || !reg.nationalIdKeyId) throw new AppError("NOT_FOUND", "這筆報名沒有填寫身分證字號。");
  const nationalId = decryptNationalId({ cipher: reg.nationalIdCipher, keyId: reg.nationalIdKeyId });
  await db.auditEvent.create({
    data: { actorId: user.id, action: "registration.reveal-national-id", courseId: course.id, registrationId: reg.id, subjectUserId: reg.userId, detail: {} },
  });
  return { registrationId: reg.id, nationalId };
}
