"use client";

import { useRouter } from "next/navigation";
import { useTransition, type FormEvent, type ReactNode } from "react";
import { RESULTS_HASH } from "@/components/search/results-anchor";
import { Spinner } from "@/components/ui/spinner";

/**
 * A search form that only rewrites the URL: a plain GET form (it works without JavaScript),
 * which in the browser leaves out empty fields and defaults so that URLs stay short and
 * shareable, and shows a spinner on the button while the results load. The URL ends with
 * #results-heading, so focus and the view land on the results (FocusResultsHeading).
 *
 * Fields inside an element marked data-choice-panel that is not displayed (the unchosen side of
 * a choice such as 依開課縣市 / 依開課學校、單位) are left out, as are the names in `omit` (the
 * choice itself).
 */
export function SearchForm({
  action,
  children,
  submitLabel = "搜尋",
  defaults = {},
  className,
  label,
  omit = [],
}: {
  action: string;
  children: ReactNode;
  submitLabel?: string;
  /** Field values that are the default and need not appear in the URL. */
  defaults?: Record<string, string>;
  className?: string;
  label: string;
  omit?: string[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const skipped = new Set(omit);
    for (const panel of form.querySelectorAll<HTMLElement>("[data-choice-panel]")) {
      if (panel.offsetParent !== null || panel.getClientRects().length > 0) continue;
      for (const el of panel.querySelectorAll<HTMLInputElement>("[name]")) skipped.add(el.name);
    }
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value !== "string" || skipped.has(name)) continue;
      const v = value.trim();
      if (v === "" || defaults[name] === v) continue;
      params.append(name, v);
    }
    const query = params.toString();
    startTransition(() => router.push(`${query ? `${action}?${query}` : action}${RESULTS_HASH}`));
  }

  return (
    <form action={`${action}${RESULTS_HASH}`} method="get" role="search" aria-label={label} onSubmit={onSubmit} className={className}>
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
