import { canonicalTag, countsByTag } from "@/lib/courses/tags";
import type { TagFacet as TagCount } from "@/lib/search/index-port";

/**
 * 專案屬性標籤 of the search form: a checkbox (name="tag") per tag that public courses carry,
 * with how many carry it — 性別平等教育 (736) — in the order of the managed list. A tag in the
 * URL is ticked also when the URL spells it by an alias (?tag=性平教育), and is listed even when
 * no course carries it now. Plain form controls: keyboard, screen readers and no JavaScript.
 */
export function TagFacet({
  facets,
  selected,
  className,
  legendClassName = "mb-1 block font-medium",
}: {
  facets: readonly TagCount[];
  selected: readonly string[];
  className?: string;
  legendClassName?: string;
}) {
  const chosen = new Set(selected.map((t) => canonicalTag(t) ?? t.trim()).filter(Boolean));
  // Ticked tags join with no courses of their own, so that they show even when none has them now.
  const rows = countsByTag([...facets, ...[...chosen].map((name) => ({ name, count: 0 }))]);
  if (!rows.length) return null;

  return (
    <fieldset className={className}>
      <legend className={legendClassName}>專案屬性標籤（符合任一個即可）</legend>
      <ul className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3 lg:grid-cols-4">
        {rows.map(({ name, count }) => (
          <li key={name} className="min-w-0">
            <label className="flex min-h-11 items-center gap-2 sm:min-h-9">
              <input type="checkbox" name="tag" value={name} defaultChecked={chosen.has(name)} className="size-5 shrink-0" />
              <span className="min-w-0 break-words">
                {name} <span className="text-muted tabular-nums">({count.toLocaleString("zh-TW")})</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
