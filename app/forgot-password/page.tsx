import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { forgotPasswordAction } from "./actions";

export const metadata: Metadata = { title: "忘記密碼", robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="忘記密碼" crumbs={[{ href: "/", label: "首頁" }, { href: "/login", label: "登入" }, { label: "忘記密碼" }]}>
        請輸入您的進修網帳號或登記的電子郵件，我們會寄一封信給您，信中的連結可設定新密碼，30 分鐘內有效。
      </PageHeader>
      <ForgotPasswordForm action={forgotPasswordAction} />
      <p className="mt-6 text-sm text-muted">
        帳號的電子郵件已無法使用？請洽您服務學校的業務承辦人，或所屬縣市的區管中心協助重設密碼。
      </p>
    </div>
  );
}
