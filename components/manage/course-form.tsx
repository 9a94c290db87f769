"use client";

import { useActionState, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import {
  ADMISSION_MODE_LABELS,
  ADMISSION_MODES,
  CATEGORY_SUGGESTIONS,
  CLASS_TYPES,
  COURSE_FIELD_LABELS,
  COURSE_FIELD_ORDER,
  ELIGIBILITIES,
  ELIGIBILITY_LABELS,
  MAX_TAGS,
  TIME_SLOTS,
  courseFieldErrors,
  joinMoment,
  splitMoment,
  termOf,
  type CourseFormValues,
} from "@/lib/courses/course-form-schema";
import { CLASS_TYPE_LABELS, COUNTIES, TIME_SLOT_LABELS } from "@/lib/courses/labels";
import { TAG_NAMES, unlistedTags } from "@/lib/courses/tags";
import { FORM_FIELD_IDS, FORM_FIELD_LABELS } from "@/lib/registrations/form-schema";
import { initialFormState, type FormState } from "@/lib/form-state";
import { FieldError } from "@/components/ui/field-error";
import { Spinner } from "@/components/ui/spinner";

type Field = keyof CourseFormValues;

type Props = {
  initialValues: CourseFormValues;
  action: (state: FormState, form: FormData) => Promise<FormState>;
  submitLabel: string;
  pendingLabel: string;
  /** A published course: saving changes the public page at once. */
  published?: boolean;
  /** A second button that saves and then submits the course (sent as intent=submit). */
  submitIntent?: { label: string; pendingLabel: string };
  /** Teachers already approved / waitlisted: capacity and waitlist limit cannot go below them. */
  approvedCount?: number;
  waitlistedCount?: number;
};

const HINTS: Partial<Record<Field, string>> = {
  title: "完整的研習名稱，會顯示在搜尋結果與課程頁面",
  category: "例如 一般研習、校本研習、種子研習；可自行輸入",
  subjectPath: "以「 / 」分層，例如 國中 / 教學 / 數學領域",
  schoolYear: "民國學年度，例如 115（依開始日期自動帶入）",
  hours: "以 0.5 小時為單位，例如 3 或 1.5",
  credits: "學分班、學位班填寫",
  venue: "完整地址與教室，例如 臺北市中正區○○路1號 視聽教室",
  audience: "給教師看的說明，例如 全國公私立國民中學數學教師",
  contactPhone: "例如 02-23456789#231",
  fee: "免費請填 0",
  paymentMethod: "例如 無、現場繳費、匯款",
  waitlistLimit: "名額額滿後還可接受的備取人數；0 表示不備取",
};

const CHOICE_FIELDS = new Set<Field>(["classType", "timeSlot", "eligibility", "admissionMode", "tags", "formFields", "onlineRegistration"]);

/** Where each field's input is, for the error summary and for focusing the first error. */
function inputId(field: Field): string {
  if (field === "registrationOpensAt" || field === "registrationClosesAt") return `f-${field}Date`;
  if (CHOICE_FIELDS.has(field)) return `g-${field}`;
  return `f-${field}`;
}

/**
 * 新增課程 / 編輯課程: every course field of domain.md, grouped in fieldsets. The same zod schema
 * as the server checks each field when it is left and everything on 送出; what was typed stays
 * whatever the server answers.
 */
export function CourseForm({ initialValues, action, submitLabel, pendingLabel, submitIntent, published, approvedCount = 0, waitlistedCount = 0 }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [values, setValues] = useState<CourseFormValues>(initialValues);
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const [showSummary, setShowSummary] = useState(false);
  const [intent, setIntent] = useState<"save" | "submit">("save");
  const summaryRef = useRef<HTMLDivElement>(null);
  const uid = useId();

  // Tags a stored course carries that are no longer on the list: shown ticked, to be unticked.
  const [unlisted] = useState(() => unlistedTags(initialValues.tags));

  const validate = (v: CourseFormValues) => setClientErrors(courseFieldErrors(v));

  function update(patch: Partial<CourseFormValues>, field?: Field) {
    const next = { ...values, ...patch };
    setValues(next);
    if (field && touched[field]) validate(next);
  }
  function leave(field: Field) {
    setTouched((t) => ({ ...t, [field]: true }));
    validate(values);
  }

  /** Picking a start date fills the end date (when empty or earlier) and the school term. */
  function setStartDate(startDate: string) {
    const patch: Partial<CourseFormValues> = { startDate };
    const d = new Date(`${startDate}T00:00:00Z`);
    if (/^\d{4}-\d{2}-\d{2}$/.test(startDate) && !Number.isNaN(d.getTime())) {
      if (!values.endDate || values.endDate < startDate) patch.endDate = startDate;
      const term = termOf(d);
      patch.schoolYear = String(term.schoolYear);
      patch.semester = String(term.semester);
    }
    update(patch, "startDate");
  }

  /** Changing the class type offers that type's categories and clears credits of non-credit classes. */
  function setClassType(classType: string) {
    const patch: Partial<CourseFormValues> = { classType };
    const suggestions = CATEGORY_SUGGESTIONS[classType as keyof typeof CATEGORY_SUGGESTIONS] ?? [];
    const otherTypes = Object.entries(CATEGORY_SUGGESTIONS).filter(([k]) => k !== classType).flatMap(([, v]) => v);
    if (!values.category || otherTypes.includes(values.category)) patch.category = suggestions[0] ?? "";
    if (classType === "NON_CREDIT") patch.credits = "";
    update(patch, "classType");
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    if (pending) {
      e.preventDefault();
      return;
    }
    const errs = courseFieldErrors(values);
    setClientErrors(errs);
    setTouched(Object.fromEntries(COURSE_FIELD_ORDER.map((k) => [k, true])));
    if (Object.keys(errs).length) {
      e.preventDefault();
      setShowSummary(true);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } else {
      setShowSummary(false);
    }
  }

  const serverErrors = state.fieldErrors ?? {};
  const shown = (field: Field): string[] | undefined => (touched[field] ? clientErrors[field] : undefined) ?? serverErrors[field];
  const errorFields = COURSE_FIELD_ORDER.filter((f) => shown(f)?.length);

  const describedBy = (field: Field, extra?: string) =>
    [HINTS[field] ? `${field}-hint` : "", extra ?? "", shown(field) ? `${field}-error` : ""].filter(Boolean).join(" ") || undefined;

  const label = (field: Field, required = true, htmlFor = `f-${field}`) => (
    <label htmlFor={htmlFor} className="mb-1 block font-semibold">
      {COURSE_FIELD_LABELS[field]}
      {required && (
        <>
          {" "}
          <span className="text-danger" aria-hidden="true">
            *
          </span>
        </>
      )}
    </label>
  );

  const hintAndError = (field: Field) => (
    <>
      {HINTS[field] && (
        <p id={`${field}-hint`} className="mt-1 text-sm text-muted">
          {HINTS[field]}
        </p>
      )}
      <FieldError id={`${field}-error`} messages={shown(field)} />
    </>
  );

  const input = (field: Exclude<Field, "tags" | "formFields" | "onlineRegistration">, props: React.InputHTMLAttributes<HTMLInputElement> = {}, required = true) => (
    <div>
      {label(field, required)}
      <input
        id={`f-${field}`}
        name={field}
        value={values[field]}
        onChange={(e) => (field === "startDate" ? setStartDate(e.target.value) : update({ [field]: e.target.value }, field))}
        onBlur={() => leave(field)}
        aria-required={required || undefined}
        aria-invalid={shown(field) ? true : undefined}
        aria-describedby={describedBy(field)}
        className="field-input"
        {...props}
      />
      {hintAndError(field)}
    </div>
  );

  const textarea = (field: "description" | "audience", rows: number, maxLength: number) => (
    <div>
      {label(field)}
      <textarea
        id={`f-${field}`}
        name={field}
        rows={rows}
        maxLength={maxLength}
        value={values[field]}
        onChange={(e) => update({ [field]: e.target.value }, field)}
        onBlur={() => leave(field)}
        aria-required="true"
        aria-invalid={shown(field) ? true : undefined}
        aria-describedby={describedBy(field)}
        className="field-input"
      />
      {hintAndError(field)}
    </div>
  );

  const radios = (field: "classType" | "timeSlot" | "eligibility" | "admissionMode", options: readonly string[], labels: Record<string, string>, onPick?: (v: string) => void) => (
    <fieldset id={`g-${field}`} tabIndex={-1} aria-describedby={describedBy(field)} aria-invalid={shown(field) ? true : undefined}>
      <legend className="mb-1 font-semibold">
        {COURSE_FIELD_LABELS[field]}{" "}
        <span className="text-danger" aria-hidden="true">
          *
        </span>
      </legend>
      <div className="flex flex-wrap gap-2">
        {options.map((o) => (
          <label
            key={o}
            className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line px-3 py-1.5 has-[:checked]:border-accent has-[:checked]:bg-accent-soft has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-accent"
          >
            <input
              type="radio"
              name={field}
              value={o}
              checked={values[field] === o}
              onChange={() => (onPick ? onPick(o) : update({ [field]: o }, field))}
              onBlur={() => leave(field)}
              className="size-4 shrink-0 accent-accent"
            />
            {labels[o]}
          </label>
        ))}
      </div>
      {hintAndError(field)}
    </fieldset>
  );

  const moment = (field: "registrationOpensAt" | "registrationClosesAt", timeHint: string) => {
    const [date, time] = splitMoment(values[field]);
    const set = (d: string, t: string) => update({ [field]: joinMoment(d, t) }, field);
    const err = shown(field);
    return (
      <fieldset aria-describedby={err ? `${field}-error` : undefined}>
        <legend className="mb-1 font-semibold">
          {COURSE_FIELD_LABELS[field]}{" "}
          <span className="text-danger" aria-hidden="true">
            *
          </span>
        </legend>
        <div className="grid grid-cols-[minmax(0,1fr)_6.5rem] gap-2">
          <div>
            <label htmlFor={`f-${field}Date`} className="sr-only">
              {COURSE_FIELD_LABELS[field]}（日期）
            </label>
            <input
              id={`f-${field}Date`}
              name={`${field}Date`}
              type="date"
              value={date}
              onChange={(e) => set(e.target.value, time)}
              onBlur={() => leave(field)}
              aria-invalid={err ? true : undefined}
              aria-describedby={[err ? `${field}-error` : ""].filter(Boolean).join(" ") || undefined}
              className="field-input"
            />
          </div>
          <div>
            <label htmlFor={`f-${field}Time`} className="sr-only">
              {COURSE_FIELD_LABELS[field]}（時間，24小時制）
            </label>
            <input
              id={`f-${field}Time`}
              name={`${field}Time`}
              inputMode="numeric"
              placeholder="08:00"
              maxLength={5}
              autoComplete="off"
              value={time}
              onChange={(e) => set(date, e.target.value)}
              onBlur={() => leave(field)}
              aria-invalid={err ? true : undefined}
              aria-describedby={[`${field}-time-hint`, err ? `${field}-error` : ""].filter(Boolean).join(" ")}
              className="field-input tabular-nums"
            />
          </div>
        </div>
        <p id={`${field}-time-hint`} className="mt-1 text-sm text-muted">
          {timeHint}
        </p>
        <FieldError id={`${field}-error`} messages={err} />
      </fieldset>
    );
  };

  const capacity = Number(values.classCount) * Number(values.seatsPerClass);
  const credit = values.classType !== "NON_CREDIT";

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6" aria-describedby={`${uid}-required`}>
      <p id={`${uid}-required`} className="text-sm text-muted">
        標示 <span className="text-danger">*</span> 的欄位為必填。
      </p>

      {(showSummary || (!state.ok && state.message)) && errorFields.length > 0 ? (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="rounded-lg border border-danger bg-red-50 p-4 text-red-900">
          <p className="font-semibold">{!state.ok && state.message && !showSummary ? state.message : `有 ${errorFields.length} 個欄位需要修正：`}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {errorFields.map((f) => (
              <li key={f}>
                <a href={`#${inputId(f)}`} className="text-red-900">
                  {COURSE_FIELD_LABELS[f]}：{shown(f)![0]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        state.message && (
          <p role={state.ok ? "status" : "alert"} className={state.ok ? "rounded-lg border border-success bg-green-50 p-3 text-green-900" : "rounded-lg border border-danger bg-red-50 p-3 text-danger"}>
            {state.message}
          </p>
        )
      )}

      <Section title="基本資料" id={`${uid}-basic`}>
        {input("title", { maxLength: 120, autoComplete: "off" })}
        {radios("classType", CLASS_TYPES, CLASS_TYPE_LABELS, setClassType)}
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            {label("category")}
            <input
              id="f-category"
              name="category"
              list={`${uid}-categories`}
              value={values.category}
              onChange={(e) => update({ category: e.target.value }, "category")}
              onBlur={() => leave("category")}
              aria-required="true"
              aria-invalid={shown("category") ? true : undefined}
              aria-describedby={describedBy("category")}
              maxLength={30}
              className="field-input"
            />
            <datalist id={`${uid}-categories`}>
              {(CATEGORY_SUGGESTIONS[values.classType as keyof typeof CATEGORY_SUGGESTIONS] ?? []).map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
            {hintAndError("category")}
          </div>
          {input("subjectPath", { maxLength: 100 })}
        </div>
        <fieldset id="g-tags" tabIndex={-1} aria-describedby={[`tags-hint`, shown("tags") ? "tags-error" : ""].filter(Boolean).join(" ")}>
          <legend className="mb-1 font-semibold">{COURSE_FIELD_LABELS.tags}</legend>
          <p id="tags-hint" className="mb-2 text-sm text-muted">
            從清單中勾選，可複選，最多 {MAX_TAGS} 個；教師可依標籤搜尋。已選 <span className="tabular-nums">{values.tags.length}</span> 個。
          </p>
          <ul className="flex flex-wrap gap-2">
            {[...TAG_NAMES, ...unlisted].map((t) => (
              <li key={t}>
                <label className="flex min-h-11 cursor-pointer items-center gap-2 rounded-full border border-line px-3 text-sm has-[:checked]:border-accent has-[:checked]:bg-accent-soft has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-accent">
                  <input
                    type="checkbox"
                    name="tags"
                    value={t}
                    checked={values.tags.includes(t)}
                    onChange={(e) => {
                      const tags = e.target.checked ? [...values.tags, t] : values.tags.filter((x) => x !== t);
                      setValues({ ...values, tags });
                      setTouched((x) => ({ ...x, tags: true }));
                      validate({ ...values, tags });
                    }}
                    className="size-4 accent-accent"
                  />
                  {t}
                  {unlisted.includes(t) && <span className="text-danger">（不在清單中，請取消勾選）</span>}
                </label>
              </li>
            ))}
          </ul>
          <FieldError id="tags-error" messages={shown("tags")} />
        </fieldset>
      </Section>

      <Section title="日期與地點" id={`${uid}-when`}>
        <div className="grid gap-4 sm:grid-cols-2">
          {input("startDate", { type: "date" })}
          {input("endDate", { type: "date", min: values.startDate || undefined })}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          {input("schoolYear", { inputMode: "numeric", maxLength: 3 })}
          <div>
            {label("semester")}
            <select
              id="f-semester"
              name="semester"
              value={values.semester}
              onChange={(e) => update({ semester: e.target.value }, "semester")}
              onBlur={() => leave("semester")}
              aria-required="true"
              aria-invalid={shown("semester") ? true : undefined}
              aria-describedby={describedBy("semester")}
              className="field-input"
            >
              <option value="">請選擇</option>
              <option value="1">第1學期（8月至1月）</option>
              <option value="2">第2學期（2月至7月）</option>
            </select>
            {hintAndError("semester")}
          </div>
        </div>
        {radios("timeSlot", TIME_SLOTS, TIME_SLOT_LABELS)}
        <div className="grid gap-4 sm:grid-cols-[12rem_minmax(0,1fr)]">
          <div>
            {label("venueCounty")}
            <select
              id="f-venueCounty"
              name="venueCounty"
              value={values.venueCounty}
              onChange={(e) => update({ venueCounty: e.target.value }, "venueCounty")}
              onBlur={() => leave("venueCounty")}
              aria-required="true"
              aria-invalid={shown("venueCounty") ? true : undefined}
              aria-describedby={describedBy("venueCounty")}
              className="field-input"
            >
              <option value="">請選擇縣市</option>
              {COUNTIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            {hintAndError("venueCounty")}
          </div>
          {input("venue", { maxLength: 200 })}
        </div>
      </Section>

      <Section title="時數與內容" id={`${uid}-content`}>
        <div className="grid gap-4 sm:grid-cols-2">
          {input("hours", { inputMode: "decimal", maxLength: 6 })}
          {credit ? input("credits", { inputMode: "numeric", maxLength: 3 }) : <input type="hidden" name="credits" value="" />}
        </div>
        {textarea("audience", 2, 500)}
        {textarea("description", 8, 5000)}
      </Section>

      <Section title="名額與費用" id={`${uid}-seats`}>
        <div className="grid gap-4 sm:grid-cols-2">
          {input("classCount", { inputMode: "numeric", maxLength: 2 })}
          {input("seatsPerClass", { inputMode: "numeric", maxLength: 4 })}
        </div>
        <p className="rounded-lg bg-surface px-4 py-3" aria-live="polite">
          總名額（開班班數 × 各班人數）：
          <strong className="tabular-nums">{Number.isFinite(capacity) && capacity > 0 ? `${capacity.toLocaleString("zh-TW")} 人` : "—"}</strong>
          {approvedCount > 0 && <span className="block text-sm text-muted">已有 {approvedCount} 位教師審核通過，總名額不可少於 {approvedCount} 人。</span>}
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          {input("fee", { inputMode: "numeric", maxLength: 9 })}
          {input("paymentMethod", { maxLength: 30 })}
        </div>
      </Section>

      <Section title="承辦人" id={`${uid}-contact`}>
        <div className="grid gap-4 sm:grid-cols-2">
          {input("contactName", { maxLength: 30, autoComplete: "name" })}
          {input("contactPhone", { type: "tel", maxLength: 30, autoComplete: "tel" })}
        </div>
        {input("contactEmail", { type: "email", maxLength: 120, autoComplete: "email" })}
      </Section>

      <Section title="線上報名" id={`${uid}-online`}>
        <div id="g-onlineRegistration" tabIndex={-1}>
          <label className="flex min-h-11 cursor-pointer items-start gap-3">
            <input
              type="checkbox"
              name="onlineRegistration"
              checked={values.onlineRegistration}
              onChange={(e) => update({ onlineRegistration: e.target.checked }, "onlineRegistration")}
              aria-describedby="onlineRegistration-hint"
              className="mt-1.5 size-5 shrink-0 accent-accent"
            />
            <span>
              <span className="font-semibold">提供線上報名</span>
              <span id="onlineRegistration-hint" className="block text-sm text-muted">
                不勾選時，課程頁面顯示「未提供線上報名」，請教師洽承辦人報名。
              </span>
            </span>
          </label>
        </div>
        {/* Hidden, not removed: the values stay (and are sent) when online registration is turned off and on again. */}
        <div hidden={!values.onlineRegistration} className="space-y-5">
          <div className="grid gap-4 sm:grid-cols-2">
            {moment("registrationOpensAt", "時間以24小時制填寫，例如 08:00")}
            {moment("registrationClosesAt", "24小時制；填 24:00 表示當天結束，例如 2026-03-20 24:00")}
          </div>
          {radios("eligibility", ELIGIBILITIES, ELIGIBILITY_LABELS)}
          {radios("admissionMode", ADMISSION_MODES, ADMISSION_MODE_LABELS)}
          <div className="sm:w-1/2">{input("waitlistLimit", { inputMode: "numeric", maxLength: 5 })}</div>
          {waitlistedCount > 0 && <p className="text-sm text-muted">目前已有 {waitlistedCount} 位備取，備取名額不可少於 {waitlistedCount} 人。</p>}
          <fieldset id="g-formFields" tabIndex={-1} aria-describedby={["formFields-hint", shown("formFields") ? "formFields-error" : ""].filter(Boolean).join(" ")}>
            <legend className="mb-1 font-semibold">{COURSE_FIELD_LABELS.formFields}</legend>
            <p id="formFields-hint" className="mb-2 text-sm text-muted">
              勾選報名時要教師填寫的欄位（勾選的欄位皆為必填）；姓名、服務學校、職位類別與電子郵件會自動帶入。
            </p>
            <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {FORM_FIELD_IDS.map((f) => (
                <label key={f} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-line px-3 has-[:checked]:border-accent has-[:checked]:bg-accent-soft has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-accent">
                  <input
                    type="checkbox"
                    name="formFields"
                    value={f}
                    checked={values.formFields.includes(f)}
                    onChange={(e) => update({ formFields: e.target.checked ? [...values.formFields, f] : values.formFields.filter((x) => x !== f) }, "formFields")}
                    className="size-4 accent-accent"
                  />
                  {FORM_FIELD_LABELS[f]}
                </label>
              ))}
            </div>
            <FieldError id="formFields-error" messages={shown("formFields")} />
          </fieldset>
        </div>
      </Section>

      <div data-sticky-actions className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-t border-line bg-white/95 px-4 py-3 sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:px-0">
        <button
          type="submit"
          className={`btn w-full sm:w-auto ${submitIntent ? "btn-secondary" : "btn-primary"}`}
          disabled={pending}
          aria-busy={pending && intent === "save"}
          onClick={() => setIntent("save")}
        >
          {pending && intent === "save" && <Spinner label={pendingLabel} />}
          {pending && intent === "save" ? `${pendingLabel}…` : submitLabel}
        </button>
        {submitIntent && (
          <button
            type="submit"
            name="intent"
            value="submit"
            className="btn btn-primary w-full sm:w-auto"
            disabled={pending}
            aria-busy={pending && intent === "submit"}
            onClick={() => setIntent("submit")}
          >
            {pending && intent === "submit" && <Spinner label={submitIntent.pendingLabel} />}
            {pending && intent === "submit" ? `${submitIntent.pendingLabel}…` : submitIntent.label}
          </button>
        )}
        {published && <p className="text-sm text-muted">這門課程已公告：儲存後課程頁面立即更新，研習搜尋約一分鐘內更新。</p>}
      </div>
    </form>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <fieldset className="card min-w-0">
      <legend className="float-left mb-4 w-full">
        <h2 id={id} className="text-lg font-bold">
          {title}
        </h2>
      </legend>
      <div className="clear-both space-y-5">{children}</div>
    </fieldset>
  );
}
