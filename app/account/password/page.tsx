import type { Metadata } from "next";
import { pageActor } from "@/lib/auth/page";
import { PageHeader } from "@/components/ui/page-header";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "變更登入密碼", robots: { index: false } };

export default async function ChangePasswordPage() {
  await pageActor("/account/password");
  return (
    <div className="max-w-lg">
      <PageHeader title="變更登入密碼">新密碼至少 8 個字元，需同時包含英文字母與數字。</PageHeader>
      <ChangePasswordForm action={changePasswordAction} />
    </div>
  );
}
