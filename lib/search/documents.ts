import "server-only";
import type { ClassType, CourseStatus, TimeSlot, UnitStage } from "@/generated/prisma/enums";
import { sql } from "@/lib/db";

/**
 * Course → search document. The document is what both engines index and what search results
 * show: public fields only, dates as YYYY-MM-DD, moments as ISO strings.
 *
 * Public courses are PUBLISHED and CANCELLED ones. Cancelled courses stay searchable, marked
 * 已取消: teachers who registered look them up to see what happened, shared links and search
 * results should not silently lose them, and the original site lists them too. They never
 * count as 報名中.
 */
export type SearchDocument = {
  code: string;
  courseId: number;
  title: string;
  classType: ClassType;
  category: string;
  startDate: string;
  endDate: string;
  timeSlot: TimeSlot;
  hours: number;
  fee: number;
  venue: string;
  venueCounty: string;
  organizerName: string;
  organizerStage: UnitStage;
  organizerCounty: string;
  tags: string[];
  onlineRegistration: boolean;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  status: Extract<CourseStatus, "PUBLISHED" | "CANCELLED">;
  /** Course.updatedAt of this version (ISO). */
  courseUpdatedAt: string;
};

export const PUBLIC_STATUSES: CourseStatus[] = ["PUBLISHED", "CANCELLED"];

/** Columns of a document, read straight from Course and Unit with plain pg (100,000 rows a rebuild). */
const DOCUMENT_SQL = `
SELECT c.id AS "courseId", c.code, c.title, c."classType"::text AS "classType", c.category,
       to_char(c."startDate", 'YYYY-MM-DD') AS "startDate", to_char(c."endDate", 'YYYY-MM-DD') AS "endDate",
       c."timeSlot"::text AS "timeSlot", c.hours, c.fee, c.venue, c."venueCounty",
       u.name AS "organizerName", u.stage::text AS "organizerStage", u.county AS "organizerCounty",
       c.tags, c."onlineRegistration",
       to_char(c."registrationOpensAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "registrationOpensAt",
       to_char(c."registrationClosesAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "registrationClosesAt",
       c.status::text AS status,
       to_char(c."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "courseUpdatedAt"
FROM "Course" c JOIN "Unit" u ON u.id = c."organizerId"`;

type DocumentRow = Omit<SearchDocument, "status"> & { status: CourseStatus };

/** The document of a course row, or null when the course is not public. */
export function rowToDocument(row: DocumentRow): SearchDocument | null {
  if (row.status !== "PUBLISHED" && row.status !== "CANCELLED") return null;
  return { ...row, hours: Number(row.hours), tags: row.tags ?? [], status: row.status };
}

/** Documents of the given course codes; codes of courses that are gone or not public go to `remove`. */
export async function loadDocuments(codes: string[]): Promise<{ upsert: SearchDocument[]; remove: string[] }> {
  const unique = [...new Set(codes)];
  if (!unique.length) return { upsert: [], remove: [] };
  const rows = await sql<DocumentRow>(`${DOCUMENT_SQL} WHERE c.code = ANY($1::text[])`, [unique]);
  const upsert: SearchDocument[] = [];
  const found = new Set<string>();
  for (const row of rows) {
    const doc = rowToDocument(row);
    if (doc) {
      upsert.push(doc);
      found.add(row.code);
    }
  }
  return { upsert, remove: unique.filter((c) => !found.has(c)) };
}

/** Every public course as documents, in batches (keyset over Course.id). */
export async function* allDocumentBatches(batchSize = 5000): AsyncGenerator<SearchDocument[]> {
  let after = 0;
  while (true) {
    const rows = await sql<DocumentRow>(`${DOCUMENT_SQL} WHERE c.id > $1 AND c.status IN ('PUBLISHED', 'CANCELLED') ORDER BY c.id LIMIT $2`, [after, batchSize]);
    if (!rows.length) return;
    after = rows[rows.length - 1].courseId;
    yield rows.map(rowToDocument).filter((d): d is SearchDocument => d !== null);
    if (rows.length < batchSize) return;
  }
}
