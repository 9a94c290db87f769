"use client";

/** 列印: opens the browser's print dialog (the page has a print stylesheet). */
export function PrintButton({ label = "列印" }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="btn btn-secondary print:hidden">
      {label}
    </button>
  );
}
