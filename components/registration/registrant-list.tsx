import type { RegistrantRow } from "@/lib/registrations/list-registrants";
import { GENDER_LABELS, POSITION_TYPE_LABELS, REGISTRATION_STATUS_LABELS } from "@/lib/courses/labels";
import { formatDateTime } from "@/lib/format/date";
import { StatusBadge } from "@/components/ui/status-badge";

export const STATUS_TONE = { APPROVED: "success", PENDING: "info", WAITLISTED: "warning", REJECTED: "danger", CANCELLED: "neutral" } as const;

/** 報名名單: a table on wide screens, cards on phones. The viewer's own row is marked. */
export function RegistrantList({ rows }: { rows: RegistrantRow[] }) {
  if (rows.length === 0) return <p className="card text-muted">目前還沒有人報名。</p>;
  return (
    <>
      <table className="hidden w-full border-collapse text-left md:table">
        <caption className="sr-only">報名名單，共 {rows.length} 人</caption>
        <thead>
          <tr className="border-b-2 border-line text-sm text-muted">
            {["編號", "姓名", "性別", "服務學校", "職位類別", "處理狀態", "報名時間"].map((h) => (
              <th key={h} scope="col" className="px-2 py-2 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.no} className={`border-b border-line ${r.isMine ? "bg-accent-soft font-semibold" : ""}`} aria-current={r.isMine ? "true" : undefined}>
              <td className="px-2 py-2">{r.no}</td>
              <td className="px-2 py-2">
                {r.maskedName}
                {r.isMine && <span className="ml-2 text-sm text-accent">（您）</span>}
              </td>
              <td className="px-2 py-2">{r.gender ? GENDER_LABELS[r.gender] : "—"}</td>
              <td className="px-2 py-2">{r.schoolName || "—"}</td>
              <td className="px-2 py-2">{r.positionType ? POSITION_TYPE_LABELS[r.positionType] : "—"}</td>
              <td className="px-2 py-2">
                <StatusBadge tone={STATUS_TONE[r.status]}>{REGISTRATION_STATUS_LABELS[r.status]}</StatusBadge>
              </td>
              <td className="px-2 py-2 whitespace-nowrap">{formatDateTime(new Date(r.registeredAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ol className="space-y-2 md:hidden" aria-label={`報名名單，共 ${rows.length} 人`}>
        {rows.map((r) => (
          <li key={r.no} className={`card p-3 ${r.isMine ? "border-accent bg-accent-soft" : ""}`}>
            <div className="flex items-center justify-between gap-2">
              <span className="font-semibold">
                {r.no}. {r.maskedName}
                {r.isMine && <span className="ml-1 text-sm text-accent">（您）</span>}
              </span>
              <StatusBadge tone={STATUS_TONE[r.status]}>{REGISTRATION_STATUS_LABELS[r.status]}</StatusBadge>
            </div>
            <p className="text-sm text-muted">
              {[r.gender ? GENDER_LABELS[r.gender] : null, r.schoolName, r.positionType ? POSITION_TYPE_LABELS[r.positionType] : null].filter(Boolean).join("・")}
            </p>
            <p className="text-sm text-muted">報名時間 {formatDateTime(new Date(r.registeredAt))}</p>
          </li>
        ))}
      </ol>
    </>
  );
}

/** 處理狀態說明, as the portal's table explains them. */
export function StatusLegend() {
  const items = [
    ["APPROVED", "審核通過（正取），已取得研習名額。"],
    ["PENDING", "已收到報名，等待開課單位審核。"],
    ["WAITLISTED", "備取：正取者取消時依序遞補。"],
    ["REJECTED", "審核不通過（不錄取）。"],
  ] as const;
  return (
    <dl className="grid gap-2 text-sm sm:grid-cols-2">
      {items.map(([s, text]) => (
        <div key={s} className="flex items-start gap-2">
          <dt>
            <StatusBadge tone={STATUS_TONE[s]}>{REGISTRATION_STATUS_LABELS[s]}</StatusBadge>
          </dt>
          <dd className="text-muted">{text}</dd>
        </div>
      ))}
    </dl>
  );
}
