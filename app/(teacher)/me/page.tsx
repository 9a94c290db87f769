import type { Metadata } from "next";
import Link from "next/link";
import { pageActor, pageCall } from "@/lib/auth/page";
import { getMyProfile } from "@/lib/people/get-my-profile";
import { PageHeader } from "@/components/ui/page-header";
import { TEACHER_MENU } from "@/components/ui/nav-items";
import { TeacherHome } from "@/components/me/teacher-home";

export const metadata: Metadata = { title: "個人首頁", robots: { index: false } };

export default async function MePage() {
  const actor = await pageActor("/me", "TEACHER");
  const profile = await pageCall(() => getMyProfile(actor));
  return (
    <>
      <PageHeader title={`${profile.name} 老師，您好`}>
        {profile.unitName ?? "尚未設定服務學校"}
        {profile.positionLabel ? `・${profile.positionLabel}` : ""}
      </PageHeader>
      <div className="mb-6">
        <TeacherHome actor={actor} />
      </div>
      <div className="grid gap-6 md:grid-cols-[1fr_2fr]">
        <section aria-labelledby="basic" className="card">
          <h2 id="basic" className="mb-3 text-lg font-semibold">
            基本資料
          </h2>
          <dl className="grid grid-cols-[6rem_1fr] gap-y-2 text-sm">
            <dt className="text-muted">帳號</dt>
            <dd>{profile.username}</dd>
            <dt className="text-muted">電子郵件</dt>
            <dd className="break-all">{profile.email}</dd>
            <dt className="text-muted">身分證字號</dt>
            <dd>{profile.nationalIdMasked ?? "未填寫"}</dd>
          </dl>
          <p className="mt-3 text-sm">
            <Link href="/me/profile">修改個人基本資料</Link>
          </p>
        </section>
        <nav aria-labelledby="menu" className="card">
          <h2 id="menu" className="mb-3 text-lg font-semibold">
            個人功能
          </h2>
          <ul className="grid gap-2 sm:grid-cols-2">
            {TEACHER_MENU.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="block rounded-lg border border-line px-4 py-3 font-medium no-underline hover:border-accent">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </>
  );
}
