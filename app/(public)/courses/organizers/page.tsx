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
import { PageHeader } from "@/components/ui/page-header";
import { STAGE_LABELS } from "@/lib/courses/labels";
import { asAppError, isAppError } from "@/lib/errors";
import { listSearchOptions } from "@/lib/search/list-search-options";
import { DEFAULTS, emptyQuery, parseSearchQuery, searchHref, searchParamsOf, type SearchQuery } from "@/lib/search/query";
import { searchCourses } from "@/lib/search/search-courses";
import type { UnitStage } from "@/generated/prisma/enums";

const PATH = "/courses/organizers";

/** The manual's two menus (圖6): 依學校階段 (schools) and 社教單位 (the other organizers). */
const SCHOOL_STAGES: UnitStage[] = ["UNIVERSITY", "SENIOR_HIGH", "VOCATIONAL_HIGH", "JUNIOR_HIGH", "ELEMENTARY", "KINDERGARTEN", "SPECIAL_SCHOOL"];
const OTHER_STAGES: UnitStage[] = ["SUBJECT_CENTER", "ADVISORY_GROUP", "GOVERNMENT", "EXPERIMENTAL"];

type Params = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<Params> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = parseSearchQuery(await searchParams);
  const stage = parsed.ok ? parsed.query.stage : undefined;
  return {
    title: stage ? `${STAGE_LABELS[stage]}開設的研習｜依開課單位搜尋` : "依開課單位搜尋",
    description: "依開課單位類型（大專校院、高中、國中、國小、輔導團、政府機關等）與縣市查詢教師研習。",
  };
}

async function Results({ params }: { params: Params }) {
  try {
    const result = await searchCourses(params);
    const q = result.query;
    const actions = q.county ? [{ href: searchHref(PATH, q, { county: undefined }), label: "不限縣市" }] : [];
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
  const stage = query.stage;
  const tags = stage ? (await listSearchOptions()).tags : [];
  const stageOption = (s: UnitStage) => ({ key: s, label: STAGE_LABELS[s], href: `${searchHref(PATH, query, { stage: s })}${RESULTS_HASH}`, selected: s === stage });
  return (
    <>
      <PageHeader title="依開課單位搜尋" crumbs={[{ href: "/", label: "首頁" }, { label: "依開課單位搜尋" }]}>
        先選擇開課單位的類型（依學校階段或社教單位），再以研習名稱、辦理研習單位、日期、地區、性質或專案屬性標籤縮小範圍。
        本搜尋以開課單位為條件，不是以上課對象；想依上課對象搜尋，請用「研習進階搜尋」。
      </PageHeader>
      <SearchWaysNav current="organizers" />
      {!parsed.ok && <SearchError message={parsed.message} resetHref={PATH} />}
      <div className="space-y-6">
        <section aria-labelledby="stage-heading">
          <h2 id="stage-heading" className="mb-3 text-lg font-bold">
            1. 開課單位類型{stage && <span className="ml-2 font-normal text-muted">目前：{STAGE_LABELS[stage]}</span>}
          </h2>
          <div className="grid gap-4 lg:grid-cols-[7fr_4fr]">
            <div>
              <h3 className="mb-2 font-semibold">依學校階段</h3>
              <OptionLinks label="依學校階段" options={SCHOOL_STAGES.map(stageOption)} />
            </div>
            <div>
              <h3 className="mb-2 font-semibold">社教單位</h3>
              <OptionLinks label="社教單位" columns="grid-cols-2" options={OTHER_STAGES.map(stageOption)} />
            </div>
          </div>
        </section>
        {stage && (
          <section aria-labelledby="index-heading">
            <SearchForm key={searchParamsOf(query).toString()} action={PATH} label="研習資訊分類索引" defaults={{ field: "all" }} className="card">
              <h2 id="index-heading" className="mb-3 text-lg font-bold">
                2. 研習資訊分類索引<span className="ml-2 text-base font-normal text-muted">（可不填）</span>
              </h2>
              <input type="hidden" name="stage" value={stage} />
              <IndexFields query={query} idPrefix="by-org" tags={tags} withCounty typeLabel="性質" />
            </SearchForm>
          </section>
        )}
      </div>
      {parsed.ok && stage ? (
        <Suspense key={searchParamsOf(query).toString()} fallback={<ResultsSkeleton />}>
          <Results params={params} />
        </Suspense>
      ) : (
        parsed.ok && <p className="mt-8 rounded-lg bg-surface p-4 text-muted">請先選擇開課單位類型。</p>
      )}
    </>
  );
}
