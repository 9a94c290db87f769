import type { Metadata } from "next";
import { Suspense } from "react";
import { OptionLinks } from "@/components/search/option-links";
import { ResultsSkeleton } from "@/components/search/results-skeleton";
import { SearchError } from "@/components/search/search-error";
import { SearchResults } from "@/components/search/search-results";
import { SearchWaysNav } from "@/components/search/search-ways-nav";
import { PageHeader } from "@/components/ui/page-header";
import { COUNTIES, STAGE_LABELS } from "@/lib/courses/labels";
import { asAppError, isAppError } from "@/lib/errors";
import { DEFAULTS, emptyQuery, parseSearchQuery, searchHref, searchParamsOf, STAGES, type SearchQuery } from "@/lib/search/query";
import { searchCourses } from "@/lib/search/search-courses";

const PATH = "/courses/organizers";

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
  return (
    <>
      <PageHeader title="依開課單位搜尋" crumbs={[{ href: "/", label: "首頁" }, { label: "依開課單位搜尋" }]}>
        先選擇開課單位的類型，再選擇縣市，就會列出這類單位開設的研習。
      </PageHeader>
      <SearchWaysNav current="organizers" />
      {!parsed.ok && <SearchError message={parsed.message} resetHref={PATH} />}
      <div className="space-y-6">
        <section aria-labelledby="stage-heading">
          <h2 id="stage-heading" className="mb-3 text-lg font-bold">
            1. 開課單位類型{stage && <span className="ml-2 font-normal text-muted">目前：{STAGE_LABELS[stage]}</span>}
          </h2>
          <OptionLinks
            label="開課單位類型"
            options={STAGES.map((s) => ({ key: s, label: STAGE_LABELS[s], href: searchHref(PATH, query, { stage: s }), selected: s === stage }))}
          />
        </section>
        {stage && (
          <section aria-labelledby="county-heading">
            <h2 id="county-heading" className="mb-3 text-lg font-bold">
              2. 縣市（研習地點）
            </h2>
            <OptionLinks
              label="縣市"
              columns="grid-cols-3 sm:grid-cols-4 lg:grid-cols-6"
              options={[
                { key: "all", label: "全部縣市", href: searchHref(PATH, query, { county: undefined }), selected: !query.county },
                ...COUNTIES.map((c) => ({ key: c, label: c, href: searchHref(PATH, query, { county: c }), selected: c === query.county })),
              ]}
            />
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
