import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireRole, type Actor } from "@/lib/auth/actor";
import { maskNationalId } from "@/lib/people/national-id-format";
import { decryptNationalId } from "@/lib/people/national-id";
import type { ProfileField, ProfileValues } from "@/lib/people/profile-schema";

/** A teacher's basic data as the 修改個人基本資料 page shows it. */
export type EditableProfile = {
  name: string;
  username: string;
  unitName: string | null;
  /** Masked: 身分證字號 is never sent to the browser in full. */
  nationalIdMasked: string | null;
  values: { [K in ProfileField]: string };
};

type Row = {
  name: string;
  username: string;
  email: string;
  mobile: string | null;
  jobTitle: string | null;
  subject: string | null;
  gender: ProfileValues["gender"] | null;
  positionType: ProfileValues["positionType"] | null;
  nationalIdCipher: string | null;
  nationalIdKeyId: string | null;
  unit: { name: string } | null;
};

export const EDITABLE_PROFILE_SELECT = {
  name: true, username: true, email: true, mobile: true, jobTitle: true, subject: true, gender: true, positionType: true,
  nationalIdCipher: true, nationalIdKeyId: true, unit: { select: { name: true } },
} as const;

export function toEditableProfile(row: Row): EditableProfile {
  return {
    name: row.name,
    username: row.username,
    unitName: row.unit?.name ?? null,
    nationalIdMasked:
      row.nationalIdCipher && row.nationalIdKeyId ? maskNationalId(decryptNationalId({ cipher: row.nationalIdCipher, keyId: row.nationalIdKeyId })) : null,
    values: {
      email: row.email,
      mobile: row.mobile ?? "",
      jobTitle: row.jobTitle ?? "",
      subject: row.subject ?? "",
      gender: row.gender ?? "",
      positionType: row.positionType ?? "",
    },
  };
}

/** The teacher's own profile, for the edit form. */
export async function getMyEditableProfile(actor: Actor | null): Promise<EditableProfile> {
  const user = requireRole(actor, "TEACHER");
  const row = await db.user.findUnique({ where: { id: user.id }, select: EDITABLE_PROFILE_SELECT });
  if (!row) throw new AppError("NOT_FOUND", "找不到您的帳號資料。");
  return toEditableProfile(row);
}

