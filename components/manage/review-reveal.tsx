"use client";

import { useState, useTransition } from "react";
import { Spinner } from "@/components/ui/spinner";

export type RevealAnswer = { ok: true; nationalId: string } | { ok: false; message: string };

/** The masked ID number, and 顯示身分證字號 for this one registration (each press is audited). */
export function ReviewReveal({ masked, name, reveal }: { masked: string; name: string; reveal: () => Promise<RevealAnswer> }) {
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2">
      <span className="font-mono tracking-wide">{shown ?? masked}</span>
      {shown ? (
        <span className="text-xs text-muted">（本次查閱已記錄）</span>
      ) : (
        <button
          type="button"
          className="inline-flex min-h-11 items-center gap-1 text-sm text-accent underline underline-offset-2 hover:text-accent-strong disabled:text-muted"
          disabled={pending}
          aria-label={`顯示身分證字號（${name}）`}
          onClick={() =>
            startTransition(async () => {
              setError(null);
              const r = await reveal().catch(() => ({ ok: false as const, message: "無法顯示身分證字號，請檢查網路後再試。" }));
              if (r.ok) setShown(r.nationalId);
              else setError(r.message);
            })
          }
        >
          {pending && <Spinner label="讀取中" />}
          顯示身分證字號
        </button>
      )}
      {error && (
        <span role="alert" className="block text-sm text-danger">
          {error}
        </span>
      )}
    </span>
  );
}
