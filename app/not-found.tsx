import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="mt-2 text-2xl font-bold">找不到這個頁面</h1>
      <p className="mt-3 text-muted">網址可能有誤，或頁面已經移除。您可以回到首頁，或直接搜尋研習。</p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Link href="/courses" className="btn btn-primary">
          搜尋研習
        </Link>
        <Link href="/" className="btn btn-secondary">
          回首頁
        </Link>
      </div>
    </div>
  );
}
