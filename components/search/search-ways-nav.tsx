export type SearchWay = "map" | "list" | "advanced" | "organizers";

const WAYS: { way: SearchWay; href: string; label: string }[] = [
  { way: "map", href: "/courses/map", label: "依研習地點搜尋" },
  { way: "list", href: "/courses", label: "全部研習列表" },
  { way: "advanced", href: "/courses/advanced", label: "研習進階搜尋" },
  { way: "organizers", href: "/courses/organizers", label: "依開課單位搜尋" },
];

/** The four ways into course search, as tabs. */
export function SearchWaysNav({ current }: { current: SearchWay }) {
  return (
    <nav aria-label="研習搜尋方式" className="mb-6">
      <ul className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        {WAYS.map((w) => (
          <li key={w.way}>
            <a
              href={w.href}
              aria-current={w.way === current ? "page" : undefined}
              className={
                w.way === current
                  ? "block rounded-lg bg-accent px-3 py-2 text-center font-semibold text-white no-underline hover:text-white"
                  : "block rounded-lg border border-line bg-white px-3 py-2 text-center font-medium text-ink no-underline hover:border-accent hover:text-accent-strong"
              }
            >
              {w.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
