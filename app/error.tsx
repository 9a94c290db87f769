"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg py-12 text-center" role="alert">
      <h1 className="text-2xl font-bold">系統暫時無法處理您的要求</h1>
      <p className="mt-3 text-muted">請稍後再試一次。若問題持續發生，請聯絡系統管理單位。您先前填寫的資料不會因此遺失。</p>
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={reset} className="btn btn-primary">
          再試一次
        </button>
        <a href="/" className="btn btn-secondary">
          回首頁
        </a>
      </div>
    </div>
  );
}
