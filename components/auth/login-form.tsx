"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { signInMessage } from "@/lib/auth/sign-in-messages";
import { Spinner } from "@/components/ui/spinner";

type Captcha = { id: string; svg: string };

export function LoginForm({ callbackUrl, initialCaptcha }: { callbackUrl: string; initialCaptcha: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState("");
  const [needCaptcha, setNeedCaptcha] = useState(initialCaptcha);
  const [captcha, setCaptcha] = useState<Captcha | null>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const ids = { error: useId(), captcha: useId() };

  const loadCaptcha = useCallback(async () => {
    setCaptcha(null);
    try {
      const res = await fetch("/api/auth/captcha", { method: "POST" });
      if (res.ok) setCaptcha(await res.json());
    } catch {
      setError("無法取得驗證碼，請檢查網路連線後按「換一張」。");
    }
  }, []);

  useEffect(() => {
    if (needCaptcha && !captcha) void loadCaptcha();
  }, [needCaptcha, captcha, loadCaptcha]);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError("");
    try {
      const res = await signIn("credentials", {
        redirect: false,
        accountKind: String(form.get("accountKind") ?? ""),
        username: String(form.get("username") ?? ""),
        password: String(form.get("password") ?? ""),
        captchaId: captcha?.id ?? "",
        captchaAnswer: String(form.get("captchaAnswer") ?? ""),
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
        void loadCaptcha(); // a challenge is good for one try
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
          <label htmlFor="captchaAnswer" className="mb-1 block font-semibold">
            驗證碼
          </label>
          <div className="mb-2 flex items-center gap-3">
            {captcha ? (
              // eslint-disable-next-line @next/next/no-img-element
              <img
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(captcha.svg)}`}
                alt="驗證碼圖片：請輸入圖中的 4 個英數字"
                width={150}
                height={50}
                className="rounded border border-line bg-white"
              />
            ) : (
              <span className="inline-flex h-[50px] w-[150px] items-center justify-center rounded border border-line" role="status">
                <Spinner label="驗證碼載入中" />
              </span>
            )}
            <button type="button" onClick={() => void loadCaptcha()} className="btn btn-secondary">
              換一張
            </button>
          </div>
          <input
            id="captchaAnswer"
            name="captchaAnswer"
            autoComplete="off"
            inputMode="text"
            maxLength={10}
            required
            aria-describedby={ids.captcha}
            className="field-input"
          />
          <p id={ids.captcha} className="mt-1 text-sm text-muted">
            請輸入圖中的 4 個英數字，不分大小寫。
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
