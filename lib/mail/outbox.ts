import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { RegistrationStatus } from "@/generated/prisma/enums";
import { env } from "@/lib/env";
import { formatDate, formatDateTime } from "@/lib/format/date";
import { REGISTRATION_STATUS_LABELS } from "@/lib/courses/labels";
import { QUEUES, sendJob } from "@/lib/jobs/queue";

/**
 * The mail outbox. A use case that changes something a teacher must hear about writes the
 * message here, in its own transaction, so the mail exists exactly when the change does; after
 * the commit it calls `dispatchMail()`, and the mail-send job delivers (retrying failures).
 */

export type RegistrationMailKind = "review-result" | "promotion";

type Row = {
  id: number;
  status: RegistrationStatus;
  decisionNote: string | null;
  userId: number;
  name: string;
  email: string;
  code: string;
  title: string;
  startDate: Date;
  organizerName: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
};

const NO_REPLY = "本信由系統自動寄出，請勿直接回覆。";

/** The end of every mail about a course: its links, whom to ask, and that nobody reads replies. */
export function courseMailFooter(
  c: { code: string; contactName: string; contactPhone: string; contactEmail: string },
  siteUrl: string,
): string[] {
  return [
    "",
    `課程頁面：${new URL(`/courses/${c.code}`, siteUrl).toString()}`,
    `個人報名記錄：${new URL("/me/registrations", siteUrl).toString()}`,
    "",
    `如有疑問，請洽承辦人 ${c.contactName}（電話 ${c.contactPhone}，電子郵件 ${c.contactEmail}）。`,
    "",
    NO_REPLY,
  ];
}


/** The subject and text of a registration mail (pure; exported for tests). */
export function renderRegistrationMail(kind: RegistrationMailKind, r: Omit<Row, "id" | "userId">, siteUrl: string) {
  const status = REGISTRATION_STATUS_LABELS[r.status];
  const subject =
    kind === "promotion"
      ? `【全國教師在職進修資訊網】備取遞補通知：${r.title}（${r.code}）`
      : `【全國教師在職進修資訊網】研習錄取審核結果：${r.title}（${r.code}）— ${status}`;
  const lines = [
    `${r.name} 老師您好：`,
    "",
    kind === "promotion"
      ? `您報名的研習因正取人員取消，已由備取遞補為「${status}」。`
      : `您報名的研習，開課單位已完成錄取審核，結果為「${status}」。`,
    "",
    `課程代碼：${r.code}`,
    `研習名稱：${r.title}`,
    `課程開始日期：${formatDate(r.startDate)}`,
    `辦理研習單位：${r.organizerName}`,
    `處理狀態：${status}`,
    ...(r.decisionNote && kind === "review-result" ? [`說明：${r.decisionNote}`] : []),
    ...courseMailFooter(r, siteUrl),
  ];
  return { subject, text: lines.join("\n") };
}

/**
 * Writes one mail per registration (to its teacher) in the caller's transaction. Registrations
 * whose teacher has no e-mail address are skipped. Returns how many mails were queued.
 */
export async function queueRegistrationMails(
  tx: Prisma.TransactionClient,
  registrationIds: number[],
  kind: RegistrationMailKind,
): Promise<number> {
  if (registrationIds.length === 0) return 0;
  const rows = await tx.$queryRaw<Row[]>`
    SELECT r.id, r.status, r."decisionNote", u.id AS "userId", u.name, u.email, c.code, c.title, c."startDate",
      o.name AS "organizerName", c."contactName", c."contactPhone", c."contactEmail"
    FROM "Registration" r
    JOIN "User" u ON u.id = r."userId"
    JOIN "Course" c ON c.id = r."courseId"
    JOIN "Unit" o ON o.id = c."organizerId"
    WHERE r.id = ANY(${registrationIds}::int[])
    ORDER BY r.id`;
  const siteUrl = env().SITE_URL;
  const data = rows
    .filter((r) => r.email.trim() !== "")
    .map((r) => ({ kind, toAddress: r.email, userId: r.userId, registrationId: r.id, ...renderRegistrationMail(kind, r, siteUrl) }));
  if (data.length) await tx.mailMessage.createMany({ data });
  return data.length;
}

export type PasswordResetMail = {
  userId: number;
  toAddress: string;
  name: string;
  username: string;
  /** The full reset link, with the token. */
  link: string;
  expiresAt: Date;
};

/** The subject and text of the 忘記密碼 mail (pure; exported for tests). */
export function renderPasswordResetMail(m: Omit<PasswordResetMail, "userId" | "toAddress">) {
  const subject = "【全國教師在職進修資訊網】重設密碼通知";
  const text = [
    `${m.name} 您好：`,
    "",
    `我們收到重設您進修網帳號（${m.username}）密碼的申請。請在 ${formatDateTime(m.expiresAt)} 前開啟下面的連結，設定新密碼：`,
    "",
    m.link,
    "",
    "這個連結 30 分鐘內有效，只能使用一次。設定新密碼後，所有已登入的裝置都需要以新密碼重新登入。",
    "如果您沒有申請重設密碼，請忽略這封信，您的密碼不會改變。",
    "",
    NO_REPLY,
  ].join("\n");
  return { subject, text };
}

/** Writes the 忘記密碼 mail in the caller's transaction. */
export async function queuePasswordResetMail(tx: Prisma.TransactionClient, m: PasswordResetMail): Promise<void> {
  await tx.mailMessage.create({
    data: { kind: "password-reset", toAddress: m.toAddress, userId: m.userId, ...renderPasswordResetMail(m) },
  });
}

/**
 * Asks the job worker to send what waits in the outbox. Never throws: if the queue cannot be
 * reached, the mail-send job's periodic sweep delivers the mail later.
 */
export async function dispatchMail(): Promise<void> {
  try {
    await sendJob(QUEUES.mailSend, {});
  } catch (e) {
    console.error(`[mail] could not queue the mail-send job: ${e instanceof Error ? e.message : String(e)}`);
  }
}
