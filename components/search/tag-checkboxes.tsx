/**
 * 專案屬性標籤 as checkboxes (name "tag", courses with any of them), the same markup as the list on
 * 研習進階搜尋. Kept in one component so that the pages using it can move to the shared tag
 * facet (components/search/tag-facet.tsx) in one place.
 */
export function TagCheckboxes({ tags, selected, className = "" }: { tags: string[]; selected: string[]; className?: string }) {
  const all = [...new Set([...tags, ...selected])];
  return (
    <fieldset className={className}>
      <legend className="mb-1 block font-medium">專案屬性標籤（符合任一個即可）</legend>
      <ul className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3 lg:grid-cols-4">
        {all.map((t) => (
          <li key={t}>
            <label className="inline-flex min-h-9 items-center gap-2">
              <input type="checkbox" name="tag" value={t} defaultChecked={selected.includes(t)} className="size-5" />
              {t}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
