import type { County } from "@/lib/courses/labels";
import { MAP_HEIGHT, MAP_WIDTH, taiwanMap } from "@/components/search/taiwan-map-data";

/**
 * The clickable county map (server-rendered SVG). Pointer users click a county; keyboard and
 * screen-reader users use the county list beside it (CountyList), so the drawing itself is
 * hidden from assistive technology and out of the tab order.
 */
export function TaiwanMap({ selected, hrefFor }: { selected?: County; hrefFor: (county: County) => string }) {
  const { shapes, insetBorders } = taiwanMap();
  return (
    <svg
      viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
      className="mx-auto h-auto w-full max-w-[360px]"
      aria-hidden="true"
      focusable="false"
    >
      <path d={insetBorders} fill="none" stroke="#9ca3af" strokeWidth={0.8} strokeDasharray="3 3" />
      {shapes.map((s) => (
        <a key={s.county} href={hrefFor(s.county)} tabIndex={-1} className="group">
          <title>{s.county}</title>
          <path
            d={s.path}
            className={
              s.county === selected
                ? "fill-accent stroke-white"
                : "fill-accent-soft stroke-accent transition-colors group-hover:fill-blue-200"
            }
            strokeWidth={0.7}
          />
        </a>
      ))}
      {shapes
        .filter((s) => s.county === selected)
        .map((s) => (
          <text
            key={s.county}
            x={s.labelX}
            y={s.labelY}
            textAnchor="middle"
            dominantBaseline="middle"
            className="pointer-events-none fill-ink text-[13px] font-bold"
            stroke="#fff"
            strokeWidth={3}
            paintOrder="stroke"
          >
            {s.county}
          </text>
        ))}
    </svg>
  );
}
