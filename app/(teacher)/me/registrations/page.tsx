import type { Metadata } from "next";
import Link from "next/link";
import { pageActor, pageCall } from "@/lib/auth/page";
import { listMyRegistrations, type MyRegistrationsQuery } from "@/lib/registrations/list-my-registrations";
import { REGISTRATION_STATUS_LABELS } from "@/lib/courses/labels";
import { formatIsoDate } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/search/pagination";
import { RegistrationFilter } from "@/components/me/registration-filter";
import { MyRegistrationsTable } from "@/components/me/my-registrations-table";

export const metadata: Metadata = { title: "個人報名記錄", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function hrefOf(q: MyRegistrationsQuery, page: number): string {
  const p = new URLSearchParams();
  if (q.from) p.set("from", q.from);
  if (q.to) p.set("to", q.to);
  if (q.status) p.set("status", q.status);
  if (page > 1) p.set("page", String(page));
  const s = p.toString();
  return `/me/registrations${s ? `?${s}` : ""}`;
}

function describe(q: MyRegistrationsQuery): string {
  const parts = [];
  if (q.from && q.to) parts.push(`研習日期 ${formatIsoDate(q.from)} 至 ${formatIsoDate(q.to)}`);
  else if (q.from) parts.push(`研習日期 ${formatIsoDate(q.from)} 以後`);
  else if (q.to) parts.push(`研習日期 ${formatIsoDate(q.to)} 以前`);
  if (q.status) parts.push(`線上報名結果為「${REGISTRATION_STATUS_LABELS[q.status]}」`);
  return parts.join("、");
}

/** 個人報名記錄: every registration of the signed-in teacher. Personal: rendered per request, never cached. */
export default async function MyRegistrationsPage({ searchParams }: Props) {
  const actor = await pageActor("/me/registrations", "TEACHER");
  const result = await pageCall(async () => listMyRegistrations(actor, { ...(await searchParams), scope: "all" }));
  const { query, rows, total } = result;
  const condition = describe(query);
  const first = (result.page - 1) * result.pageSize + 1;
  return (
    <>
      <PageHeader title="個人報名記錄" crumbs={[{ href: "/me", label: "個人首頁" }, { label: "個人報名記錄" }]}>
        線上報名需經開課單位審核通過（正取）才具備上課資格。對審核結果有疑問，請以「聯絡信箱」洽開課單位承辦人。
      </PageHeader>
      <RegistrationFilter query={query} />
      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="mb-3 text-xl font-bold">
          報名記錄
          <span className="ml-2 text-base font-normal text-muted" role="status">
            {condition ? `${condition}：` : ""}共 <strong className="text-ink">{total}</strong> 筆
            {total > rows.length && rows.length > 0 ? `，第 ${first}–${first + rows.length - 1} 筆` : ""}
          </span>
        </h2>
        {rows.length === 0 ? (
          <div className="card bg-surface">
            {condition ? (
              <>
                <p className="font-semibold">沒有符合條件的報名記錄。</p>
                <p className="mt-1 text-muted">請放寬研習日期或改選其他報名結果。</p>
                <p className="mt-3">
                  <Link href="/me/registrations" className="btn btn-secondary">
                    顯示全部報名記錄
                  </Link>
                </p>
              </>
            ) : (
              <>
                <p className="font-semibold">您還沒有報名任何研習。</p>
                <p className="mt-1 text-muted">在研習課程介紹頁面的「線上報名專區」報名後，報名與審核結果會列在這裡。</p>
                <p className="mt-3">
                  <Link href="/courses" className="btn btn-primary">
                    搜尋研習
                  </Link>
                </p>
              </>
            )}
          </div>
        ) : (
          <>
            <MyRegistrationsTable rows={rows} caption={`個人報名記錄，共 ${total} 筆，依研習日期由新到舊排列`} />
            <div className="mt-6">
              <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(p) => hrefOf(query, p)} />
            </div>
          </>
        )}
      </section>
    </>
  );
}
