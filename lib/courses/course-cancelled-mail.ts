import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/format/date";
import { REGISTRATION_STATUS_LABELS } from "@/lib/courses/labels";
import { courseMailFooter } from "@/lib/mail/outbox";
import type { RegistrationStatus } from "@/generated/prisma/enums";

/**
 * 研習取消通知: when an organizer cancels a published course, every teacher whose registration
 * still counts (待審核, 審核通過, 備取) is told, through the same outbox as the review mails
 * (lib/mail/outbox.ts): rows written in the cancelling transaction, sent by the mail-send job.
 */
type Row = {
  registrationId: number;
  status: RegistrationStatus;
  userId: number;
  name: string;
  email: string;
};

export type CancelledCourse = {
  code: string;
  title: string;
  startDate: Date;
  organizerName: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
};

/** The subject and text of the mail (pure; exported for tests). */
export function renderCourseCancelledMail(c: CancelledCourse, r: { name: string; status: RegistrationStatus }, reason: string, siteUrl: string) {
  const subject = `【全國教師在職進修資訊網】研習取消通知：${c.title}（${c.code}）`;
  const text = [
    `${r.name} 老師您好：`,
    "",
    "您報名的研習已由開課單位取消，不會舉辦。",
    "",
    `課程代碼：${c.code}`,
    `研習名稱：${c.title}`,
    `課程開始日期：${formatDate(c.startDate)}`,
    `辦理研習單位：${c.organizerName}`,
    `您原本的處理狀態：${REGISTRATION_STATUS_LABELS[r.status]}`,
    `取消原因：${reason}`,
    ...courseMailFooter(c, siteUrl),
  ];
  return { subject, text: text.join("\n") };
}

/** Queues one mail per teacher whose registration still counts; returns how many. */
export async function queueCourseCancelledMails(tx: Prisma.TransactionClient, courseId: number, course: CancelledCourse, reason: string): Promise<number> {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT r.id AS "registrationId", r.status, u.id AS "userId", u.name, u.email
    FROM "Registration" r JOIN "User" u ON u.id = r."userId"
    WHERE r."courseId" = ${courseId} AND r.status IN ('PENDING', 'APPROVED', 'WAITLISTED')
    ORDER BY r.id`;
  const siteUrl = env().SITE_URL;
  const data = rows
    .filter((r) => r.email.trim() !== "")
    .map((r) => ({
      kind: "course-cancelled",
      toAddress: r.email,
      userId: r.userId,
      registrationId: r.registrationId,
      ...renderCourseCancelledMail(course, r, reason, siteUrl),
    }));
  if (data.length) await tx.mailMessage.createMany({ data });
  return data.length;
}
