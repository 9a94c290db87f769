"use client";

import { useRouter } from "next/navigation";
import { useTransition, type FormEvent, type ReactNode } from "react";
import { Spinner } from "@/components/ui/spinner";

/**
 * A search form that only rewrites the URL: a plain GET form (it works without JavaScript),
 * which in the browser leaves out empty fields and defaults so that URLs stay short and
 * shareable, and shows a spinner on the button while the results load.
 */
export function SearchForm({
  action,
  children,
  submitLabel = "搜尋",
  defaults = {},
  className,
  label,
}: {
  action: string;
  children: ReactNode;
  submitLabel?: string;
  /** Field values that are the default and need not appear in the URL. */
  defaults?: Record<string, string>;
  className?: string;
  label: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) {
      if (typeof value !== "string") continue;
      const v = value.trim();
      if (v === "" || defaults[name] === v) continue;
      params.append(name, v);
    }
    const query = params.toString();
    startTransition(() => router.push(query ? `${action}?${query}` : action));
  }

  return (
    <form action={action} method="get" role="search" aria-label={label} onSubmit={onSubmit} className={className}>
      {children}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className="btn btn-primary min-w-28" disabled={pending}>
          {pending && <Spinner label="搜尋中" />}
          {submitLabel}
        </button>
        <a href={action} className="btn btn-secondary">
          清除條件
        </a>
      </div>
    </form>
  );
}
