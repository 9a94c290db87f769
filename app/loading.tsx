export default function Loading() {
  return (
    <div role="status" aria-label="載入中" className="space-y-4">
      <div className="h-8 w-1/2 animate-pulse rounded bg-surface" />
      <div className="h-24 animate-pulse rounded-xl bg-surface" />
      <div className="h-24 animate-pulse rounded-xl bg-surface" />
      <span className="sr-only">載入中…</span>
    </div>
  );
}
