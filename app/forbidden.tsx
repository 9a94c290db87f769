import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <p className="text-sm font-semibold text-accent">403</p>
      <h1 className="mt-2 text-2xl font-bold">您的帳號無法使用這個頁面</h1>
      <p className="mt-3 text-muted">這個頁面只提供特定身份的帳號使用。若您有其他帳號，請登出後以該帳號登入。</p>
      <div className="mt-6 flex justify-center gap-3">
        <Link href="/" className="btn btn-primary">
          回首頁
        </Link>
      </div>
    </div>
  );
}
