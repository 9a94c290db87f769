"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { forgotPasswordSchema } from "@/lib/auth/password-reset-schema";
import { initialFormState, type FormState } from "@/lib/form-state";
import { Spinner } from "@/components/ui/spinner";
import { FieldError } from "@/components/ui/field-error";

type Props = { action: (state: FormState, form: FormData) => Promise<FormState> };

/** 忘記密碼: username or e-mail. The answer never says whether the account exists. */
export function ForgotPasswordForm({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [value, setValue] = useState("");
  const [clientError, setClientError] = useState<string[] | undefined>();
  const errors = clientError ?? state.fieldErrors?.identifier;

  if (state.ok) {
    return (
      <div role="status" className="card space-y-3 border-success bg-green-50">
        <p className="font-semibold text-success">已收到您的申請。</p>
        <p>
          如果「<span className="break-all">{state.values?.identifier}</span>」是進修網的帳號或登記的電子郵件，重設密碼的連結已寄到該帳號的電子郵件信箱，30
          分鐘內有效。
        </p>
        <p className="text-sm text-muted">幾分鐘內沒收到信，請檢查垃圾郵件匣，或確認輸入的帳號後再申請一次。</p>
        <p>
          <Link href="/login" className="btn btn-secondary">
            回登入頁
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form
      action={formAction}
      noValidate
      className="card space-y-5"
      onSubmit={(e) => {
        const parsed = forgotPasswordSchema.safeParse({ identifier: value });
        if (!parsed.success) {
          e.preventDefault();
          setClientError(parsed.error.issues.map((i) => i.message));
        } else setClientError(undefined);
      }}
    >
      {state.message && (
        <p role="alert" className="rounded-lg border border-danger bg-red-50 p-3 text-danger">
          {state.message}
        </p>
      )}
      <div>
        <label htmlFor="identifier" className="mb-1 block font-semibold">
          帳號或電子郵件
        </label>
        <input
          id="identifier"
          name="identifier"
          autoComplete="username"
          required
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? "identifier-error" : undefined}
          className="field-input"
        />
        <FieldError id="identifier-error" messages={errors} />
      </div>
      <button type="submit" className="btn btn-primary w-full" disabled={pending} aria-busy={pending}>
        {pending && <Spinner label="處理中" />}
        {pending ? "送出中…" : "寄送重設密碼連結"}
      </button>
      <p className="text-center text-sm">
        <Link href="/login">想起密碼了？回登入頁</Link>
      </p>
    </form>
  );
}
