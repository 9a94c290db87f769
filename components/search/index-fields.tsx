import { ClassTypeSelect } from "@/components/search/keyword-fields";
import { TagFacet } from "@/components/search/tag-facet";
import { UnitCombobox } from "@/components/search/unit-combobox";
import { COUNTIES } from "@/lib/courses/labels";
import type { TagFacet as TagCount } from "@/lib/search/index-port";
import type { SearchQuery } from "@/lib/search/query";

const label = "mb-1 block font-medium";

/** 研習名稱/代碼: a keyword in every field, where a course code also matches (field=all). */
export function TitleOrCodeField({ query, id }: { query: SearchQuery; id: string }) {
  return (
    <div>
      <label htmlFor={id} className={label}>
        研習名稱/代碼
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={query.q}
        maxLength={100}
        placeholder="例如：性平、2072423"
        aria-describedby={`${id}-hint`}
        className="field-input"
      />
      <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
        研習名稱中的詞，或 7 位數課程代碼。
      </p>
    </div>
  );
}

/** 課程開始日期: from – to (past courses included). */
export function StartDateRange({ query, idPrefix }: { query: SearchQuery; idPrefix: string }) {
  return (
    <fieldset>
      <legend className={label}>課程開始日期</legend>
      <div className="grid grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)] items-center gap-2">
        <label htmlFor={`${idPrefix}-from`} className="sr-only">
          課程開始日期（起）
        </label>
        <input id={`${idPrefix}-from`} name="from" type="date" defaultValue={query.from} className="field-input min-w-0" />
        <span aria-hidden="true">至</span>
        <label htmlFor={`${idPrefix}-to`} className="sr-only">
          課程開始日期（迄）
        </label>
        <input id={`${idPrefix}-to`} name="to" type="date" defaultValue={query.to} className="field-input min-w-0" />
      </div>
    </fieldset>
  );
}

/** 地區: the county a course is held in. */
export function CountySelect({ query, id, labelText = "地區（研習地點）" }: { query: SearchQuery; id: string; labelText?: string }) {
  return (
    <div>
      <label htmlFor={id} className={label}>
        {labelText}
      </label>
      <select id={id} name="county" defaultValue={query.county ?? ""} className="field-input">
        <option value="">不限</option>
        {COUNTIES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * 研習資訊分類索引, the fields the manual shows under the map (圖3) and the organizer stages (圖6):
 * 研習名稱/代碼, 辦理研習單位 (with suggestions), 課程開始日期, optionally 地區, 班別性質 and
 * 專案屬性標籤. The choice made above (county, stage) travels in hidden fields.
 */
export function IndexFields({
  query,
  idPrefix,
  tags,
  withCounty = false,
  typeLabel = "班別性質",
}: {
  query: SearchQuery;
  idPrefix: string;
  tags: readonly TagCount[];
  withCounty?: boolean;
  typeLabel?: string;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TitleOrCodeField query={query} id={`${idPrefix}-q`} />
      <UnitCombobox id={`${idPrefix}-org`} label="辦理研習單位" defaultValue={query.org} />
      <StartDateRange query={query} idPrefix={idPrefix} />
      {withCounty && <CountySelect query={query} id={`${idPrefix}-county`} />}
      <ClassTypeSelect query={query} id={`${idPrefix}-type`} label={typeLabel} />
      <TagFacet facets={tags} selected={query.tags} className="sm:col-span-2" />
    </div>
  );
}
