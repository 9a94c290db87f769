import { Spinner } from "@/components/ui/spinner";

/** What the result list looks like while a search runs. */
export function ResultsSkeleton() {
  return (
    <section aria-busy="true" aria-label="搜尋結果載入中" className="mt-8">
      <p className="flex items-center gap-2 text-muted">
        <Spinner label="搜尋結果載入中" />
        <span aria-hidden="true">正在搜尋研習…</span>
      </p>
      <ul className="mt-4 space-y-3" aria-hidden="true">
        {Array.from({ length: 5 }, (_, i) => (
          <li key={i} className="card animate-pulse p-4 motion-reduce:animate-none">
            <div className="h-4 w-3/4 rounded bg-gray-200" />
            <div className="mt-3 h-3 w-1/2 rounded bg-gray-100" />
            <div className="mt-2 h-3 w-2/3 rounded bg-gray-100" />
          </li>
        ))}
      </ul>
    </section>
  );
}
