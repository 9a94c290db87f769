import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { getActor } from "@/lib/auth/session";
import { pageCall } from "@/lib/auth/page";
import { getRegistrationArea } from "@/lib/registrations/get-registration-area";
import { NOT_OFFERED_EXPLANATION } from "@/lib/registrations/window";
import { REGISTRATION_STATUS_LABELS } from "@/lib/courses/labels";
import { formatDate, formatDateTime, formatDeadline } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { RegistrationForm } from "@/components/registration/registration-form";
import { CancelRegistration } from "@/components/registration/cancel-registration";
import { RegistrantList, StatusLegend, STATUS_TONE } from "@/components/registration/registrant-list";
import { cancelAction, enrolAction } from "./actions";

export const metadata: Metadata = { title: "線上報名專區", robots: { index: false, follow: true } };

type Props = { params: Promise<{ code: string }> };

/** 線上報名或取消報名. Personal: rendered for each request. */
export default async function RegisterPage({ params }: Props) {
  const { code } = await params;
  const actor = await getActor();
  const area = await pageCall(() => getRegistrationArea(actor, code));
  const { course, verdict, mine } = area;
  const active = mine && mine.status !== "CANCELLED";
  const here = `/courses/${course.code}/register`;

  return (
    <>
      <PageHeader
        title="線上報名專區"
        crumbs={[{ href: "/", label: "首頁" }, { href: "/courses", label: "研習搜尋" }, { href: `/courses/${course.code}`, label: course.code }, { label: "線上報名" }]}
      />
      <section aria-labelledby="summary" className="card mb-6">
        <h2 id="summary" className="sr-only">
          課程摘要
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[8rem_1fr]">
          <dt className="text-muted">課程代碼</dt>
          <dd>{course.code}</dd>
          <dt className="text-muted">課程名稱</dt>
          <dd>
            <Link href={`/courses/${course.code}`}>{course.title}</Link>
          </dd>
          <dt className="text-muted">課程開始日期</dt>
          <dd>{formatDate(new Date(`${course.startDate}T00:00:00Z`))}</dd>
          <dt className="text-muted">線上報名期限</dt>
          <dd>{course.registrationClosesAt ? formatDeadline(new Date(course.registrationClosesAt)) : "未設定"}</dd>
          <dt className="text-muted">報名狀態</dt>
          <dd>{course.windowMessage}</dd>
          <dt className="text-muted">線上報名餘額</dt>
          <dd>
            <strong className="text-lg">{course.seatsLeft}</strong> 名（共 {course.capacity} 名）
          </dd>
          <dt className="text-muted">錄取方式</dt>
          <dd>
            {course.admissionMode === "AUTOMATIC"
              ? `先到先得：前 ${course.capacity} 名直接錄取${course.waitlistLimit ? `，之後 ${course.waitlistLimit} 名列為備取` : ""}`
              : `由開課單位審核${course.waitlistLimit ? `（可備取 ${course.waitlistLimit} 名）` : ""}`}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="mine" className="mb-8">
        <h2 id="mine" className="mb-3 text-xl font-bold">
          {active ? "您的報名" : "報名表"}
        </h2>
        {active ? (
          <div className="card space-y-3 border-accent">
            <p className="flex flex-wrap items-center gap-2">
              處理狀態：<StatusBadge tone={STATUS_TONE[mine.status]}>{REGISTRATION_STATUS_LABELS[mine.status]}</StatusBadge>
            </p>
            <p className="text-muted">報名時間：{formatDateTime(new Date(mine.registeredAt))}</p>
            {mine.decisionNote && <p className="text-muted">說明：{mine.decisionNote}</p>}
            {area.canCancel ? (
              <CancelRegistration idempotencyKey={randomUUID()} action={cancelAction.bind(null, course.code)} />
            ) : (
              <p className="text-muted">研習已開始，如需取消請洽開課單位承辦人。</p>
            )}
          </div>
        ) : !verdict.ok ? (
          <div className="card bg-surface" role="status">
            {verdict.reason !== "WINDOW" && <p className="font-semibold">{verdict.message}</p>}
            {verdict.reason === "WINDOW" && (
              <p className="font-semibold">{course.windowState === "NOT_OFFERED" ? NOT_OFFERED_EXPLANATION : `目前無法線上報名：${verdict.message}`}</p>
            )}
            {mine?.status === "CANCELLED" && <p className="mt-1 text-muted">您先前的報名已取消。</p>}
            {verdict.reason === "SIGN_IN" && (
              <p className="mt-3">
                <Link href={`/login?callbackUrl=${encodeURIComponent(here)}`} className="btn btn-primary">
                  登入後報名
                </Link>
              </p>
            )}
            {verdict.reason !== "SIGN_IN" && (
              <p className="mt-3 flex flex-wrap gap-3">
                <Link href="/courses" className="btn btn-secondary">
                  搜尋其他研習
                </Link>
              </p>
            )}
          </div>
        ) : (
          <div className="card">
            {mine?.status === "CANCELLED" && <p className="mb-3 text-muted">您先前的報名已取消，可以重新報名（將依新的報名時間排序）。</p>}
            <p className="mb-4 text-sm text-muted">
              欄位皆為必填（<span className="text-danger">*</span>）。送出後請勿關閉頁面，完成後這裡會顯示您的處理狀態。
            </p>
            <RegistrationForm
              fields={course.formFields}
              prefill={area.prefill}
              storedNationalIdMasked={area.storedNationalIdMasked}
              idempotencyKey={randomUUID()}
              action={enrolAction.bind(null, course.code)}
            />
          </div>
        )}
      </section>

      <section aria-labelledby="list">
        <h2 id="list" className="mb-2 text-xl font-bold">
          報名名單
        </h2>
        <div className="mb-4">
          <StatusLegend />
        </div>
        <RegistrantList rows={area.registrants} />
      </section>
    </>
  );
}
