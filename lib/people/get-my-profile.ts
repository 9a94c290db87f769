import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireRole, type Actor } from "@/lib/auth/actor";
import { POSITION_TYPE_LABELS } from "@/lib/courses/labels";
import { maskNationalId } from "@/lib/people/national-id-format";
import { decryptNationalId } from "@/lib/people/national-id";

export type MyProfile = {
  name: string;
  username: string;
  email: string;
  unitName: string | null;
  positionLabel: string | null;
  /** Masked: 身分證字號 is never sent to the browser in full. */
  nationalIdMasked: string | null;
};

/** A teacher's own basic data, for the personal home page. */
export async function getMyProfile(actor: Actor | null): Promise<MyProfile> {
  const user = requireRole(actor, "TEACHER");
  const row = await db.user.findUnique({
    where: { id: user.id },
    select: {
      name: true, username: true, email: true, positionType: true, nationalIdCipher: true, nationalIdKeyId: true,
      unit: { select: { name: true } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "找不到您的帳號資料。");
  return {
    name: row.name,
    username: row.username,
    email: row.email,
    unitName: row.unit?.name ?? null,
    positionLabel: row.positionType ? POSITION_TYPE_LABELS[row.positionType] : null,
    nationalIdMasked:
      row.nationalIdCipher && row.nationalIdKeyId
        ? maskNationalId(decryptNationalId({ cipher: row.nationalIdCipher, keyId: row.nationalIdKeyId }))
        : null,
  };
}
