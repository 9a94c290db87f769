import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { readCaughtMail } from "@/lib/mail/catcher-store";
import { caughtMailDirForRequest } from "@/lib/mail/dev-mail-guard";
import { formatDateTime } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";
import { MailText } from "@/components/dev/mail-text";

export const metadata: Metadata = { title: "開發用郵件", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

/** Development only: one received message in full. */
export default async function DevMailMessagePage({ params }: Props) {
  await connection();
  const dir = await caughtMailDirForRequest();
  if (!dir) notFound();
  const mail = readCaughtMail(dir, (await params).id);
  if (!mail) notFound();
  return (
    <>
      <PageHeader title={mail.subject || "（無主旨）"} crumbs={[{ href: "/", label: "首頁" }, { href: "/dev/mail", label: "開發用郵件" }, { label: "郵件內容" }]} />
      <article className="card">
        <dl className="mb-4 grid grid-cols-[5rem_1fr] gap-y-1 border-b border-line pb-4 text-sm">
          <dt className="text-muted">寄件人</dt>
          <dd className="break-all">{mail.from}</dd>
          <dt className="text-muted">收件人</dt>
          <dd className="break-all">{mail.to.join("、")}</dd>
          <dt className="text-muted">時間</dt>
          <dd>
            <time dateTime={mail.date}>{formatDateTime(new Date(mail.date))}</time>
          </dd>
        </dl>
        <MailText text={mail.text} />
      </article>
    </>
  );
}
