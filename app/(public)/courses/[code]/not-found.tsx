import Link from "next/link";

/** An unknown course code (or a course that is not published). */
export default function CourseNotFound() {
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="mt-2 text-2xl font-bold">找不到這門課程</h1>
      <p className="mt-3 text-muted">課程代碼可能有誤，或課程尚未公告。請確認網址中的課程代碼，或用研習搜尋重新查詢。</p>
      <form action="/courses" method="get" role="search" className="mt-6 flex flex-col gap-3 text-left sm:flex-row">
        <label htmlFor="course-404-q" className="sr-only">
          研習名稱或課程代碼
        </label>
        <input id="course-404-q" name="q" type="search" placeholder="輸入研習名稱或課程代碼" className="field-input flex-1" />
        <button type="submit" className="btn btn-primary">
          搜尋研習
        </button>
      </form>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Link href="/courses/advanced" className="btn btn-secondary">
          研習進階搜尋
        </Link>
        <Link href="/" className="btn btn-secondary">
          回首頁
        </Link>
      </div>
    </div>
  );
}
