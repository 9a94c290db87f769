import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { listMyRegistrations } from "@/lib/registrations/list-my-registrations";
import { RegistrationStatusBadge } from "@/components/me/registration-status-badge";
import { CourseDates } from "@/components/me/my-registrations-table";

/**
 * The signed-in teacher's home: registrations for courses not yet ended, soonest first, with
 * their review results. An async server component, rendered per request (personal data).
 */
export async function TeacherHome({ actor, headingLevel = 2 }: { actor: Actor; headingLevel?: 2 | 3 }) {
  const { rows, total } = await listMyRegistrations(actor, { scope: "upcoming" });
  const Heading = `h${headingLevel}` as "h2" | "h3";
  return (
    <section aria-labelledby="upcoming-heading" className="card">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <Heading id="upcoming-heading" className="text-lg font-semibold">
          即將參加的研習
        </Heading>
        <Link href="/me/registrations" className="text-sm">
          全部報名記錄
        </Link>
      </div>
      {rows.length === 0 ? (
        <div>
          <p>目前沒有尚未結束的研習報名。</p>
          <p className="mt-2">
            <Link href="/courses" className="btn btn-primary">
              搜尋研習
            </Link>
          </p>
        </div>
      ) : (
        <>
          <ul className="divide-y divide-line" aria-label="尚未結束的研習報名">
            {rows.map((r) => (
              <li key={r.code} className="py-3 first:pt-0 last:pb-0">
                <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
                  <p className="min-w-0 break-words">
                    <a href={`/courses/${r.code}`} className="font-semibold">
                      {r.title}
                    </a>
                  </p>
                  <RegistrationStatusBadge status={r.status} />
                </div>
                <p className="text-sm text-muted">
                  <CourseDates r={r} />・{r.organizerName}
                  {r.courseState !== "REGISTERED" && <span className="font-semibold text-ink">・{r.courseStateLabel}</span>}
                </p>
                {r.decisionNote && <p className="mt-1 text-sm">說明：{r.decisionNote}</p>}
              </li>
            ))}
          </ul>
          {total > rows.length && (
            <p className="mt-3 text-sm text-muted">
              另有 {total - rows.length} 筆，請看<Link href="/me/registrations">個人報名記錄</Link>。
            </p>
          )}
        </>
      )}
    </section>
  );
}
