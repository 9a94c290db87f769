
/**
 * A list of choices as links (each one a search URL), the chosen one marked. Used for counties,
 * organizer stages and school stages: works with keyboard, screen readers and no JavaScript.
 */
export function OptionLinks({
  label,
  options,
  columns = "grid-cols-2 sm:grid-cols-3 lg:grid-cols-4",
}: {
  label: string;
  options: { key: string; label: string; href: string; selected: boolean; note?: string }[];
  columns?: string;
}) {
  return (
    <nav aria-label={label}>
      <ul className={`grid gap-2 ${columns}`}>
        {options.map((o) => (
          <li key={o.key}>
            <a
              href={o.href}
              aria-current={o.selected ? "true" : undefined}
              className={
                o.selected
                  ? "flex min-h-11 items-center justify-center rounded-lg bg-accent px-3 py-2 text-center font-semibold text-white no-underline hover:text-white"
                  : "flex min-h-11 items-center justify-center rounded-lg border border-line bg-white px-3 py-2 text-center text-ink no-underline hover:border-accent hover:text-accent-strong"
              }
            >
              {o.label}
              {o.note && <span className="ml-1 text-sm opacity-80">{o.note}</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
