import type { Metadata } from "next";
import { Suspense } from "react";
import { ClassTypeSelect, KeywordFields } from "@/components/search/keyword-fields";
import { ResultsSkeleton } from "@/components/search/results-skeleton";
import { SearchError } from "@/components/search/search-error";
import { SearchForm } from "@/components/search/search-form";
import { SearchResults } from "@/components/search/search-results";
import { SearchWaysNav } from "@/components/search/search-ways-nav";
import { PageHeader } from "@/components/ui/page-header";
import { asAppError, isAppError } from "@/lib/errors";
import { emptyQuery, parseSearchQuery, searchHref, searchParamsOf, type QueryDefaults, type SearchQuery } from "@/lib/search/query";
import { searchCourses } from "@/lib/search/search-courses";

export const metadata: Metadata = {
  title: "全部研習列表",
  description: "依研習名稱、課程代碼、開課單位或專案屬性標籤搜尋全國教師在職進修研習。",
};

const PATH = "/courses";
/** 全部研習列表 shows 50 courses a page. */
const DEFAULTS: QueryDefaults = { size: 50 };

type Params = Record<string, string | string[] | undefined>;

async function Results({ params }: { params: Params }) {
  try {
    const result = await searchCourses(params, { defaults: DEFAULTS });
    const q = result.query;
    const actions = [
      ...(q.days ? [{ href: searchHref(PATH, q, { days: undefined }, DEFAULTS), label: "改為顯示全部日期" }] : []),
      ...(q.classType ? [{ href: searchHref(PATH, q, { classType: undefined }, DEFAULTS), label: "不限性質" }] : []),
      ...(q.field !== "all" && q.q ? [{ href: searchHref(PATH, q, { field: "all" }, DEFAULTS), label: "在全部欄位中搜尋" }] : []),
    ];
    return <SearchResults result={result} basePath={PATH} defaults={DEFAULTS} emptyActions={actions} />;
  } catch (error) {
    const e = asAppError(error) ?? error;
    if (isAppError(e)) return <SearchError message={e.message} resetHref={PATH} />;
    throw e;
  }
}

export default async function Page({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const parsed = parseSearchQuery(params, DEFAULTS);
  const query: SearchQuery = parsed.ok ? parsed.query : emptyQuery(DEFAULTS);
  return (
    <>
      <PageHeader title="全部研習列表" crumbs={[{ href: "/", label: "首頁" }, { label: "全部研習列表" }]}>
        以關鍵字搜尋研習名稱、課程代碼、辦理研習單位或專案屬性標籤，可只看 30 天內開始的研習。
      </PageHeader>
      <SearchWaysNav current="list" />
      <SearchForm key={searchParamsOf(query, DEFAULTS).toString()} action={PATH} label="全部研習列表搜尋" defaults={{ field: "all" }} className="card">
        <KeywordFields query={query} idPrefix="list" />
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <ClassTypeSelect query={query} id="list-type" />
          <fieldset>
            <legend className="mb-1 font-medium">顯示範圍</legend>
            <div className="flex min-h-11 flex-wrap items-center gap-x-6 gap-y-2">
              <label className="inline-flex items-center gap-2">
                <input type="radio" name="days" value="30" defaultChecked={query.days === 30} className="size-5" />
                顯示30天內
              </label>
              <label className="inline-flex items-center gap-2">
                <input type="radio" name="days" value="" defaultChecked={!query.days} className="size-5" />
                全部
              </label>
            </div>
          </fieldset>
        </div>
      </SearchForm>
      {parsed.ok ? (
        <Suspense key={searchParamsOf(query, DEFAULTS).toString()} fallback={<ResultsSkeleton />}>
          <Results params={params} />
        </Suspense>
      ) : (
        <SearchError message={parsed.message} resetHref={PATH} />
      )}
    </>
  );
}
