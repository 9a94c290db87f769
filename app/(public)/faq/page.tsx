import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { CHALLENGE_HELP, FORGOT_PASSWORD_HELP } from "@/lib/auth/sign-in-messages";

export const metadata: Metadata = { title: "問與答" };

const FAQ = [
  {
    q: "教師個人帳號與業務帳號有什麼不同？",
    a: "教師個人帳號供教師搜尋與報名研習、查詢報名結果與研習時數；業務帳號供學校或機關的承辦人開設研習、審核報名。只有教師個人帳號可以報名研習。",
  },
  {
    q: "登入時為什麼要輸入驗證碼？",
    a: CHALLENGE_HELP,
  },
  {
    q: "忘記密碼怎麼辦？",
    a: FORGOT_PASSWORD_HELP,
  },
  {
    q: "如何變更登入密碼？",
    a: "登入後在右上角選單點選「變更登入密碼」，輸入目前的密碼與新密碼。變更後請以新密碼重新登入。",
  },
];

export default function FaqPage() {
  return (
    <>
      <PageHeader title="問與答" crumbs={[{ href: "/", label: "首頁" }, { label: "問與答" }]} />
      <div className="space-y-3">
        {FAQ.map((item) => (
          <details key={item.q} className="card group">
            <summary className="cursor-pointer text-lg font-semibold">{item.q}</summary>
            <p className="mt-2 text-muted">{item.a}</p>
          </details>
        ))}
      </div>
    </>
  );
}
