"use client";

import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { profileSchema, GENDERS, POSITION_TYPES, type ProfileField } from "@/lib/people/profile-schema";
import { GENDER_LABELS, POSITION_TYPE_LABELS } from "@/lib/courses/labels";
import { initialFormState, type FormState } from "@/lib/form-state";
import { Spinner } from "@/components/ui/spinner";
import { FieldError } from "@/components/ui/field-error";

type Values = Record<ProfileField, string>;
type Props = { initial: Values; action: (state: FormState, form: FormData) => Promise<FormState> };

const TEXT_FIELDS: { name: ProfileField; label: string; type: string; autoComplete: string; hint?: string; inputMode?: "tel" | "email" }[] = [
  { name: "email", label: "電子郵件", type: "email", autoComplete: "email", inputMode: "email" },
  { name: "mobile", label: "手機號碼", type: "tel", autoComplete: "tel", inputMode: "tel", hint: "選填，09 開頭的 10 碼數字，例如 0912345678" },
  { name: "jobTitle", label: "職稱", type: "text", autoComplete: "organization-title", hint: "選填，例如 教師兼導師" },
  { name: "subject", label: "任教科目", type: "text", autoComplete: "off", hint: "選填，例如 數學" },
];

function errorsOf(values: Values): Record<string, string[]> {
  const parsed = profileSchema.safeParse(values);
  const out: Record<string, string[]> = {};
  if (!parsed.success) for (const i of parsed.error.issues) (out[String(i.path[0])] ??= []).push(i.message);
  return out;
}

/** 修改個人基本資料. What was typed stays in the form whatever the server says. */
export function ProfileForm({ initial, action }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [values, setValues] = useState<Values>(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | null>(null);
  const [touched, setTouched] = useState<Partial<Record<ProfileField, boolean>>>({});
  const statusRef = useRef<HTMLDivElement>(null);
  const errors = clientErrors ?? state.fieldErrors ?? {};

  useEffect(() => {
    // Saved: show the values as stored (e.g. 0912-345-678 becomes 0912345678).
    if (state.ok && state.values) setValues(state.values as Values);
    if (state.message) statusRef.current?.focus();
  }, [state]);

  const set = (name: ProfileField, value: string) => {
    const next = { ...values, [name]: value };
    setValues(next);
    if (touched[name] || errors[name]) setClientErrors(errorsOf(next));
  };
  const blur = (name: ProfileField) => {
    setTouched((t) => ({ ...t, [name]: true }));
    setClientErrors(errorsOf(values));
  };

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    const found = errorsOf(values);
    if (Object.keys(found).length) {
      e.preventDefault();
      const form = e.currentTarget;
      setClientErrors(found);
      setTouched(Object.fromEntries(Object.keys(values).map((k) => [k, true])));
      requestAnimationFrame(() => form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
    } else setClientErrors(null);
  }

  const describedBy = (name: string, hint?: string) => [hint ? `${name}-hint` : "", errors[name] ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;

  return (
    <form action={formAction} noValidate onSubmit={onSubmit} className="card space-y-5" aria-labelledby="editable">
      <h2 id="editable" className="text-lg font-semibold">
        可修改的資料
      </h2>
      <div ref={statusRef} tabIndex={-1} aria-live="polite">
        {state.message &&
          (state.ok ? (
            <p role="status" className="rounded-lg border border-success bg-green-50 p-3 text-success">
              {state.message}
            </p>
          ) : (
            <p role="alert" className="rounded-lg border border-danger bg-red-50 p-3 text-danger">
              {state.message}
            </p>
          ))}
      </div>
      {TEXT_FIELDS.map((f) => (
        <div key={f.name}>
          <label htmlFor={f.name} className="mb-1 block font-semibold">
            {f.label}
            {f.name === "email" && <span className="ml-1 text-sm font-normal text-muted">（必填）</span>}
          </label>
          {f.hint && (
            <p id={`${f.name}-hint`} className="mb-1 text-sm text-muted">
              {f.hint}
            </p>
          )}
          <input
            id={f.name}
            name={f.name}
            type={f.type}
            inputMode={f.inputMode}
            autoComplete={f.autoComplete}
            required={f.name === "email"}
            value={values[f.name]}
            onChange={(e) => set(f.name, e.target.value)}
            onBlur={() => blur(f.name)}
            aria-invalid={errors[f.name] ? true : undefined}
            aria-describedby={describedBy(f.name, f.hint)}
            className="field-input"
          />
          <FieldError id={`${f.name}-error`} messages={errors[f.name]} />
        </div>
      ))}
      <fieldset aria-describedby={errors.gender ? "gender-error" : undefined}>
        <legend className="mb-1 font-semibold">性別</legend>
        <div className="flex flex-wrap gap-3">
          {GENDERS.map((g) => (
            <label key={g} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line px-4 has-[:checked]:border-accent has-[:checked]:bg-accent-soft">
              <input
                type="radio"
                name="gender"
                value={g}
                checked={values.gender === g}
                onChange={() => set("gender", g)}
                aria-invalid={errors.gender ? true : undefined}
                className="size-4 accent-accent"
              />
              {GENDER_LABELS[g]}
            </label>
          ))}
        </div>
        <FieldError id="gender-error" messages={errors.gender} />
      </fieldset>
      <div>
        <label htmlFor="positionType" className="mb-1 block font-semibold">
          職位類別
        </label>
        <select
          id="positionType"
          name="positionType"
          value={values.positionType}
          onChange={(e) => set("positionType", e.target.value)}
          onBlur={() => blur("positionType")}
          aria-invalid={errors.positionType ? true : undefined}
          aria-describedby={errors.positionType ? "positionType-error" : undefined}
          className="field-input"
        >
          <option value="">請選擇</option>
          {POSITION_TYPES.map((p) => (
            <option key={p} value={p}>
              {POSITION_TYPE_LABELS[p]}
            </option>
          ))}
        </select>
        <FieldError id="positionType-error" messages={errors.positionType} />
      </div>
      <button type="submit" className="btn btn-primary" disabled={pending} aria-busy={pending}>
        {pending && <Spinner label="儲存中" />}
        {pending ? "儲存中…" : "儲存"}
      </button>
    </form>
  );
}
