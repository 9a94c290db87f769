import type { Metadata } from "next";
import { Suspense } from "react";
import { CountySelect } from "@/components/search/index-fields";
import { ClassTypeRadios, KeywordFields } from "@/components/search/keyword-fields";
import { ResultsSkeleton } from "@/components/search/results-skeleton";
import { SearchError } from "@/components/search/search-error";
import { SearchForm } from "@/components/search/search-form";
import { SearchResults } from "@/components/search/search-results";
import { SearchWaysNav } from "@/components/search/search-ways-nav";
import { UnitCombobox } from "@/components/search/unit-combobox";
import { PageHeader } from "@/components/ui/page-header";
import { asAppError, isAppError } from "@/lib/errors";
import { emptyQuery, parseSearchQuery, searchHref, searchParamsOf, type QueryDefaults, type SearchQuery } from "@/lib/search/query";
import { searchCourses } from "@/lib/search/search-courses";

export const metadata: Metadata = {
  title: "全部研習列表",
  description: "依研習名稱、課程代碼、開課單位或專案屬性標籤搜尋尚未開始的全國教師在職進修研習。",
};

const PATH = "/courses";
/**
 * 全部研習列表 shows 50 courses a page and, as in the manual (針對尚未開班的課程), only courses that
 * have not started yet unless the URL says past=1.
 */
const DEFAULTS: QueryDefaults = { size: 50, upcomingOnly: true };

type Params = Record<string, string | string[] | undefined>;

async function Results({ params }: { params: Params }) {
  try {
    const result = await searchCourses(params, { defaults: DEFAULTS });
    const q = result.query;
    const actions = [
      ...(q.upcomingOnly ? [{ href: searchHref(PATH, q, { upcomingOnly: false }, DEFAULTS), label: "包含已開始的研習" }] : []),
      ...(q.days ? [{ href: searchHref(PATH, q, { days: undefined }, DEFAULTS), label: "改為顯示全部日期" }] : []),
      ...(q.classType ? [{ href: searchHref(PATH, q, { classType: undefined }, DEFAULTS), label: "不限性質" }] : []),
      ...(q.county ? [{ href: searchHref(PATH, q, { county: undefined }, DEFAULTS), label: "不限開課縣市" }] : []),
      ...(q.field !== "all" && q.q ? [{ href: searchHref(PATH, q, { field: "all" }, DEFAULTS), label: "在全部欄位中搜尋" }] : []),
    ];
    const scope = q.upcomingOnly
      ? { text: "目前只列出尚未開始（今天或以後開始）的研習。", href: searchHref(PATH, q, { upcomingOnly: false }, DEFAULTS), linkLabel: "包含已開始、已結束的研習" }
      : { text: "目前包含已開始、已結束的研習。", href: searchHref(PATH, q, { upcomingOnly: true }, DEFAULTS), linkLabel: "只看尚未開始的研習" };
    return <SearchResults result={result} basePath={PATH} defaults={DEFAULTS} emptyActions={actions} columns="list" scope={scope} />;
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
  const byUnit = Boolean(query.org) && !query.county;
  return (
    <>
      <PageHeader title="全部研習列表" crumbs={[{ href: "/", label: "首頁" }, { label: "全部研習列表" }]}>
        直接輸入研習名稱、課程代碼、辦理研習單位或專案屬性標籤，搜尋尚未開始的研習；也可以依開課縣市或開課學校、單位查詢。
      </PageHeader>
      <SearchWaysNav current="list" />
      <SearchForm
        key={`form:${searchParamsOf(query, DEFAULTS)}`}
        action={PATH}
        label="全部研習列表搜尋"
        defaults={{ field: "all" }}
        omit={["by"]}
        className="card"
      >
        {/* 依開課縣市 / 依開課學校、單位: the chosen one shows its field (CSS :has, no script needed). */}
        <div className="group grid gap-4 sm:grid-cols-[auto_minmax(0,1fr)] sm:items-start">
          <fieldset>
            <legend className="mb-1 font-medium">查詢方式</legend>
            <div className="flex min-h-11 flex-wrap items-center gap-x-6 gap-y-2">
              <label htmlFor="list-by-county" className="inline-flex items-center gap-2">
                <input id="list-by-county" type="radio" name="by" value="county" defaultChecked={!byUnit} className="size-5" />
                依開課縣市
              </label>
              <label htmlFor="list-by-unit" className="inline-flex items-center gap-2">
                <input id="list-by-unit" type="radio" name="by" value="unit" defaultChecked={byUnit} className="size-5" />
                依開課學校、單位
              </label>
            </div>
          </fieldset>
          <div data-choice-panel="county" className="hidden group-has-[#list-by-county:checked]:block">
            <CountySelect query={query} id="list-county" labelText="開課縣市" />
          </div>
          <div data-choice-panel="unit" className="hidden group-has-[#list-by-unit:checked]:block">
            <UnitCombobox id="list-org" label="開課學校、單位" defaultValue={query.org} />
          </div>
        </div>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <ClassTypeRadios query={query} idPrefix="list" />
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
        <div className="mt-4">
          <KeywordFields query={query} idPrefix="list" />
        </div>
        <div className="mt-4">
          <label htmlFor="list-past" className="inline-flex min-h-11 items-center gap-2">
            <input id="list-past" type="checkbox" name="past" value="1" defaultChecked={!query.upcomingOnly} className="size-5" />
            包含已開始、已結束的研習
          </label>
          <p className="text-sm text-muted">不勾選時只列出尚未開始（今天或以後開始）的研習。</p>
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
