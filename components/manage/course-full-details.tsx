import type { ReactNode } from "react";
import type { ManagedCourse } from "@/lib/courses/course-dto";
import type { PublicCourse } from "@/lib/courses/find-course";
import { ADMISSION_MODE_LABELS, ELIGIBILITY_LABELS } from "@/lib/courses/course-form-schema";
import { FORM_FIELD_LABELS, knownFields } from "@/lib/registrations/form-schema";
import { formatDateTime } from "@/lib/format/date";
import { CourseDetails } from "@/components/course/course-details";
import { classTypeText, dayOf, termText } from "@/components/course/course-text";

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[7.5rem_minmax(0,1fr)] sm:gap-y-3">
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="mt-2 text-sm font-semibold text-muted sm:mt-0 sm:text-base sm:font-normal">{label}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Every field of a course, read-only: what 區管中心 reads before approving, and what an organizer
 * sees of a course that cannot be edited now. The public page's sections (課程資訊, 報名資訊,
 * 開課單位) as teachers will see them, with 課程概要 and 報名設定 around them.
 */
export function CourseFullDetails({ course }: { course: ManagedCourse }) {
  const c = course;
  // The public sections only ask whether the course is cancelled; a draft reads like the published course it will be.
  const asPublic: PublicCourse = { ...c, status: c.status === "CANCELLED" ? "CANCELLED" : "PUBLISHED", cancelReason: c.status === "CANCELLED" ? c.statusNote : null };
  const fields = knownFields(c.formFields);
  return (
    <div className="space-y-6">
      <section aria-labelledby="summary-heading" className="card">
        <h2 id="summary-heading" className="mb-3 text-lg font-bold">
          課程概要
        </h2>
        <Facts
          items={[
            ["研習名稱", <span key="t" className="font-semibold">{c.title}</span>],
            ["課程代碼", c.code],
            ["班別性質", classTypeText(c.classType, c.category)],
            ["學年度學期", termText(c.schoolYear, c.semester)],
            ["開課單位", `${c.organizer.name}（${c.organizer.county}）`],
            ["登錄日期", dayOf(c.listedAt)],
            ...(c.submittedAt ? ([["送審時間", formatDateTime(new Date(c.submittedAt))]] as [string, ReactNode][]) : []),
            ...(c.publishedAt ? ([["公告時間", formatDateTime(new Date(c.publishedAt))]] as [string, ReactNode][]) : []),
          ]}
        />
      </section>
      <CourseDetails course={asPublic} />
      <section aria-labelledby="settings-heading" className="card">
        <h2 id="settings-heading" className="mb-3 text-lg font-bold">
          報名設定
        </h2>
        <Facts
          items={[
            ["總名額", `${c.capacity.toLocaleString("zh-TW")} 人（${c.classCount} 班 × ${c.seatsPerClass} 人）`],
            ...(c.onlineRegistration
              ? ([
                  ["報名資格", ELIGIBILITY_LABELS[c.eligibility]],
                  ["錄取方式", ADMISSION_MODE_LABELS[c.admissionMode]],
                  ["備取名額", c.waitlistLimit ? `${c.waitlistLimit} 人` : "不備取"],
                  ["報名表欄位", fields.length ? fields.map((f) => FORM_FIELD_LABELS[f]).join("、") : "不需填寫其他欄位"],
                ] as [string, ReactNode][])
              : ([["線上報名", "未提供線上報名"]] as [string, ReactNode][])),
          ]}
        />
      </section>
    </div>
  );
}
