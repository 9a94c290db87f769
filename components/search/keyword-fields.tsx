import { CLASS_TYPE_LABELS } from "@/lib/courses/labels";
import { CLASS_TYPES, KEYWORD_FIELD_LABELS, KEYWORD_FIELDS, type SearchQuery } from "@/lib/search/query";

/** 關鍵字 and 搜尋範圍 (which field the keyword targets). */
export function KeywordFields({ query, idPrefix }: { query: SearchQuery; idPrefix: string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
      <div>
        <label htmlFor={`${idPrefix}-q`} className="mb-1 block font-medium">
          關鍵字
        </label>
        <input
          id={`${idPrefix}-q`}
          name="q"
          type="search"
          defaultValue={query.q}
          maxLength={100}
          placeholder="例如：性平、數學、國中"
          aria-describedby={`${idPrefix}-q-hint`}
          className="field-input"
        />
        <p id={`${idPrefix}-q-hint`} className="mt-1 text-sm text-muted">
          可輸入多個詞，以空白分隔；台與臺、全形與半形都可以。
        </p>
      </div>
      <div>
        <label htmlFor={`${idPrefix}-field`} className="mb-1 block font-medium">
          搜尋範圍
        </label>
        <select id={`${idPrefix}-field`} name="field" defaultValue={query.field} className="field-input">
          {KEYWORD_FIELDS.map((f) => (
            <option key={f} value={f}>
              {KEYWORD_FIELD_LABELS[f]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** 性質 (class type) select. */
export function ClassTypeSelect({ query, id, label = "性質" }: { query: SearchQuery; id: string; label?: string }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        {label}
      </label>
      <select id={id} name="type" defaultValue={query.classType ?? ""} className="field-input">
        <option value="">不限</option>
        {CLASS_TYPES.map((t) => (
          <option key={t} value={t}>
            {CLASS_TYPE_LABELS[t]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** 非學分班 / 學分班 / 學位班 as one row of choices (全部研習列表, as in the manual). */
export function ClassTypeRadios({ query, idPrefix }: { query: SearchQuery; idPrefix: string }) {
  return (
    <fieldset>
      <legend className="mb-1 font-medium">班別性質</legend>
      <div className="flex min-h-11 flex-wrap items-center gap-x-6 gap-y-2">
        {[{ value: "", label: "不限" }, ...CLASS_TYPES.map((t) => ({ value: t, label: CLASS_TYPE_LABELS[t] }))].map((o) => (
          <label key={o.value || "any"} htmlFor={`${idPrefix}-type-${o.value || "any"}`} className="inline-flex items-center gap-2">
            <input id={`${idPrefix}-type-${o.value || "any"}`} type="radio" name="type" value={o.value} defaultChecked={(query.classType ?? "") === o.value} className="size-5" />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
