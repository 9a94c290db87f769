import type { Metadata } from "next";
import { Suspense } from "react";
import { ClassTypeSelect, KeywordFields } from "@/components/search/keyword-fields";
import { ResultsSkeleton } from "@/components/search/results-skeleton";
import { SearchError } from "@/components/search/search-error";
import { SearchForm } from "@/components/search/search-form";
import { SearchResults } from "@/components/search/search-results";
import { SearchWaysNav } from "@/components/search/search-ways-nav";
import { TagFacet } from "@/components/search/tag-facet";
import { UnitCombobox } from "@/components/search/unit-combobox";
import { PageHeader } from "@/components/ui/page-header";
import { COUNTIES, STAGE_LABELS, TIME_SLOT_LABELS } from "@/lib/courses/labels";
import { asAppError, isAppError } from "@/lib/errors";
import { listSearchOptions } from "@/lib/search/list-search-options";
import { DEFAULTS, emptyQuery, PAGE_SIZES, parseSearchQuery, searchParamsOf, STAGES, TIME_SLOTS, type SearchQuery } from "@/lib/search/query";
import { searchCourses } from "@/lib/search/search-courses";

export const metadata: Metadata = {
  title: "研習進階搜尋",
  description: "以研習名稱、課程代碼、開課單位、日期、地區、性質、類別、標籤、時段、時數與費用交叉搜尋教師研習。",
};

const PATH = "/courses/advanced";

type Params = Record<string, string | string[] | undefined>;

async function Results({ params }: { params: Params }) {
  try {
    const result = await searchCourses(params);
    const q = result.query;
    // A keyword that could not be searched, and nothing else: as for an empty search, no list.
    const onlyKeyword = !usesMoreFields(q) && !q.from && !q.to;
    return (
      <SearchResults
        result={result}
        basePath={PATH}
        defaults={DEFAULTS}
        emptyActions={[{ href: PATH, label: "清除所有條件" }]}
        whenKeywordIgnored={onlyKeyword ? "none" : "list"}
      />
    );
  } catch (error) {
    const e = asAppError(error) ?? error;
    if (isAppError(e)) return <SearchError message={e.message} resetHref={PATH} />;
    throw e;
  }
}

/** Whether any of the fields behind 顯示更多方式 is in use (then they start open). */
function usesMoreFields(q: SearchQuery): boolean {
  return Boolean(
    q.county || q.stage || q.classType || q.category || q.tags.length || q.timeSlot || q.open || q.online || q.free ||
      q.minHours !== undefined || q.maxHours !== undefined || q.size !== DEFAULTS.size,
  );
}

const label = "mb-1 block font-medium";

export default async function Page({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const parsed = parseSearchQuery(params);
  const query: SearchQuery = parsed.ok ? parsed.query : emptyQuery();
  const searched = Object.values(params).some((v) => v !== undefined && v !== "");
  const options = await listSearchOptions();
  const categories = [...new Set([...options.categories, ...(query.category ? [query.category] : [])])];

  return (
    <>
      <PageHeader title="研習進階搜尋" crumbs={[{ href: "/", label: "首頁" }, { label: "研習進階搜尋" }]}>
        最完整的搜尋方式：可同時指定關鍵字、開課單位與日期範圍（包含已結束的研習），更多條件請按「顯示更多方式」。
      </PageHeader>
      <SearchWaysNav current="advanced" />
      <SearchForm key={`form:${searchParamsOf(query)}`} action={PATH} label="研習進階搜尋" defaults={{ field: "all", size: String(DEFAULTS.size) }} className="card">
        <KeywordFields query={query} idPrefix="adv" />
        <div className="mt-4 grid gap-4 sm:grid-cols-3">
          <UnitCombobox id="adv-org" label="辦理研習單位" defaultValue={query.org} placeholder="例如：國家教育研究院" hint="" />
          <div>
            <label htmlFor="adv-from" className={label}>
              開始日期（起）
            </label>
            <input id="adv-from" name="from" type="date" defaultValue={query.from} className="field-input" />
          </div>
          <div>
            <label htmlFor="adv-to" className={label}>
              開始日期（迄）
            </label>
            <input id="adv-to" name="to" type="date" defaultValue={query.to} className="field-input" />
          </div>
        </div>

        <details className="group mt-4 rounded-lg border border-line" open={usesMoreFields(query)}>
          <summary className="flex min-h-11 cursor-pointer items-center px-4 font-semibold text-accent">
            <span className="group-open:hidden">顯示更多方式</span>
            <span className="hidden group-open:inline">隱藏更多方式</span>
          </summary>
          <div className="grid gap-4 border-t border-line p-4 sm:grid-cols-2 lg:grid-cols-3">
            <div>
              <label htmlFor="adv-county" className={label}>
                地區（研習地點）
              </label>
              <select id="adv-county" name="county" defaultValue={query.county ?? ""} className="field-input">
                <option value="">不限</option>
                {COUNTIES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="adv-stage" className={label}>
                開課單位類型
              </label>
              <select id="adv-stage" name="stage" defaultValue={query.stage ?? ""} className="field-input">
                <option value="">不限</option>
                {STAGES.map((s) => (
                  <option key={s} value={s}>
                    {STAGE_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
            <ClassTypeSelect query={query} id="adv-type" />
            <div>
              <label htmlFor="adv-category" className={label}>
                研習類別
              </label>
              <select id="adv-category" name="category" defaultValue={query.category ?? ""} className="field-input">
                <option value="">不限</option>
                {categories.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="adv-slot" className={label}>
                課程時段
              </label>
              <select id="adv-slot" name="slot" defaultValue={query.timeSlot ?? ""} className="field-input">
                <option value="">不限</option>
                {TIME_SLOTS.map((s) => (
                  <option key={s} value={s}>
                    {TIME_SLOT_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
            <fieldset>
              <legend className={label}>研習時數</legend>
              <div className="flex items-center gap-2">
                <label htmlFor="adv-hmin" className="sr-only">
                  研習時數下限
                </label>
                <input id="adv-hmin" name="hmin" type="number" min={0} max={1000} step="0.5" inputMode="decimal" defaultValue={query.minHours} className="field-input" placeholder="下限" />
                <span aria-hidden="true">至</span>
                <label htmlFor="adv-hmax" className="sr-only">
                  研習時數上限
                </label>
                <input id="adv-hmax" name="hmax" type="number" min={0} max={1000} step="0.5" inputMode="decimal" defaultValue={query.maxHours} className="field-input" placeholder="上限" />
              </div>
            </fieldset>
            <TagFacet facets={options.tags} selected={query.tags} className="sm:col-span-2 lg:col-span-3" legendClassName={label} />
            <fieldset className="sm:col-span-2">
              <legend className={label}>報名與費用</legend>
              <div className="flex flex-wrap gap-x-6 gap-y-1">
                <label className="inline-flex min-h-9 items-center gap-2">
                  <input type="checkbox" name="open" value="1" defaultChecked={query.open} className="size-5" />
                  報名中
                </label>
                <label className="inline-flex min-h-9 items-center gap-2">
                  <input type="checkbox" name="online" value="1" defaultChecked={query.online} className="size-5" />
                  只看提供線上報名
                </label>
                <label className="inline-flex min-h-9 items-center gap-2">
                  <input type="checkbox" name="free" value="1" defaultChecked={query.free} className="size-5" />
                  只看免費研習
                </label>
              </div>
            </fieldset>
            <div>
              <label htmlFor="adv-size" className={label}>
                每頁筆數
              </label>
              <select id="adv-size" name="size" defaultValue={String(query.size)} className="field-input">
                {PAGE_SIZES.map((s) => (
                  <option key={s} value={s}>
                    {s} 筆
                  </option>
                ))}
              </select>
            </div>
          </div>
        </details>
      </SearchForm>
      {!parsed.ok ? (
        <SearchError message={parsed.message} resetHref={PATH} />
      ) : searched ? (
        <Suspense key={searchParamsOf(query).toString()} fallback={<ResultsSkeleton />}>
          <Results params={params} />
        </Suspense>
      ) : (
        <p className="mt-8 rounded-lg bg-surface p-4 text-muted">設定條件後按「搜尋」，這裡就會列出符合的研習。</p>
      )}
    </>
  );
}
