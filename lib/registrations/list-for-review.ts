import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { decryptNationalId } from "@/lib/people/national-id";
import { maskNationalId } from "@/lib/people/national-id-format";
import type { StoredAnswers } from "@/lib/registrations/form-schema";
import { answerColumns, answerText } from "@/lib/registrations/review-format";
import { loadManagedCourse, summaryOf, type ManagedCourseSummary } from "@/lib/registrations/managed-course";
import { reviewQuerySchema, type ReviewQuery, type ReviewStatusFilter } from "@/lib/registrations/review-schema";
import type { Gender, PositionType, RegistrationStatus } from "@/generated/prisma/enums";

/** One registration as the organizer of the course sees it. */
export type ReviewRow = {
  id: number;
  /** 編號: the position in this listing. */
  no: number;
  name: string;
  gender: Gender | null;
  schoolName: string;
  positionType: PositionType | null;
  email: string;
  status: RegistrationStatus;
  registeredAt: string;
  statusChangedAt: string;
  decisionNote: string | null;
  answers: { label: string; value: string }[];
  /** Masked (A********9); the full number only through revealNationalId. Null: none given. */
  nationalIdMasked: string | null;
  attended: boolean | null;
};

export type ReviewList = {
  course: ManagedCourseSummary & { asksNationalId: boolean };
  /** Registrations per status (all of the course, whatever the filter). */
  counts: Record<RegistrationStatus, number>;
  query: ReviewQuery;
  total: number;
  pageCount: number;
  rows: ReviewRow[];
};

/** 台 and 臺 are one letter to people typing a school's name. */
const normaliseSearch = (q: string) => q.replace(/台/g, "臺");

export function reviewWhere(courseId: number, query: Pick<ReviewQuery, "status" | "q">): Prisma.RegistrationWhereInput {
  const status: Prisma.RegistrationWhereInput["status"] =
    query.status === "ALL" ? { not: "CANCELLED" } : (query.status as Exclude<ReviewStatusFilter, "ALL">);
  const q = normaliseSearch(query.q);
  return {
    courseId,
    status,
    ...(q ? { OR: [{ user: { name: { contains: q } } }, { user: { unit: { name: { contains: q } } } }] } : {}),
  };
}

export const reviewSelect = {
  id: true, status: true, answers: true, registeredAt: true, statusChangedAt: true, decisionNote: true, attended: true,
  nationalIdCipher: true, nationalIdKeyId: true,
  user: { select: { name: true, gender: true, email: true, positionType: true, unit: { select: { name: true } } } },
} satisfies Prisma.RegistrationSelect;
export type ReviewRecord = Prisma.RegistrationGetPayload<{ select: typeof reviewSelect }>;

export function maskedIdOf(r: { nationalIdCipher: string | null; nationalIdKeyId: string | null }): string | null {
  if (!r.nationalIdCipher || !r.nationalIdKeyId) return null;
  return maskNationalId(decryptNationalId({ cipher: r.nationalIdCipher, keyId: r.nationalIdKeyId }));
}

/**
 * 錄取審核: every registration of one course with the teacher's details and form answers,
 * filtered by status (all but cancelled by default), searched by name or school, sorted by
 * 報名時間, paged. Only the organizer of the course's unit.
 */
export async function listRegistrationsForReview(
  actor: Actor | null,
  input: { code: string } & Partial<Record<keyof ReviewQuery, unknown>>,
  now: Date = new Date(),
): Promise<ReviewList> {
  const { course } = await loadManagedCourse(actor, String(input.code ?? ""));
  const query = reviewQuerySchema.parse({ status: input.status ?? "ALL", q: input.q ?? "", order: input.order ?? "asc", page: input.page ?? 1, size: input.size ?? 50 });
  const where = reviewWhere(course.id, query);
  const [grouped, total] = await Promise.all([
    db.registration.groupBy({ by: ["status"], where: { courseId: course.id }, _count: true }),
    db.registration.count({ where }),
  ]);
  const pageCount = Math.max(Math.ceil(total / query.size), 1);
  const page = Math.min(query.page, pageCount);
  const records = await db.registration.findMany({
    where,
    orderBy: [{ registeredAt: query.order }, { id: query.order }],
    skip: (page - 1) * query.size,
    take: query.size,
    select: reviewSelect,
  });
  const columns = answerColumns(course.formFields);
  const counts = { PENDING: 0, APPROVED: 0, REJECTED: 0, WAITLISTED: 0, CANCELLED: 0 } as Record<RegistrationStatus, number>;
  for (const g of grouped) counts[g.status] = g._count;
  return {
    course: { ...summaryOf(course, now), asksNationalId: course.formFields.includes("nationalId") },
    counts,
    query: { ...query, page },
    total,
    pageCount,
    rows: records.map((r, i) => ({
      id: r.id,
      no: (page - 1) * query.size + i + 1,
      name: r.user.name,
      gender: r.user.gender,
      schoolName: r.user.unit?.name ?? "",
      positionType: r.user.positionType,
      email: r.user.email,
      status: r.status,
      registeredAt: r.registeredAt.toISOString(),
      statusChangedAt: r.statusChangedAt.toISOString(),
      decisionNote: r.decisionNote,
      answers: columns.map((c) => ({ label: c.label, value: answerText(r.answers as StoredAnswers, c.field) })),
      nationalIdMasked: maskedIdOf(r),
      attended: r.attended,
    })),
  };
}
