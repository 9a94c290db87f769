import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { PageHeader } from "@/components/ui/page-header";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { INVALID_LINK_MESSAGE, isPasswordResetLinkUsable } from "@/lib/auth/reset-password";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "設定新密碼", robots: { index: false }, referrer: "no-referrer" };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  await connection();
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const usable = await isPasswordResetLinkUsable(token);
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="設定新密碼" crumbs={[{ href: "/", label: "首頁" }, { href: "/login", label: "登入" }, { label: "設定新密碼" }]}>
        {usable ? "新密碼至少 8 個字元，需同時包含英文字母與數字。設定後，所有已登入的裝置都需要以新密碼重新登入。" : null}
      </PageHeader>
      {usable ? (
        <ResetPasswordForm token={token} action={resetPasswordAction} />
      ) : (
        <div className="card space-y-3 bg-surface">
          <p role="alert" className="font-semibold text-danger">
            {INVALID_LINK_MESSAGE}
          </p>
          <p>
            <Link href="/forgot-password" className="btn btn-primary">
              重新申請忘記密碼
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
