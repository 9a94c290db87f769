"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { signInMessage } from "@/lib/auth/sign-in-messages";
import { Spinner } from "@/components/ui/spinner";
import { ChallengeWidget } from "@/components/auth/challenge-widget";

export function LoginForm({ callbackUrl, initialCaptcha }: { callbackUrl: string; initialCaptcha: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState("");
  const [needCaptcha, setNeedCaptcha] = useState(initialCaptcha);
  // The solved 驗證碼 (a proof-of-work challenge), and a key that gives a fresh one after each try.
  const [challenge, setChallenge] = useState<string | null>(null);
  const [challengeKey, setChallengeKey] = useState(0);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const ids = { error: useId(), captcha: useId() };

  function newChallenge() {
    setChallenge(null);
    setChallengeKey((k) => k + 1);
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    const form = new FormData(e.currentTarget);
    if (needCaptcha && !challenge) {
      setError("驗證碼尚未完成：請勾選「我不是機器人」，等候顯示「已驗證」後再按「登入」。");
      requestAnimationFrame(() => errorRef.current?.focus());
      return;
    }
    setPending(true);
    setError("");
    try {
      const res = await signIn("credentials", {
        redirect: false,
        accountKind: String(form.get("accountKind") ?? ""),
        username: String(form.get("username") ?? ""),
        password: String(form.get("password") ?? ""),
        challenge: needCaptcha ? (challenge ?? "") : "",
      });
      if (res?.ok && !res.error) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      const { message, captcha: wantsCaptcha } = signInMessage(res?.error ?? "UNKNOWN");
      setError(message);
      if (wantsCaptcha || needCaptcha) {
        setNeedCaptcha(true);
        newChallenge(); // a challenge is good for one try
      }
      (e.target as HTMLFormElement).querySelector<HTMLInputElement>('input[name="password"]')!.value = "";
      setPending(false);
      requestAnimationFrame(() => errorRef.current?.focus());
    } catch {
      setError("無法連線到伺服器，請檢查網路後再試一次。");
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="card space-y-5" aria-describedby={error ? ids.error : undefined}>
      <fieldset>
        <legend className="mb-2 font-semibold">身份</legend>
        <div className="flex flex-wrap gap-3">
          <label className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line px-4 has-[:checked]:border-accent has-[:checked]:bg-accent-soft">
            <input type="radio" name="accountKind" value="teacher" defaultChecked className="size-4 accent-accent" />
            教師個人帳號
          </label>
          <label className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line px-4 has-[:checked]:border-accent has-[:checked]:bg-accent-soft">
            <input type="radio" name="accountKind" value="business" className="size-4 accent-accent" />
            業務帳號
          </label>
        </div>
      </fieldset>
      <div>
        <label htmlFor="username" className="mb-1 block font-semibold">
          帳號
        </label>
        <input id="username" name="username" autoComplete="username" required className="field-input" />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block font-semibold">
          密碼
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="field-input" />
      </div>
      {needCaptcha && (
        <div>
          <p className="mb-1 font-semibold">驗證碼</p>
          <ChallengeWidget key={challengeKey} onSolved={setChallenge} describedBy={ids.captcha} />
          <p id={ids.captcha} className="mt-1 text-sm text-muted">
            請勾選「我不是機器人」，瀏覽器會自動完成驗證（約 1 秒），顯示「已驗證」後即可登入。
          </p>
        </div>
      )}
      <p
        id={ids.error}
        ref={errorRef}
        tabIndex={-1}
        role="alert"
        className={error ? "rounded-lg border border-danger bg-red-50 p-3 text-danger" : "sr-only"}
      >
        {error}
      </p>
      <button type="submit" className="btn btn-primary w-full" disabled={pending} aria-busy={pending}>
        {pending ? <Spinner label="登入中" /> : null}
        {pending ? "登入中…" : "登入"}
      </button>
      <p className="text-center">
        <Link href="/forgot-password">忘記密碼？</Link>
      </p>
    </form>
  );
}
