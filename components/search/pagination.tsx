
/** Pages 1 … n around the current one, with gaps shown as null. */
export function pageWindow(page: number, pageCount: number, radius = 2): (number | null)[] {
  const pages = new Set<number>([1, pageCount]);
  for (let p = page - radius; p <= page + radius; p++) if (p >= 1 && p <= pageCount) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) out.push(null);
    out.push(p);
  });
  return out;
}

const linkClass = "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-line px-3 text-ink no-underline hover:border-accent hover:text-accent-strong";

export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="分頁" className="mt-6">
      <p className="mb-2 text-sm text-muted">
        第 {page} 頁，共 {pageCount.toLocaleString("zh-TW")} 頁
      </p>
      <ul className="flex flex-wrap items-center gap-1">
        {page > 1 && (
          <li>
            <a href={hrefFor(page - 1)} rel="prev" className={linkClass}>
              上一頁
            </a>
          </li>
        )}
        {pageWindow(page, pageCount, 1).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={p} className={p === page || p === 1 || p === pageCount ? "" : "hidden sm:block"}>
              {p === page ? (
                <span aria-current="page" className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md bg-accent px-3 font-semibold text-white">
                  {p}
                </span>
              ) : (
                <a href={hrefFor(p)} className={linkClass}>
                  <span className="sr-only">第</span>
                  {p}
                  <span className="sr-only">頁</span>
                </a>
              )}
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <a href={hrefFor(page + 1)} rel="next" className={linkClass}>
              下一頁
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
