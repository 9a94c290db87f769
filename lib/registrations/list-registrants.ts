import "server-only";
import { db } from "@/lib/db";
import { maskName } from "@/lib/format/name";
import type { Gender, PositionType, RegistrationStatus } from "@/generated/prisma/enums";

/** One row of the public registrant list under the form (no personal data beyond these). */
export type RegistrantRow = {
  no: number;
  maskedName: string;
  gender: Gender | null;
  schoolName: string;
  positionType: PositionType | null;
  status: Exclude<RegistrationStatus, "CANCELLED">;
  registeredAt: string;
  isMine: boolean;
};

/**
 * The list under the form: approved first, then pending, waitlisted, rejected; then by
 * registration time. Cancelled registrations are not listed. Names are masked (王○明).
 */
export async function listRegistrants(courseId: number, viewerId: number | null, limit = 1000): Promise<RegistrantRow[]> {
  const rows = await db.$queryRaw<
    { userId: number; name: string; gender: Gender | null; schoolName: string | null; positionType: PositionType | null; status: RegistrantRow["status"]; registeredAt: Date }[]
  >`
    SELECT r."userId", u.name, u.gender, un.name AS "schoolName", u."positionType", r.status, r."registeredAt"
    FROM "Registration" r
    JOIN "User" u ON u.id = r."userId"
    LEFT JOIN "Unit" un ON un.id = u."unitId"
    WHERE r."courseId" = ${courseId} AND r.status <> 'CANCELLED'
    ORDER BY CASE r.status WHEN 'APPROVED' THEN 0 WHEN 'PENDING' THEN 1 WHEN 'WAITLISTED' THEN 2 ELSE 3 END, r."registeredAt", r.id
    LIMIT ${limit}`;
  return rows.map((r, i) => ({
    no: i + 1,
    maskedName: maskName(r.name),
    gender: r.gender,
    schoolName: r.schoolName ?? "",
    positionType: r.positionType,
    status: r.status,
    registeredAt: r.registeredAt.toISOString(),
    isMine: viewerId !== null && r.userId === viewerId,
  }));
}
