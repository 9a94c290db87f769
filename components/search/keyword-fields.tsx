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
export function ClassTypeSelect({ query, id }: { query: SearchQuery; id: string }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-medium">
        性質
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
