import type { ReactNode } from "react";
import { TIME_SLOT_LABELS } from "@/lib/courses/labels";
import type { PublicCourse } from "@/lib/courses/find-course";
import { courseDates, feeText, hoursText, onlineRegistrationText, registrationPeriod } from "@/components/course/course-text";

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

function Section({ id, title, children, className = "" }: { id: string; title: string; children: ReactNode; className?: string }) {
  return (
    <section aria-labelledby={`${id}-heading`} id={id} className={`card scroll-mt-4 ${className}`}>
      <h2 id={`${id}-heading`} className="mb-3 text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** 課程資訊, 報名資訊 and 開課單位 of the course page: every field of the original's 研習課程介紹. */
export function CourseDetails({ course }: { course: PublicCourse }) {
  const c = course;
  return (
    <>
      <Section id="course-info" title="課程資訊" className="lg:col-start-1 lg:row-start-1">
        <Facts
          items={[
            ["上課日期", courseDates(c.startDate, c.endDate)],
            ["課程時段", TIME_SLOT_LABELS[c.timeSlot]],
            [
              "開課地點",
              <>
                {c.venue}
                <span className="ml-2 text-sm text-muted">（{c.venueCounty}）</span>
              </>,
            ],
            ["研習時數/學分", hoursText(c.hours, c.credits)],
            ["課程分類", c.subjectPath],
            ...(c.tags.length ? ([["專案屬性標籤", c.tags.join("、")]] as [string, ReactNode][]) : []),
          ]}
        />
        <h3 className="mb-1 mt-5 font-semibold">課程內容</h3>
        <p className="whitespace-pre-line break-words">{c.description}</p>
      </Section>

      <Section id="registration-info" title="報名資訊" className="lg:col-start-1 lg:row-start-2">
        <Facts
          items={[
            ["報名日期", c.onlineRegistration ? registrationPeriod(c.registrationOpensAt, c.registrationClosesAt) : "請洽開課單位承辦人"],
            ["線上報名", onlineRegistrationText(c)],
            ["參加對象", c.audience],
            ["開班班數", `${c.classCount} 班`],
            ["各班人數", `${c.seatsPerClass} 人`],
            ["繳費金額", feeText(c.fee)],
            ["繳費方式", c.paymentMethod || "無"],
          ]}
        />
      </Section>

      <Section id="contact" title="開課單位" className="lg:col-start-1 lg:row-start-3">
        <Facts
          items={[
            ["開課單位", c.organizer.name],
            ["承辦人", c.contactName],
            [
              "聯絡電話",
              <a key="tel" href={`tel:${c.contactPhone.replace(/[^\d+#,]/g, "").replace("#", ",")}`}>
                {c.contactPhone}
              </a>,
            ],
            [
              "E-Mail",
              <a key="mail" href={`mailto:${c.contactEmail}`} className="break-all">
                {c.contactEmail}
              </a>,
            ],
          ]}
        />
      </Section>
    </>
  );
}
