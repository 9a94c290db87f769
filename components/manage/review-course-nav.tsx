import Link from "next/link";

/** The organizer's pages of one course: 錄取審核 and 出席登錄. */
export function ReviewCourseNav({ code, current }: { code: string; current: "registrations" | "attendance" }) {
  const items = [
    { key: "registrations", href: `/manage/courses/${code}/registrations`, label: "錄取審核" },
    { key: "attendance", href: `/manage/courses/${code}/attendance`, label: "出席登錄與研習時數" },
  ] as const;
  return (
    <nav aria-label="課程管理功能" className="mb-6 border-b border-line">
      <ul className="flex flex-wrap gap-1">
        {items.map((i) => (
          <li key={i.key}>
            <Link
              href={i.href}
              aria-current={i.key === current ? "page" : undefined}
              className={
                i.key === current
                  ? "-mb-px inline-block border-b-4 border-accent px-4 py-2 font-semibold text-accent-strong no-underline"
                  : "inline-block px-4 py-2 text-ink no-underline hover:bg-accent-soft"
              }
            >
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
