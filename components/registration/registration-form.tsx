"use client";

import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import {
  FORM_FIELD_CHOICES,
  FORM_FIELD_LABELS,
  registrationFormSchema,
  type FormFieldId,
  type RegistrationFormValues,
} from "@/lib/registrations/form-schema";
import { initialFormState, type FormState } from "@/lib/form-state";
import { Spinner } from "@/components/ui/spinner";
import { FieldError } from "@/components/ui/field-error";

type Props = {
  fields: FormFieldId[];
  prefill: RegistrationFormValues;
  storedNationalIdMasked: string | null;
  idempotencyKey: string;
  action: (state: FormState, form: FormData) => Promise<FormState>;
};

const HINTS: Partial<Record<string, string>> = {
  mobile: "09 開頭的 10 碼數字，例如 0912345678",
  birthday: "西元年月日",
  nationalId: "身分證字號或居留證統一證號，例如 A123456789",
  emergencyContactPhone: "手機或市話，例如 0912345678、02-23456789",
};

/** The course's own form. Everything typed stays in the browser's state, whatever the server says. */
export function RegistrationForm({ fields, prefill, storedNationalIdMasked, idempotencyKey, action }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [values, setValues] = useState<RegistrationFormValues>(() => ({ ...prefill }));
  const [useStoredId, setUseStoredId] = useState(!!storedNationalIdMasked);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const schemaFields = useStoredId ? fields.filter((f) => f !== "nationalId") : fields;
  // After a refused submit, a summary of what to fix takes focus (and the phone's view): the
  // messages beside the fields may be far above or below the button.
  const summary = useRef<HTMLDivElement>(null);
  const [summaryShown, setSummaryShown] = useState(false);
  const focusSummary = () => {
    setSummaryShown(true);
    requestAnimationFrame(() => summary.current?.focus());
  };
  useEffect(() => {
    if (state.fieldErrors && Object.keys(state.fieldErrors).length) focusSummary();
  }, [state]);

  function errorsFor(v: RegistrationFormValues): Record<string, string[]> {
    const parsed = registrationFormSchema(schemaFields).safeParse(v);
    const out: Record<string, string[]> = {};
    if (!parsed.success) for (const i of parsed.error.issues) (out[String(i.path[0])] ??= []).push(i.message);
    return out;
  }

  const set = (name: string, value: string) => {
    const next = { ...values, [name]: value };
    setValues(next);
    if (touched[name]) setClientErrors(errorsFor(next));
  };
  const blur = (name: string) => {
    setTouched((t) => ({ ...t, [name]: true }));
    setClientErrors(errorsFor(values));
  };

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    if (pending) {
      e.preventDefault();
      return;
    }
    const errs = errorsFor(values);
    setClientErrors(errs);
    setTouched(Object.fromEntries(Object.keys(errs).map((k) => [k, true])));
    if (Object.keys(errs).length) {
      e.preventDefault();
      focusSummary();
    }
  }

  const serverErrors = state.fieldErrors ?? {};
  const shown = (name: string) => (touched[name] ? clientErrors[name] : undefined) ?? serverErrors[name];
  // The form's inputs in order, with the words their labels say.
  const inputs: [string, string][] = fields.flatMap((f): [string, string][] =>
    f === "emergencyContact"
      ? [["emergencyContactName", "緊急聯絡人姓名"], ["emergencyContactPhone", "緊急聯絡人電話"]]
      : f === "nationalId" && useStoredId && storedNationalIdMasked
        ? []
        : [[f, FORM_FIELD_LABELS[f]]],
  );
  const toFix = inputs.filter(([name]) => shown(name)?.length);

  const input = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => {
    const err = shown(name);
    const hint = HINTS[name];
    const describedBy = [hint ? `${name}-hint` : "", err ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;
    return (
      <div key={name}>
        <label htmlFor={`f-${name}`} className="mb-1 block font-semibold">
          {label} <span className="text-danger">*</span>
        </label>
        <input
          id={`f-${name}`}
          name={name}
          value={values[name] ?? ""}
          onChange={(e) => set(name, e.target.value)}
          onBlur={() => blur(name)}
          required
          aria-required="true"
          aria-invalid={err ? true : undefined}
          aria-describedby={describedBy}
          className="field-input"
          {...props}
        />
        {hint && (
          <p id={`${name}-hint`} className="mt-1 text-sm text-muted">
            {hint}
          </p>
        )}
        <FieldError id={`${name}-error`} messages={err} />
      </div>
    );
  };

  const choice = (name: FormFieldId) => {
    const options = FORM_FIELD_CHOICES[name]!;
    const err = shown(name);
    if (options.length > 4) {
      return (
        <div key={name}>
          <label htmlFor={`f-${name}`} className="mb-1 block font-semibold">
            {FORM_FIELD_LABELS[name]} <span className="text-danger">*</span>
          </label>
          <select
            id={`f-${name}`}
            name={name}
            value={values[name] ?? ""}
            onChange={(e) => set(name, e.target.value)}
            onBlur={() => blur(name)}
            required
            aria-invalid={err ? true : undefined}
            aria-describedby={err ? `${name}-error` : undefined}
            className="field-input"
          >
            <option value="">請選擇</option>
            {options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
          <FieldError id={`${name}-error`} messages={err} />
        </div>
      );
    }
    return (
      <fieldset key={name} id={`f-${name}`} tabIndex={-1} aria-describedby={err ? `${name}-error` : undefined}>
        <legend className="mb-1 font-semibold">
          {FORM_FIELD_LABELS[name]} <span className="text-danger">*</span>
        </legend>
        <div className="flex flex-wrap gap-2">
          {options.map((o) => (
            <label key={o} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line px-4 has-[:checked]:border-accent has-[:checked]:bg-accent-soft">
              <input
                type="radio"
                name={name}
                value={o}
                checked={values[name] === o}
                onChange={() => set(name, o)}
                onBlur={() => blur(name)}
                aria-invalid={err ? true : undefined}
                className="size-4 accent-accent"
              />
              {o}
            </label>
          ))}
        </div>
        <FieldError id={`${name}-error`} messages={err} />
      </fieldset>
    );
  };

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {summaryShown && toFix.length > 0 && (
        <div ref={summary} tabIndex={-1} role="alert" aria-labelledby="fix-heading" className="scroll-mt-4 rounded-lg border border-danger bg-red-50 p-4">
          <h2 id="fix-heading" className="font-semibold text-danger">
            還有 {toFix.length} 個欄位需要修正，請修正後再按「我要報名」：
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {toFix.map(([name, label]) => (
              <li key={name}>
                <a href={`#f-${name}`}>
                  {label}：{shown(name)![0]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.message && !state.ok && !(summaryShown && toFix.length > 0) && (
        <p role="alert" className="rounded-lg border border-danger bg-red-50 p-3 text-danger">
          {state.message}
        </p>
      )}
      {fields.length === 0 && <p className="text-muted">這門課程不需要填寫其他資料，確認後按「我要報名」即可。</p>}
      {fields.map((f) => {
        switch (f) {
          case "jobTitle":
            return input(f, FORM_FIELD_LABELS[f], { autoComplete: "organization-title", maxLength: 30 });
          case "subject":
            return input(f, FORM_FIELD_LABELS[f], { maxLength: 30 });
          case "mobile":
            return input(f, FORM_FIELD_LABELS[f], { type: "tel", inputMode: "tel", autoComplete: "tel", maxLength: 14 });
          case "birthday":
            return input(f, FORM_FIELD_LABELS[f], { type: "date", autoComplete: "bday", max: new Date().toISOString().slice(0, 10) });
          case "nationalId":
            return useStoredId && storedNationalIdMasked ? (
              <div key={f}>
                <p className="mb-1 font-semibold">身分證字號</p>
                <input type="hidden" name="nationalIdUseProfile" value="1" />
                <p className="flex flex-wrap items-center gap-3">
                  <span>使用已登錄的號碼 {storedNationalIdMasked}</span>
                  <button type="button" className="btn btn-secondary" onClick={() => setUseStoredId(false)}>
                    改填其他號碼
                  </button>
                </p>
              </div>
            ) : (
              input(f, FORM_FIELD_LABELS[f], { autoComplete: "off", maxLength: 12, spellCheck: false, autoCapitalize: "characters" })
            );
          case "emergencyContact":
            return (
              <fieldset key={f} className="space-y-3 rounded-lg border border-line p-4">
                <legend className="px-1 font-semibold">緊急聯絡人</legend>
                {input("emergencyContactName", "姓名", { autoComplete: "off", maxLength: 20 })}
                {input("emergencyContactPhone", "電話", { type: "tel", inputMode: "tel", maxLength: 20 })}
              </fieldset>
            );
          default:
            return choice(f);
        }
      })}
      <button type="submit" className="btn btn-primary w-full sm:w-auto" disabled={pending} aria-busy={pending}>
        {pending && <Spinner label="報名處理中" />}
        {pending ? "報名處理中…" : "我要報名"}
      </button>
    </form>
  );
}
