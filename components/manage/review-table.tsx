"use client";

import { startTransition, useActionState, useEffect, useId, useRef, useState } from "react";
import { initialFormState, type FormState } from "@/lib/form-state";
import { GENDER_LABELS, POSITION_TYPE_LABELS, REGISTRATION_STATUS_LABELS } from "@/lib/courses/labels";
import { formatDateTime } from "@/lib/format/date";
import { DECISION_LABELS, REVIEW_DECISIONS, rejectReasonSchema, type ReviewDecision } from "@/lib/registrations/review-schema";
import { attendanceText } from "@/lib/registrations/review-format";
import type { ReviewRow } from "@/lib/registrations/list-for-review";
import { StatusBadge } from "@/components/ui/status-badge";
import { Spinner } from "@/components/ui/spinner";
import { FieldError } from "@/components/ui/field-error";
import { STATUS_TONE } from "@/components/registration/registrant-list";
import { ReviewReveal, type RevealAnswer } from "@/components/manage/review-reveal";

type Props = {
  rows: ReviewRow[];
  action: (state: FormState, form: FormData) => Promise<FormState>;
  reveal: (id: number) => Promise<RevealAnswer>;
  /** No decisions (e.g. a cancelled course): the list is read-only. */
  readOnly?: string;
};

/** Short words for the row buttons; the bulk bar uses the full ones. */
const ROW_LABELS: Record<ReviewDecision, string> = { APPROVED: "通過", WAITLISTED: "備取", REJECTED: "不錄取", PENDING: "待審核" };
const BUTTON = "btn min-h-11 whitespace-nowrap px-3 py-1 text-sm";
const TONE_BUTTON: Record<ReviewDecision, string> = {
  APPROVED: "btn-primary",
  WAITLISTED: "btn-secondary",
  REJECTED: "btn-secondary border-danger text-danger hover:bg-red-50",
  PENDING: "btn-secondary",
};

/**
 * The registrations with their decisions: one at a time (the row's buttons) or in bulk (the
 * checkboxes, 全選本頁 and the bar above the list). 審核不通過 asks for the reason first.
 * A table from 1024 px, a card per registration below.
 */
export function ReviewTable({ rows, action, reveal, readOnly }: Props) {
  const [state, dispatch, pending] = useActionState(action, initialFormState);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [rejecting, setRejecting] = useState<number[] | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string[] | undefined>();
  const [localError, setLocalError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const selectAll = useRef<HTMLInputElement>(null);
  const reasonId = useId();

  const selectable = rows.filter((r) => r.status !== "CANCELLED");
  const allSelected = selectable.length > 0 && selectable.every((r) => selected.has(r.id));
  const someSelected = selectable.some((r) => selected.has(r.id));
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = someSelected && !allSelected;
  }, [someSelected, allSelected]);

  // After the server answers: success clears the selection; a missing reason keeps the dialog open.
  useEffect(() => {
    if (pending) return;
    if (state.ok) {
      setSelected(new Set());
      setRejecting(null);
      setReason("");
      dialog.current?.close();
    } else if (state.fieldErrors?.reason) {
      setReasonError(state.fieldErrors.reason);
    } else if (state.message) {
      dialog.current?.close();
      setRejecting(null);
    }
    setBusy(null);
  }, [state, pending]);

  function submit(ids: number[], decision: ReviewDecision, why: string | undefined, key: string) {
    setLocalError(null);
    if (ids.length === 0) {
      setLocalError("請先勾選要審核的報名，再按審核結果。");
      return;
    }
    const form = new FormData();
    for (const id of ids) form.append("ids", String(id));
    form.set("decision", decision);
    if (why) form.set("reason", why);
    setBusy(key);
    startTransition(() => dispatch(form));
  }

  function decide(ids: number[], decision: ReviewDecision, key: string) {
    if (decision === "REJECTED") {
      if (ids.length === 0) return submit(ids, decision, undefined, key);
      setRejecting(ids);
      setReasonError(undefined);
      setLocalError(null);
      dialog.current?.showModal();
      return;
    }
    submit(ids, decision, undefined, key);
  }

  function confirmReject() {
    const parsed = rejectReasonSchema.safeParse(reason);
    if (!parsed.success) {
      setReasonError(parsed.error.issues.map((i) => i.message));
      return;
    }
    submit(rejecting ?? [], "REJECTED", parsed.data, "dialog");
  }

  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const ids = [...selected];
  const otherErrors = Object.entries(state.fieldErrors ?? {})
    .filter(([k]) => k !== "reason")
    .flatMap(([, v]) => v);
  const message = localError ?? (otherErrors.length ? otherErrors.join(" ") : state.message);

  return (
    <div>
      {!readOnly && (
        <div className="sticky top-0 z-10 mb-3 rounded-xl border border-line bg-white p-3 shadow-sm" role="group" aria-label="批次審核">
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <label className="flex min-h-11 items-center gap-2 font-semibold">
              <input
                ref={selectAll}
                type="checkbox"
                className="size-5 accent-accent"
                checked={allSelected}
                disabled={selectable.length === 0}
                onChange={() => setSelected(allSelected ? new Set() : new Set(selectable.map((r) => r.id)))}
              />
              全選本頁
            </label>
            <span aria-live="polite" className="text-muted">
              已選 <strong className="text-ink">{ids.length}</strong> 位
            </span>
            <div className="flex flex-wrap gap-2">
              {REVIEW_DECISIONS.map((d) => (
                <button
                  key={d}
                  type="button"
                  className={`${BUTTON} ${TONE_BUTTON[d]}`}
                  disabled={pending}
                  onClick={() => decide(ids, d, `bulk-${d}`)}
                  aria-label={`${d === "REJECTED" ? "審核不通過…" : DECISION_LABELS[d]}（已選的報名）`}
                >
                  {busy === `bulk-${d}` && pending && <Spinner label="處理中" />}
                  {d === "REJECTED" ? "審核不通過…" : DECISION_LABELS[d]}
                </button>
              ))}
            </div>
          </div>
        </div>
      )}
      {readOnly && <p className="card mb-3 bg-surface">{readOnly}</p>}

      <div aria-live="polite" aria-atomic="true">
        {message && (state.ok && !localError ? (
          <p role="status" className="mb-3 rounded-lg border border-success bg-green-50 p-3 text-green-900">
            {message}
          </p>
        ) : (
          <p role="alert" className="mb-3 rounded-lg border border-danger bg-red-50 p-3 text-danger">
            {message}
          </p>
        ))}
      </div>

      {rows.length === 0 ? (
        <p className="card text-muted">沒有符合條件的報名。可以改選其他處理狀態，或清除搜尋條件。</p>
      ) : (
        <table role="table" className="block w-full border-collapse text-left lg:table">
          <caption className="sr-only">報名名單（{rows.length} 筆）</caption>
          <thead role="rowgroup" className="sr-only border-b-2 border-line text-sm text-muted lg:not-sr-only lg:table-header-group">
            <tr role="row">
              {["選取", "編號", "教師", "服務學校", "報名資料", "處理狀態", "審核"].map((h) => (
                <th key={h} role="columnheader" scope="col" className="whitespace-nowrap px-2 py-2 font-semibold">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup" className="block space-y-3 lg:table-row-group lg:space-y-0">
            {rows.map((r) => (
              <tr
                key={r.id}
                role="row"
                className={`grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 rounded-xl border border-line p-4 lg:table-row lg:rounded-none lg:border-0 lg:border-b lg:p-0 ${
                  selected.has(r.id) ? "bg-accent-soft" : "bg-white"
                }`}
              >
                <td role="cell" className="row-span-2 lg:table-cell lg:px-2 lg:py-3 lg:align-top">
                  {r.status !== "CANCELLED" && !readOnly && (
                    <input type="checkbox" className="mt-1 size-5 accent-accent" checked={selected.has(r.id)} onChange={() => toggle(r.id)} aria-label={`選取 ${r.name}`} />
                  )}
                </td>
                <td role="cell" className="hidden tabular-nums lg:table-cell lg:px-2 lg:py-3 lg:align-top">{r.no}</td>
                <td role="cell" className="min-w-0 lg:table-cell lg:min-w-[13rem] lg:px-2 lg:py-3 lg:align-top">
                  <p className="font-semibold">
                    <span className="text-muted lg:hidden">{r.no}. </span>
                    {r.name}
                  </p>
                  <p className="text-sm text-muted">
                    {[r.gender ? GENDER_LABELS[r.gender] : null, r.positionType ? POSITION_TYPE_LABELS[r.positionType] : null].filter(Boolean).join("・") || "—"}
                  </p>
                  <p className="text-sm [overflow-wrap:anywhere]">{r.email}</p>
                </td>
                <td role="cell" className="col-start-2 min-w-0 text-sm lg:table-cell lg:px-2 lg:py-3 lg:align-top">
                  <span className="text-muted lg:hidden">服務學校：</span>
                  {r.schoolName || "—"}
                </td>
                <td role="cell" className="col-span-2 min-w-0 text-sm lg:table-cell lg:px-2 lg:py-3 lg:align-top">
                  {r.answers.length === 0 && !r.nationalIdMasked ? (
                    <span className="text-muted">（無其他報名資料）</span>
                  ) : (
                    <dl className="grid grid-cols-[auto_1fr] items-center gap-x-2">
                      {r.answers.map((a) => (
                        <div key={a.label} className="contents">
                          <dt className="text-muted">{a.label}</dt>
                          <dd className="break-words">{a.value || "—"}</dd>
                        </div>
                      ))}
                      {r.nationalIdMasked && (
                        <div className="contents">
                          <dt className="text-muted">身分證字號</dt>
                          <dd>
                            <ReviewReveal masked={r.nationalIdMasked} name={r.name} reveal={() => reveal(r.id)} />
                          </dd>
                        </div>
                      )}
                    </dl>
                  )}
                </td>
                <td role="cell" className="col-span-2 text-sm lg:table-cell lg:px-2 lg:py-3 lg:align-top">
                  <StatusBadge tone={STATUS_TONE[r.status]}>{REGISTRATION_STATUS_LABELS[r.status]}</StatusBadge>
                  {r.decisionNote && <p className="mt-1">說明：{r.decisionNote}</p>}
                  {r.status === "APPROVED" && r.attended !== null && <p className="mt-1">出席：{attendanceText(r.attended)}</p>}
                  <p className="mt-1 text-muted lg:whitespace-nowrap">報名時間 {formatDateTime(new Date(r.registeredAt))}</p>
                </td>
                <td role="cell" className="col-span-2 lg:table-cell lg:px-2 lg:py-3 lg:align-top">
                  {r.status === "CANCELLED" ? (
                    <span className="text-sm text-muted">教師已取消，無法審核</span>
                  ) : readOnly ? null : (
                    <div className="flex flex-wrap gap-2 lg:grid lg:grid-cols-2">
                      {REVIEW_DECISIONS.filter((d) => d !== r.status).map((d) => (
                        <button
                          key={d}
                          type="button"
                          className={`${BUTTON} ${TONE_BUTTON[d]}`}
                          disabled={pending}
                          onClick={() => decide([r.id], d, `${r.id}-${d}`)}
                          aria-label={`${ROW_LABELS[d]}：${r.name}`}
                        >
                          {busy === `${r.id}-${d}` && pending && <Spinner label="處理中" />}
                          {ROW_LABELS[d]}
                        </button>
                      ))}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <dialog
        ref={dialog}
        aria-labelledby={`${reasonId}-title`}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl p-6 backdrop:bg-black/40"
        onClose={() => setRejecting(null)}
      >
        <h2 id={`${reasonId}-title`} className="text-lg font-bold">
          審核不通過（不錄取）
        </h2>
        <p className="mt-2 text-muted">
          將 {rejecting?.length ?? 0} 位教師設為「審核不通過」。教師會在通知信與個人報名記錄中看到您填寫的原因。
        </p>
        <form
          className="mt-4 space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            confirmReject();
          }}
          noValidate
        >
          <div>
            <label htmlFor={`${reasonId}-reason`} className="mb-1 block font-semibold">
              不錄取原因 <span className="text-danger">*</span>
            </label>
            <textarea
              id={`${reasonId}-reason`}
              name="reason"
              rows={3}
              maxLength={200}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                if (reasonError) setReasonError(undefined);
              }}
              required
              aria-required="true"
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={`${reasonId}-hint${reasonError ? ` ${reasonId}-error` : ""}`}
              className="field-input"
            />
            <p id={`${reasonId}-hint`} className="mt-1 text-sm text-muted">
              例如：非本研習參加對象、名額有限優先錄取本市教師。最多 200 字。
            </p>
            <FieldError id={`${reasonId}-error`} messages={reasonError} />
          </div>
          <div className="flex flex-wrap justify-end gap-3">
            <button type="button" className="btn btn-secondary" onClick={() => dialog.current?.close()}>
              返回
            </button>
            <button type="submit" className="btn btn-primary bg-danger hover:bg-red-800" disabled={pending}>
              {busy === "dialog" && pending && <Spinner label="處理中" />}
              確定不錄取
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
