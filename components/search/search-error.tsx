
/** A search the server could not run because of a bad URL parameter: what is wrong and what to do. */
export function SearchError({ message, resetHref }: { message: string; resetHref: string }) {
  return (
    <div role="alert" className="card mt-6 border-danger bg-red-50">
      <p className="font-semibold text-danger">搜尋條件有誤，無法搜尋。</p>
      <p className="mt-1">{message}</p>
      <p className="mt-3">
        <a href={resetHref} className="btn btn-secondary">
          清除條件重新搜尋
        </a>
      </p>
    </div>
  );
}
