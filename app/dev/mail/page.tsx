import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { listCaughtMail } from "@/lib/mail/catcher-store";
import { caughtMailDirForRequest } from "@/lib/mail/dev-mail-guard";
import { formatDateTime } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "開發用郵件", robots: { index: false, follow: false } };

/**
 * Development only: the mail the development catcher received (scripts/mail/dev-smtp.ts),
 * newest first. A 404 unless the scripts started the catcher (MAIL_CATCHER_DIR) and the request
 * comes from this machine (lib/mail/dev-mail-guard.ts).
 */
export default async function DevMailPage() {
  await connection();
  const dir = await caughtMailDirForRequest();
  if (!dir) notFound();
  const mails = listCaughtMail(dir);
  return (
    <>
      <PageHeader title="開發用郵件" crumbs={[{ href: "/", label: "首頁" }, { label: "開發用郵件" }]}>
        開發與測試環境中，系統寄出的信都由本機的測試郵件伺服器收下，列在這裡（最新的在最上面），不會寄到真正的信箱。
      </PageHeader>
      {mails.length === 0 ? (
        <div className="card bg-surface">
          <p className="font-semibold">目前還沒有任何郵件。</p>
          <p className="mt-1 text-muted">審核結果、備取遞補與忘記密碼的信寄出後約數秒內會出現在這裡；請重新整理本頁。</p>
        </div>
      ) : (
        <ol className="space-y-3" aria-label="收到的郵件">
          {mails.map((m) => (
            <li key={m.id} className="card">
              <p className="text-sm text-muted">
                <time dateTime={m.date}>{formatDateTime(new Date(m.date))}</time>・收件人 <span className="break-all">{m.to.join("、")}</span>
              </p>
              <p className="mt-1 font-semibold">
                <Link href={`/dev/mail/${m.id}`}>{m.subject || "（無主旨）"}</Link>
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
