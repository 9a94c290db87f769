import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getActor } from "@/lib/auth/session";
import { isCaptchaRequired } from "@/lib/auth/sign-in";
import { FORGOT_PASSWORD_HELP, safeCallbackUrl } from "@/lib/auth/sign-in-messages";
import { requestAddress } from "@/lib/net/request-address";

export const metadata: Metadata = { title: "登入", robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getActor()) redirect(target);
  const captcha = await isCaptchaRequired(await requestAddress());
  return (
    <div className="mx-auto max-w-md">
      <nav aria-label="現在位置" className="mb-4 text-sm text-muted">
        <a href="/">首頁</a> <span aria-hidden="true">›</span> 登入
      </nav>
      <h1 className="mb-6 text-2xl font-bold">進修網帳號登入</h1>
      <LoginForm callbackUrl={target} initialCaptcha={captcha} />
      <section className="mt-8 text-sm text-muted" aria-labelledby="help">
        <h2 id="help" className="font-semibold text-ink">
          忘記密碼？
        </h2>
        <p>{FORGOT_PASSWORD_HELP}</p>
      </section>
    </div>
  );
}
