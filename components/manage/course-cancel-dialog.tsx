"use client";

import { useActionState, useRef, useState } from "react";
import { cancelReasonSchema, CANCEL_REASON_MAX } from "@/lib/courses/course-reason-schema";
import { initialFormState, type FormState } from "@/lib/form-state";
import { FieldError } from "@/components/ui/field-error";
import { Spinner } from "@/components/ui/spinner";

type Props = {
  title: string;
  /** Teachers whose registration still counts: they will be mailed. */
  activeRegistrations: number;
  action: (state: FormState, form: FormData) => Promise<FormState>;
};

/** 取消課程: only with a reason and an explicit confirmation. */
export function CourseCancelDialog({ title, activeRegistrations, action }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState(state.values?.reason ?? "");
  const [error, setError] = useState<string[] | undefined>();
  const shown = error ?? state.fieldErrors?.reason;

  return (
    <div>
      <button type="button" className="btn btn-secondary border-danger text-danger hover:bg-red-50" onClick={() => dialog.current?.showModal()} disabled={pending}>
        {pending && <Spinner label="取消課程處理中" />}
        取消課程
      </button>
      {state.message && !state.ok && !state.fieldErrors && (
        <p role="alert" className="mt-2 text-danger">
          {state.message}
        </p>
      )}
      <dialog ref={dialog} aria-labelledby="cancel-course-title" className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl p-6 backdrop:bg-black/40">
        <h2 id="cancel-course-title" className="text-lg font-bold">
          確定要取消這門課程嗎？
        </h2>
        <p className="mt-2 text-muted">
          「{title}」取消後不再受理報名，課程頁面會標示「本課程已取消」與取消原因，無法復原。
          {activeRegistrations > 0 && `已報名的 ${activeRegistrations} 位教師會收到取消通知信。`}
        </p>
        <form
          action={formAction}
          noValidate
          onSubmit={(e) => {
            const parsed = cancelReasonSchema.safeParse({ reason });
            if (!parsed.success) {
              e.preventDefault();
              setError(parsed.error.issues.map((i) => i.message));
              return;
            }
            setError(undefined);
            dialog.current?.close();
          }}
          className="mt-4 space-y-4"
        >
          <div>
            <label htmlFor="cancel-reason" className="mb-1 block font-semibold">
              取消原因 <span className="text-danger" aria-hidden="true">*</span>
            </label>
            <textarea
              id="cancel-reason"
              name="reason"
              rows={3}
              maxLength={CANCEL_REASON_MAX}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                if (error) setError(cancelReasonSchema.safeParse({ reason: e.target.value }).error?.issues.map((i) => i.message));
              }}
              aria-required="true"
              aria-invalid={shown ? true : undefined}
              aria-describedby={["cancel-reason-hint", shown ? "cancel-reason-error" : ""].filter(Boolean).join(" ")}
              className="field-input"
            />
            <p id="cancel-reason-hint" className="mt-1 text-sm text-muted">
              會顯示在課程頁面並寫進通知信，例如「講師因故無法出席，本研習取消」。
            </p>
            <FieldError id="cancel-reason-error" messages={shown} />
          </div>
          <div className="flex flex-wrap justify-end gap-3">
            <button type="button" className="btn btn-secondary" onClick={() => dialog.current?.close()}>
              不要取消
            </button>
            <button type="submit" className="btn btn-primary bg-danger hover:bg-red-800">
              確定取消課程
            </button>
          </div>
        </form>
      </dialog>
      {state.fieldErrors?.reason && (
        <p role="alert" className="mt-2 text-danger">
          {state.message}（{state.fieldErrors.reason.join("；")}）
        </p>
      )}
    </div>
  );
}
