"use client";

import { useActionState, useRef } from "react";
import { initialFormState, type FormState } from "@/lib/form-state";
import { Spinner } from "@/components/ui/spinner";

type Props = { idempotencyKey: string; action: (state: FormState, form: FormData) => Promise<FormState> };

/** 取消報名: only after an explicit confirmation. */
export function CancelRegistration({ idempotencyKey, action }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <div>
      <button type="button" className="btn btn-secondary" onClick={() => dialog.current?.showModal()} disabled={pending}>
        {pending && <Spinner label="處理中" />}
        取消報名
      </button>
      {state.message && !state.ok && (
        <p role="alert" className="mt-2 text-danger">
          {state.message}
        </p>
      )}
      <dialog ref={dialog} aria-labelledby="cancel-title" className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl p-6 backdrop:bg-black/40">
        <h2 id="cancel-title" className="text-lg font-bold">
          確定要取消報名嗎？
        </h2>
        <p className="mt-2 text-muted">取消後您的名額會釋出給其他教師。若之後想參加，需要重新報名並重新排序。</p>
        <form action={formAction} onSubmit={() => dialog.current?.close()} className="mt-5 flex flex-wrap justify-end gap-3">
          <input type="hidden" name="confirm" value="yes" />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <button type="button" className="btn btn-secondary" onClick={() => dialog.current?.close()}>
            不要取消
          </button>
          <button type="submit" className="btn btn-primary bg-danger hover:bg-red-800">
            確定取消報名
          </button>
        </form>
      </dialog>
    </div>
  );
}
