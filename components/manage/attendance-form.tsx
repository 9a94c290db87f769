"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { initialFormState, type FormState } from "@/lib/form-state";
import { POSITION_TYPE_LABELS } from "@/lib/courses/labels";
import { attendanceText } from "@/lib/registrations/review-format";
import type { AttendanceRow } from "@/lib/registrations/list-attendance";
import { StatusBadge } from "@/components/ui/status-badge";
import { Spinner } from "@/components/ui/spinner";

type Props = {
  rows: AttendanceRow[];
  hours: number;
  action: (state: FormState, form: FormData) => Promise<FormState>;
};

const TONE = { 出席: "success", 缺席: "danger", 未登錄: "neutral" } as const;

/**
 * 出席登錄: a checkbox per approved teacher (checked = present), 全部出席 / 全部缺席, one save.
 * What was ticked stays as it is when the server says no.
 */
export function AttendanceForm({ rows, hours, action }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [present, setPresent] = useState<Record<number, boolean>>(() => Object.fromEntries(rows.map((r) => [r.id, r.attended === true])));
  const changed = rows.filter((r) => r.attended === null || r.attended !== present[r.id]).length;
  const setAll = (value: boolean) => setPresent(Object.fromEntries(rows.map((r) => [r.id, value])));
  const attending = rows.filter((r) => present[r.id]).length;

  // Sent from the component's state, not read back from the DOM: React resets a form after its
  // action, which would untick the (controlled) checkboxes behind React's back. Without
  // JavaScript the form still posts its own fields.
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    const form = new FormData();
    for (const r of rows) {
      form.append("ids", String(r.id));
      if (present[r.id]) form.append("present", String(r.id));
    }
    startTransition(() => formAction(form));
  }

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4">
      <div className="sticky top-0 z-10 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-xl border border-line bg-white p-3 shadow-sm">
        <button type="button" className="btn btn-secondary" onClick={() => setAll(true)}>
          全部出席
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => setAll(false)}>
          全部缺席
        </button>
        <span className="text-muted" aria-live="polite">
          勾選出席 <strong className="text-ink">{attending}</strong> / {rows.length} 位
          {changed > 0 && <>，{changed} 筆尚未儲存</>}
        </span>
        <button type="submit" className="btn btn-primary sm:ml-auto" disabled={pending} aria-busy={pending}>
          {pending && <Spinner label="儲存中" />}
          {pending ? "儲存中…" : "儲存出席紀錄"}
        </button>
      </div>
      <p className="text-sm text-muted">
        勾選＝出席，未勾選＝缺席。儲存後，出席的教師會登錄研習時數 {hours} 小時到個人研習記錄；改為缺席會移除該筆時數。每次登錄與更正都會留下紀錄。
      </p>
      <div aria-live="polite" aria-atomic="true">
        {state.message &&
          (state.ok ? (
            <p role="status" className="rounded-lg border border-success bg-green-50 p-3 text-green-900">
              {state.message}
            </p>
          ) : (
            <p role="alert" className="rounded-lg border border-danger bg-red-50 p-3 text-danger">
              {state.message}
            </p>
          ))}
      </div>
      <ul className="divide-y divide-line rounded-xl border border-line">
        {rows.map((r) => {
          const saved = attendanceText(r.attended) as keyof typeof TONE;
          return (
            <li key={r.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 p-3">
              <input type="hidden" name="ids" value={r.id} />
              <label className="flex min-h-11 min-w-0 flex-1 cursor-pointer items-center gap-3">
                <input
                  type="checkbox"
                  name="present"
                  value={r.id}
                  checked={present[r.id] ?? false}
                  onChange={(e) => setPresent((p) => ({ ...p, [r.id]: e.target.checked }))}
                  className="size-5 shrink-0 accent-accent"
                />
                <span className="min-w-0">
                  <span className="font-semibold">
                    {r.no}. {r.name}
                  </span>
                  <span className="sr-only">出席</span>
                  <span className="block text-sm text-muted">
                    {[r.schoolName, r.positionType ? POSITION_TYPE_LABELS[r.positionType] : null].filter(Boolean).join("・")}
                  </span>
                </span>
              </label>
              <span className="text-sm">
                目前紀錄：<StatusBadge tone={TONE[saved]}>{saved}</StatusBadge>
              </span>
            </li>
          );
        })}
      </ul>
    </form>
  );
}
