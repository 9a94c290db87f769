import type { MyRegistrationsQuery } from "@/lib/registrations/list-my-registrations";
import { REGISTRATION_STATUS_LABELS } from "@/lib/courses/labels";

const STATUSES = ["PENDING", "APPROVED", "WAITLISTED", "REJECTED", "CANCELLED"] as const;

/** The filter of 個人報名記錄: a plain GET form, so the filter lives in the URL and works without JavaScript. */
export function RegistrationFilter({ query }: { query: MyRegistrationsQuery }) {
  const filtered = !!(query.from || query.to || query.status);
  return (
    <form method="get" action="/me/registrations" className="card mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_auto] lg:items-end" aria-label="篩選報名記錄">
      <div>
        <label htmlFor="from" className="mb-1 block font-semibold">
          研習日期（起）
        </label>
        <input id="from" name="from" type="date" defaultValue={query.from ?? ""} className="field-input" />
      </div>
      <div>
        <label htmlFor="to" className="mb-1 block font-semibold">
          研習日期（迄）
        </label>
        <input id="to" name="to" type="date" defaultValue={query.to ?? ""} className="field-input" />
      </div>
      <div>
        <label htmlFor="status" className="mb-1 block font-semibold">
          線上報名結果
        </label>
        <select id="status" name="status" defaultValue={query.status ?? ""} className="field-input">
          <option value="">全部</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {REGISTRATION_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className="btn btn-primary">
          查詢
        </button>
        {filtered && (
          <a href="/me/registrations" className="btn btn-secondary">
            清除條件
          </a>
        )}
      </div>
    </form>
  );
}
