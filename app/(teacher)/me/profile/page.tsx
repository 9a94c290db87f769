import type { Metadata } from "next";
import { pageActor, pageCall } from "@/lib/auth/page";
import { getMyEditableProfile } from "@/lib/people/get-my-editable-profile";
import { PageHeader } from "@/components/ui/page-header";
import { ProfileForm } from "@/components/me/profile-form";
import { updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "修改個人基本資料", robots: { index: false } };

export default async function ProfilePage() {
  const actor = await pageActor("/me/profile", "TEACHER");
  const profile = await pageCall(() => getMyEditableProfile(actor));
  return (
    <div className="max-w-2xl">
      <PageHeader title="修改個人基本資料" crumbs={[{ href: "/me", label: "個人首頁" }, { label: "修改個人基本資料" }]}>
        電子郵件用來寄送錄取審核結果與忘記密碼的連結，請填寫您常用的信箱。
      </PageHeader>
      <section aria-labelledby="fixed" className="card mb-6">
        <h2 id="fixed" className="mb-3 text-lg font-semibold">
          帳號資料
        </h2>
        <dl className="grid grid-cols-[6.5rem_1fr] gap-y-2">
          <dt className="text-muted">姓名</dt>
          <dd>{profile.name}</dd>
          <dt className="text-muted">帳號</dt>
          <dd className="break-all">{profile.username}</dd>
          <dt className="text-muted">服務學校</dt>
          <dd>{profile.unitName ?? "尚未設定"}</dd>
          <dt className="text-muted">身分證字號</dt>
          <dd>{profile.nationalIdMasked ?? "未填寫"}</dd>
        </dl>
        <p className="mt-3 text-sm text-muted">姓名、服務學校與身分證字號需更正時，請洽您服務學校的業務承辦人。</p>
      </section>
      <ProfileForm initial={profile.values} action={updateProfileAction} />
    </div>
  );
}
