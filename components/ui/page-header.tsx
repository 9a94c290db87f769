import type { ReactNode } from "react";

export function PageHeader({ title, children, crumbs }: { title: string; children?: ReactNode; crumbs?: { href?: string; label: string }[] }) {
  return (
    <div className="mb-8">
      {crumbs && (
        <nav aria-label="現在位置" className="mb-2 text-sm text-muted">
          <ol className="flex flex-wrap gap-1">
            {crumbs.map((c, i) => (
              <li key={i} className="flex items-center gap-1">
                {i > 0 && <span aria-hidden="true">›</span>}
                {c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}
              </li>
            ))}
          </ol>
        </nav>
      )}
      <h1 className="text-2xl font-bold sm:text-3xl">{title}</h1>
      {children && <div className="mt-2 text-muted">{children}</div>}
    </div>
  );
}

/** A page whose capability is still being built: says so plainly, shows no made-up data. */
export function ComingSoon({ what, links }: { what: string; links?: { href: string; label: string }[] }) {
  return (
    <div className="card bg-surface">
      <p className="font-semibold">{what}功能建置中，即將開放。</p>
      <p className="mt-1 text-muted">目前這裡還沒有資料可以顯示。</p>
      {links && links.length > 0 && (
        <ul className="mt-3 flex flex-wrap gap-3">
          {links.map((l) => (
            <li key={l.href}>
              <a href={l.href} className="btn btn-secondary">
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
