"use client";

import { signOut } from "next-auth/react";
import { useActionState, useEffect, useState } from "react";
import { changePasswordSchema } from "@/lib/auth/password-schema";
import { initialFormState, type FormState } from "@/lib/form-state";
import { Spinner } from "@/components/ui/spinner";
import { FieldError } from "@/components/ui/field-error";

const FIELDS = [
  { name: "currentPassword", label: "目前的密碼", autoComplete: "current-password" },
  { name: "newPassword", label: "新密碼", autoComplete: "new-password" },
  { name: "confirmPassword", label: "再輸入一次新密碼", autoComplete: "new-password" },
] as const;

type Props = { action: (state: FormState, form: FormData) => Promise<FormState> };

export function ChangePasswordForm({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const errors = { ...(state.fieldErrors ?? {}), ...clientErrors };

  useEffect(() => {
    if (state.ok) {
      const t = setTimeout(() => void signOut({ callbackUrl: "/login?callbackUrl=%2Fme" }), 2500);
      return () => clearTimeout(t);
    }
  }, [state.ok]);

  function validate(form: HTMLFormElement): boolean {
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const parsed = changePasswordSchema.safeParse(data);
    const next: Record<string, string[]> = {};
    if (!parsed.success) for (const i of parsed.error.issues) (next[String(i.path[0])] ??= []).push(i.message);
    setClientErrors(next);
    return parsed.success;
  }

  if (state.ok) {
    return (
      <p role="status" className="card border-success bg-green-50 text-success">
        {state.message} 將自動帶您前往登入頁…
      </p>
    );
  }

  return (
    <form
      action={formAction}
      noValidate
      className="card space-y-5"
      onSubmit={(e) => {
        if (!validate(e.currentTarget)) e.preventDefault();
      }}
    >
      {state.message && !state.ok && (
        <p role="alert" className="rounded-lg border border-danger bg-red-50 p-3 text-danger">
          {state.message}
        </p>
      )}
      {FIELDS.map((f) => (
        <div key={f.name}>
          <label htmlFor={f.name} className="mb-1 block font-semibold">
            {f.label}
          </label>
          <input
            id={f.name}
            name={f.name}
            type="password"
            autoComplete={f.autoComplete}
            required
            aria-invalid={errors[f.name] ? true : undefined}
            aria-describedby={errors[f.name] ? `${f.name}-error` : undefined}
            className="field-input"
          />
          <FieldError id={`${f.name}-error`} messages={errors[f.name]} />
        </div>
      ))}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending && <Spinner label="處理中" />}
        {pending ? "變更中…" : "變更密碼"}
      </button>
    </form>
  );
}
