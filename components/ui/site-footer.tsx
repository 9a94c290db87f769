export function SiteFooter() {
  return (
    <footer className="mt-12 border-t border-line bg-surface">
      <div className="mx-auto max-w-6xl px-4 py-8 text-sm text-muted sm:px-6">
        <p className="font-semibold text-ink">全國教師在職進修資訊網</p>
        <p>研習課程資料由各開課單位提供，報名與審核結果以本網站顯示為準。</p>
        <p>時間均為臺灣時間（UTC+8）。</p>
      </div>
    </footer>
  );
}
