import type { Actor } from "@/lib/auth/actor";
import { getRegionHome } from "@/lib/courses/get-region-home";
import { formatDateTime } from "@/lib/format/date";
import { daysWaiting } from "@/components/region/approval-queue";

/** The 區管中心's part of the signed-in home page: how many courses wait for approval, the oldest first. */
export async function RegionHome({ actor }: { actor: Actor }) {
  const home = await getRegionHome(actor);
  const now = new Date();
  return (
    <section aria-labelledby="region-home-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="region-home-heading" className="text-xl font-bold">
            課程審核
          </h2>
          <p className="text-muted">轄區：{home.counties.join("、")}</p>
        </div>
        <a href="/region" className="btn btn-primary">
          前往課程審核
        </a>
      </div>
      {home.awaitingCount === 0 ? (
        <p className="card bg-surface">目前沒有等待審核的課程。</p>
      ) : (
        <div className="card">
          <h3 className="font-bold">
            {home.awaitingCount} 門課程等待審核
            {home.awaitingCount > home.oldest.length && <span className="font-normal text-muted">（以下為送審最久的 {home.oldest.length} 門）</span>}
          </h3>
          <ul className="mt-2 divide-y divide-line">
            {home.oldest.map((c) => {
              const days = daysWaiting(c.submittedAt, now);
              return (
                <li key={c.code} className="py-2">
                  <a href={`/region/courses/${c.code}`} className="font-semibold">
                    {c.title}
                  </a>
                  <span className="block text-sm text-muted">
                    {c.organizerName}・送審 {formatDateTime(c.submittedAt)}
                    {days > 0 && `（已等待 ${days} 天）`}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
