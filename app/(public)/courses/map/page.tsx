import type { Metadata } from "next";
import { Suspense } from "react";
import { RESULTS_HASH } from "@/components/search/results-anchor";
import { IndexFields } from "@/components/search/index-fields";
import { OptionLinks } from "@/components/search/option-links";
import { ResultsSkeleton } from "@/components/search/results-skeleton";
import { SearchError } from "@/components/search/search-error";
import { SearchForm } from "@/components/search/search-form";
import { SearchResults } from "@/components/search/search-results";
import { SearchWaysNav } from "@/components/search/search-ways-nav";
import { TaiwanMap } from "@/components/search/taiwan-map";
import { PageHeader } from "@/components/ui/page-header";
import { COUNTIES, STAGE_LABELS } from "@/lib/courses/labels";
import { asAppError, isAppError } from "@/lib/errors";
import { listSearchOptions } from "@/lib/search/list-search-options";
import { DEFAULTS, emptyQuery, parseSearchQuery, searchHref, searchParamsOf, STAGES, type SearchQuery } from "@/lib/search/query";
import { searchCourses } from "@/lib/search/search-courses";

const PATH = "/courses/map";
/** A choice on this page (county, stage) leads to the results: focus and the view go there. */
const choose = (query: SearchQuery, patch: Partial<SearchQuery>) => `${searchHref(PATH, query, patch)}${RESULTS_HASH}`;

type Params = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<Params> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = parseSearchQuery(await searchParams);
  const county = parsed.ok ? parsed.query.county : undefined;
  return {
    title: county ? `${county}的研習｜依研習地點搜尋` : "依研習地點搜尋",
    description: "在臺灣地圖上點選縣市，查詢在當地舉辦的教師研習，並依學校階段篩選。",
  };
}

async function Results({ params }: { params: Params }) {
  try {
    const result = await searchCourses(params);
    const q = result.query;
    const actions = q.stage ? [{ href: searchHref(PATH, q, { stage: undefined }), label: "不限學校階段" }] : [];
    return <SearchResults result={result} basePath={PATH} defaults={DEFAULTS} emptyActions={actions} />;
  } catch (error) {
    const e = asAppError(error) ?? error;
    if (isAppError(e)) return <SearchError message={e.message} resetHref={PATH} />;
    throw e;
  }
}

export default async function Page({ searchParams }: Props) {
  const params = await searchParams;
  const parsed = parseSearchQuery(params);
  const query: SearchQuery = parsed.ok ? parsed.query : emptyQuery();
  const county = query.county;
  const tags = county ? (await listSearchOptions()).tags : [];
  return (
    <>
      <PageHeader title="依研習地點搜尋" crumbs={[{ href: "/", label: "首頁" }, { label: "依研習地點搜尋" }]}>
        在地圖或縣市清單中選擇研習舉辦的縣市，再依開課單位的學校階段篩選；也可以再加上研習名稱、辦理研習單位、日期、班別性質與專案屬性標籤。
      </PageHeader>
      <SearchWaysNav current="map" />
      {!parsed.ok && <SearchError message={parsed.message} resetHref={PATH} />}
      <div className="grid items-start gap-6 md:grid-cols-[minmax(0,340px)_1fr]">
        <div className="card p-3">
          <TaiwanMap selected={county} hrefFor={(c) => choose(query, { county: c })} />
          <p className="mt-1 text-center text-sm text-muted">點選地圖上的縣市，或使用右側（手機為下方）的縣市清單。</p>
        </div>
        <div className="space-y-6">
          <section aria-labelledby="county-heading">
            <h2 id="county-heading" className="mb-3 text-lg font-bold">
              1. 選擇縣市{county && <span className="ml-2 font-normal text-muted">目前：{county}</span>}
            </h2>
            <OptionLinks
              label="縣市"
              columns="grid-cols-3 sm:grid-cols-4 lg:grid-cols-6"
              options={COUNTIES.map((c) => ({ key: c, label: c, href: choose(query, { county: c }), selected: c === county }))}
            />
          </section>
          {county && (
            <section aria-labelledby="stage-heading">
              <h2 id="stage-heading" className="mb-3 text-lg font-bold">
                2. 學校階段（開課單位）
              </h2>
              <OptionLinks
                label="學校階段"
                options={[
                  { key: "all", label: "不限", href: choose(query, { stage: undefined }), selected: !query.stage },
                  ...STAGES.map((s) => ({ key: s, label: STAGE_LABELS[s], href: choose(query, { stage: s }), selected: s === query.stage })),
                ]}
              />
            </section>
          )}
        </div>
      </div>
      {county && (
        <section aria-labelledby="index-heading" className="mt-6">
          <SearchForm key={searchParamsOf(query).toString()} action={PATH} label="研習資訊分類索引" defaults={{ field: "all" }} className="card">
            <h2 id="index-heading" className="mb-3 text-lg font-bold">
              3. 研習資訊分類索引<span className="ml-2 text-base font-normal text-muted">（可不填）</span>
            </h2>
            <input type="hidden" name="county" value={county} />
            {query.stage && <input type="hidden" name="stage" value={query.stage} />}
            <IndexFields query={query} idPrefix="map" tags={tags} />
          </SearchForm>
        </section>
      )}
      {parsed.ok && county ? (
        <Suspense key={searchParamsOf(query).toString()} fallback={<ResultsSkeleton />}>
          <Results params={params} />
        </Suspense>
      ) : (
        parsed.ok && <p className="mt-8 rounded-lg bg-surface p-4 text-muted">請先選擇縣市，這裡就會列出在該縣市舉辦的研習。</p>
      )}
    </>
  );
}
