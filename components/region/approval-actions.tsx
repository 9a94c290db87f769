"use client";

import { useActionState, useState } from "react";
import { returnReasonSchema, RETURN_REASON_MAX } from "@/lib/courses/course-reason-schema";
import { initialFormState, type FormState } from "@/lib/form-state";
import { FieldError } from "@/components/ui/field-error";
import { Spinner } from "@/components/ui/spinner";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** 核准公告 and 退回 (with a required reason), side by side. */
export function ApprovalActions({ approve, giveBack }: { approve: Action; giveBack: Action }) {
  const [approveState, approveAction, approving] = useActionState(approve, initialFormState);
  const [returnState, returnAction, returning] = useActionState(giveBack, initialFormState);
  const [reason, setReason] = useState("");
  const [clientError, setClientError] = useState<string[] | undefined>();
  const error = clientError ?? returnState.fieldErrors?.reason;
  const busy = approving || returning;

  return (
    <div className="grid gap-4 md:grid-cols-2">
      <form action={approveAction} className="card flex flex-col gap-3" aria-labelledby="approve-heading">
        <h2 id="approve-heading" className="text-lg font-bold">
          核准公告
        </h2>
        <p className="text-muted">核准後課程立即公告：課程頁面上線，約一分鐘內可在研習搜尋查到，並依設定開放報名。</p>
        {approveState.message && !approveState.ok && (
          <p role="alert" className="rounded-lg border border-danger bg-red-50 p-3 text-danger">
            {approveState.message}
          </p>
        )}
        <button type="submit" className="btn btn-primary mt-auto w-full sm:w-auto sm:self-start" disabled={busy} aria-busy={approving}>
          {approving && <Spinner label="核准中" />}
          {approving ? "核准中…" : "核准公告"}
        </button>
      </form>

      <form
        action={returnAction}
        noValidate
        onSubmit={(e) => {
          const parsed = returnReasonSchema.safeParse({ reason });
          if (!parsed.success) {
            e.preventDefault();
            setClientError(parsed.error.issues.map((i) => i.message));
            document.getElementById("return-reason")?.focus();
          } else setClientError(undefined);
        }}
        className="card flex flex-col gap-3"
        aria-labelledby="return-heading"
      >
        <h2 id="return-heading" className="text-lg font-bold">
          退回修正
        </h2>
        {returnState.message && !returnState.ok && !returnState.fieldErrors && (
          <p role="alert" className="rounded-lg border border-danger bg-red-50 p-3 text-danger">
            {returnState.message}
          </p>
        )}
        <div>
          <label htmlFor="return-reason" className="mb-1 block font-semibold">
            退回原因 <span className="text-danger" aria-hidden="true">*</span>
          </label>
          <textarea
            id="return-reason"
            name="reason"
            rows={4}
            maxLength={RETURN_REASON_MAX}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              if (clientError) setClientError(returnReasonSchema.safeParse({ reason: e.target.value }).error?.issues.map((i) => i.message));
            }}
            aria-required="true"
            aria-invalid={error ? true : undefined}
            aria-describedby={["return-reason-hint", error ? "return-reason-error" : ""].filter(Boolean).join(" ")}
            className="field-input"
          />
          <p id="return-reason-hint" className="mt-1 text-sm text-muted">
            承辦人會在課程管理頁看到這段說明，請寫明要修改的地方，例如「研習時數與課程時段不符，請修正」。
          </p>
          <FieldError id="return-reason-error" messages={error} />
        </div>
        <button type="submit" className="btn btn-secondary w-full sm:w-auto sm:self-start" disabled={busy} aria-busy={returning}>
          {returning && <Spinner label="退回中" />}
          {returning ? "退回中…" : "退回修正"}
        </button>
      </form>
    </div>
  );
}
