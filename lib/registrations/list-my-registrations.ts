import "server-only";
import { z } from "@/lib/zod";
import type { Prisma } from "@/generated/prisma/client";
import type { CourseStatus, RegistrationStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { requireRole, type Actor } from "@/lib/auth/actor";
import { REGISTRATION_STATUS_LABELS } from "@/lib/courses/labels";
import { taipeiToday } from "@/lib/format/date";

/**
 * 個人報名記錄: the signed-in teacher's own registrations, as the portal lists them (課程代碼,
 * 研習名稱, 辦理研習單位, 研習日期, 聯絡信箱, 線上報名結果, 課程狀態), filtered by the course dates
 * and the 處理狀態. `scope: "upcoming"` is the personal home page's list: courses not yet ended,
 * registrations neither cancelled nor refused, soonest first. A teacher only ever sees their own rows.
 *
 * The filter comes from the URL: values that do not parse are ignored rather than refused, and
 * the filter actually applied is returned for the form to show.
 */
export const MY_REGISTRATIONS_PAGE_SIZE = 50;
export const UPCOMING_LIMIT = 20;

const STATUSES = ["PENDING", "APPROVED", "REJECTED", "WAITLISTED", "CANCELLED"] as const;
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v));
const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const myRegistrationsQuerySchema = z.object({
  scope: z.preprocess(one, z.enum(["all", "upcoming"]).catch("all")).default("all"),
  from: z.preprocess(one, isoDate.optional().catch(undefined)),
  to: z.preprocess(one, isoDate.optional().catch(undefined)),
  status: z.preprocess(one, z.enum(STATUSES).optional().catch(undefined)),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(10_000).catch(1)).default(1),
});
export type MyRegistrationsQuery = z.infer<typeof myRegistrationsQuerySchema>;

/** 課程狀態 as the teacher sees it (the portal writes 已報名研習 for a course still ahead). */
export type MyCourseState = "COURSE_CANCELLED" | "REGISTRATION_CANCELLED" | "COMPLETED" | "ENDED" | "IN_PROGRESS" | "REGISTERED";
export const MY_COURSE_STATE_LABELS: Record<MyCourseState, string> = {
  COURSE_CANCELLED: "課程已取消",
  REGISTRATION_CANCELLED: "已取消報名",
  COMPLETED: "已完成研習",
  ENDED: "研習已結束",
  IN_PROGRESS: "研習進行中",
  REGISTERED: "已報名研習",
};

export type MyRegistrationRow = {
  code: string;
  title: string;
  organizerName: string;
  /** YYYY-MM-DD */
  startDate: string;
  endDate: string;
  contactEmail: string;
  contactName: string;
  status: RegistrationStatus;
  statusLabel: string;
  /** The organizer's reason, shown with 審核不通過. */
  decisionNote: string | null;
  courseStatus: CourseStatus;
  courseState: MyCourseState;
  courseStateLabel: string;
  /** ISO time */
  registeredAt: string;
  hours: number;
};

export type MyRegistrationsResult = {
  query: MyRegistrationsQuery;
  rows: MyRegistrationRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

function courseStateOf(r: { status: RegistrationStatus; course: { status: CourseStatus; startDate: Date; endDate: Date } }, completed: boolean, today: string): MyCourseState {
  if (r.course.status === "CANCELLED") return "COURSE_CANCELLED";
  if (r.status === "CANCELLED") return "REGISTRATION_CANCELLED";
  if (completed) return "COMPLETED";
  const start = r.course.startDate.toISOString().slice(0, 10);
  const end = r.course.endDate.toISOString().slice(0, 10);
  if (end < today) return "ENDED";
  if (start <= today) return "IN_PROGRESS";
  return "REGISTERED";
}

export async function listMyRegistrations(actor: Actor | null, input: unknown = {}): Promise<MyRegistrationsResult> {
  const user = requireRole(actor, "TEACHER");
  const parsed = myRegistrationsQuerySchema.safeParse(input ?? {});
  const query: MyRegistrationsQuery = parsed.success ? parsed.data : { scope: "all", page: 1 };
  // A range typed backwards is read the right way round.
  if (query.from && query.to && query.from > query.to) [query.from, query.to] = [query.to, query.from];
  const today = taipeiToday();
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

  const where: Prisma.RegistrationWhereInput = { userId: user.id };
  const course: Prisma.CourseWhereInput = {};
  if (query.scope === "upcoming") {
    // What the teacher may still attend: not cancelled by them, not refused (審核不通過).
    where.status = { notIn: ["CANCELLED", "REJECTED"] };
    course.endDate = { gte: day(today) };
  } else {
    if (query.status) where.status = query.status;
    // Courses whose dates meet the range.
    if (query.to) course.startDate = { lte: day(query.to) };
    if (query.from) course.endDate = { gte: day(query.from) };
  }
  where.course = course;

  const pageSize = query.scope === "upcoming" ? UPCOMING_LIMIT : MY_REGISTRATIONS_PAGE_SIZE;
  const total = await db.registration.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = query.scope === "upcoming" ? 1 : Math.min(query.page, pageCount);
  const rows = await db.registration.findMany({
    where,
    orderBy: query.scope === "upcoming" ? [{ course: { startDate: "asc" } }, { id: "asc" }] : [{ course: { startDate: "desc" } }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      status: true,
      decisionNote: true,
      registeredAt: true,
      courseId: true,
      course: {
        select: {
          code: true, title: true, startDate: true, endDate: true, contactEmail: true, contactName: true, status: true, hours: true,
          organizer: { select: { name: true } },
        },
      },
    },
  });
  const records = rows.length
    ? await db.trainingRecord.findMany({ where: { userId: user.id, courseId: { in: rows.map((r) => r.courseId) } }, select: { courseId: true } })
    : [];
  const completed = new Set(records.map((r) => r.courseId));

  return {
    query: { ...query, page },
    total,
    page,
    pageSize,
    pageCount,
    rows: rows.map((r) => {
      const state = courseStateOf(r, completed.has(r.courseId), today);
      return {
        code: r.course.code,
        title: r.course.title,
        organizerName: r.course.organizer.name,
        startDate: r.course.startDate.toISOString().slice(0, 10),
        endDate: r.course.endDate.toISOString().slice(0, 10),
        contactEmail: r.course.contactEmail,
        contactName: r.course.contactName,
        status: r.status,
        statusLabel: REGISTRATION_STATUS_LABELS[r.status],
        decisionNote: r.status === "REJECTED" ? r.decisionNote : null,
        courseStatus: r.course.status,
        courseState: state,
        courseStateLabel: MY_COURSE_STATE_LABELS[state],
        registeredAt: r.registeredAt.toISOString(),
        hours: r.course.hours,
      };
    }),
  };
}
