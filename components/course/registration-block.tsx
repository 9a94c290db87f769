import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { Spinner } from "@/components/ui/spinner";
import { NOT_OFFERED_EXPLANATION, type RegistrationWindowState } from "@/lib/registrations/window";
import { REGISTRATION_STATUS_LABELS } from "@/lib/courses/labels";
import { formatDateTime } from "@/lib/format/date";
import { WINDOW_LABELS, WINDOW_TONES } from "@/components/course/course-text";
import type { RegistrationStatus } from "@/generated/prisma/enums";

/**
 * Seats left: "static" in the cached page (a link to the live figure, for browsers without
 * JavaScript), "loading" while the live state is fetched, then the live figure.
 */
export type SeatsView =
  | { kind: "static" }
  | { kind: "loading" }
  | { kind: "error" }
  | { kind: "live"; seatsLeft: number; capacity: number };

type Props = {
  code: string;
  state: RegistrationWindowState;
  /** registrationWindowMessage of the course. */
  message: string;
  onlineRegistration: boolean;
  seats: SeatsView;
  ownUnitOnly: boolean;
  organizerName: string;
  /** Who is looking, once known (null in the cached page). */
  viewer: "ANONYMOUS" | "TEACHER" | "OTHER" | null;
  /** The teacher's own registration (not cancelled), if any. */
  mine: { status: RegistrationStatus; registeredAt: string } | null;
};

const MINE_TONE = { PENDING: "warning", APPROVED: "success", REJECTED: "danger", WAITLISTED: "info", CANCELLED: "neutral" } as const;

/** 線上報名: the state of online registration, 線上報名餘額, the viewer's registration and the way in. */
export function RegistrationBlock(p: Props) {
  const registerHref = `/courses/${p.code}/register`;
  const showSeats = p.onlineRegistration && p.state !== "CANCELLED" && p.state !== "NOT_PUBLISHED";
  return (
    <section aria-labelledby="registration-heading" className="card space-y-4" data-testid="registration-block" data-state={p.state} data-live={p.seats.kind}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="registration-heading" className="text-lg font-bold">
          線上報名
        </h2>
        <StatusBadge tone={WINDOW_TONES[p.state]}>{WINDOW_LABELS[p.state]}</StatusBadge>
      </div>
      <p data-testid="registration-message">
        {p.state === "NOT_OFFERED" ? (
          <>
            {NOT_OFFERED_EXPLANATION} <a href="#contact">查看承辦人聯絡方式</a>
          </>
        ) : (
          p.message
        )}
      </p>
      {showSeats && (
        <div className="flex min-h-14 items-center justify-between gap-3 rounded-lg bg-surface px-4 py-3">
          <span className="font-semibold">線上報名餘額</span>
          {p.seats.kind === "live" ? (
            <span>
              <strong className="text-2xl" data-testid="seats-left">
                {p.seats.seatsLeft}
              </strong>{" "}
              名<span className="text-sm text-muted">（共 {p.seats.capacity} 名）</span>
            </span>
          ) : p.seats.kind === "loading" ? (
            <span className="flex items-center gap-2 text-sm text-muted">
              <Spinner label="正在取得即時名額" />
              取得中
            </span>
          ) : p.seats.kind === "error" ? (
            <span className="text-sm">暫時無法取得，請稍後重新整理頁面。</span>
          ) : (
            <Link prefetch={false} href={registerHref} className="text-sm">
              查看即時名額
            </Link>
          )}
        </div>
      )}
      {p.state === "OPEN" && p.seats.kind === "live" && p.seats.seatsLeft === 0 && (
        <p className="text-sm">目前名額已滿，錄取與備取方式請見線上報名專區。</p>
      )}
      {p.ownUnitOnly && showSeats && <p className="text-sm">本課程僅提供開課單位（{p.organizerName}）校內教師報名。</p>}
      {p.mine && (
        <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="my-registration">
          您的報名：<StatusBadge tone={MINE_TONE[p.mine.status]}>{REGISTRATION_STATUS_LABELS[p.mine.status]}</StatusBadge>
          <span className="text-muted">報名時間 {formatDateTime(new Date(p.mine.registeredAt))}</span>
        </p>
      )}
      {p.state === "OPEN" && p.viewer === "ANONYMOUS" ? (
        <div className="space-y-2">
          <Link prefetch={false} href={`/login?callbackUrl=${encodeURIComponent(registerHref)}`} className="btn btn-primary w-full">
            登入後報名
          </Link>
          <p className="text-sm text-muted">報名須以教師個人帳號登入。</p>
        </div>
      ) : p.state === "OPEN" || p.mine ? (
        <Link prefetch={false} href={registerHref} className="btn btn-primary w-full">
          {p.mine ? "查看我的報名" : "線上報名專區"}
        </Link>
      ) : null}
    </section>
  );
}
