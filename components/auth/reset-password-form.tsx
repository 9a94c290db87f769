"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { resetPasswordSchema } from "@/lib/auth/password-reset-schema";
import { initialFormState, type FormState } from "@/lib/form-state";
import { Spinner } from "@/components/ui/spinner";
import { FieldError } from "@/components/ui/field-error";

const FIELDS = [
  { name: "newPassword", label: "新密碼" },
  { name: "confirmPassword", label: "再輸入一次新密碼" },
] as const;

type Props = { token: string; action: (state: FormState, form: FormData) => Promise<FormState> };

/** 設定新密碼 from the e-mailed link. */
export function ResetPasswordForm({ token, action }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const errors = { ...(state.fieldErrors ?? {}), ...clientErrors };

  if (state.ok) {
    return (
      <div role="status" className="card space-y-3 border-success bg-green-50">
        <p className="font-semibold text-success">{state.message}</p>
        <p>
          帳號：<strong>{state.values?.username}</strong>
        </p>
        <p>
          <Link href="/login?callbackUrl=%2Fme" className="btn btn-primary">
            前往登入
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
        const data = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
        const parsed = resetPasswordSchema.safeParse(data);
        const next: Record<string, string[]> = {};
        if (!parsed.success) for (const i of parsed.error.issues) (next[String(i.path[0])] ??= []).push(i.message);
        setClientErrors(next);
        if (!parsed.success) e.preventDefault();
      }}
    >
      {state.message && (
        <div role="alert" className="rounded-lg border border-danger bg-red-50 p-3 text-danger">
          <p>{state.message}</p>
          {!state.fieldErrors && (
            <p className="mt-2">
              <Link href="/forgot-password">重新申請忘記密碼</Link>
            </p>
          )}
        </div>
      )}
      <input type="hidden" name="token" value={token} />
      {FIELDS.map((f) => (
        <div key={f.name}>
          <label htmlFor={f.name} className="mb-1 block font-semibold">
            {f.label}
          </label>
          <input
            id={f.name}
            name={f.name}
            type="password"
            autoComplete="new-password"
            required
            aria-invalid={errors[f.name] ? true : undefined}
            aria-describedby={errors[f.name] ? `${f.name}-error` : undefined}
            className="field-input"
          />
          <FieldError id={`${f.name}-error`} messages={errors[f.name]} />
        </div>
      ))}
      <button type="submit" className="btn btn-primary w-full" disabled={pending} aria-busy={pending}>
        {pending && <Spinner label="處理中" />}
        {pending ? "設定中…" : "設定新密碼"}
      </button>
    </form>
  );
}
