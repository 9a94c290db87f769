import "server-only";
import { toCsv } from "@/lib/format/csv";
import ExcelJS from "exceljs";
import { z } from "@/lib/zod";
import { courseCodeSchema } from "@/lib/courses/course-access";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { decryptNationalId } from "@/lib/people/national-id";
import { GENDER_LABELS, POSITION_TYPE_LABELS, REGISTRATION_STATUS_LABELS } from "@/lib/courses/labels";
import type { StoredAnswers } from "@/lib/registrations/form-schema";
import { answerColumns, answerText, attendanceText } from "@/lib/registrations/review-format";
import { loadManagedCourse } from "@/lib/registrations/managed-course";
import { maskedIdOf, reviewSelect, reviewWhere } from "@/lib/registrations/list-for-review";
import { reviewQuerySchema } from "@/lib/registrations/review-schema";

export const exportInputSchema = z.object({
  code: courseCodeSchema,
  format: z.enum(["csv", "xlsx"], { error: "匯出格式只能是 csv 或 xlsx。" }),
  /** The full ID numbers instead of masked ones; audited. */
  reveal: z.boolean().default(false),
  status: reviewQuerySchema.shape.status.default("ALL"),
  q: reviewQuerySchema.shape.q.default(""),
  order: reviewQuerySchema.shape.order.default("asc"),
});
export type ExportInput = z.input<typeof exportInputSchema>;

export type ExportFile = { filename: string; contentType: string; body: Uint8Array; rows: number };

const MAX_ROWS = 20_000;

const taipeiFormatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Taipei",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** 2025/06/25 08:55:34, Taipei time: what spreadsheet users sort and read (as the portal's list shows it). */
export function taipeiTimestamp(d: Date): string {
  const p = Object.fromEntries(taipeiFormatter.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}/${p.month}/${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/**
 * 匯出報名名單: the course's registrants (the dashboard's filters apply) as CSV (UTF-8 with a
 * BOM, so Excel opens it in Chinese) or XLSX. ID numbers are masked unless `reveal`; every
 * export is written to the audit trail, saying whether it revealed them.
 */
export async function exportRegistrants(actor: Actor | null, input: ExportInput): Promise<ExportFile> {
  const { code, format, reveal, status, q, order } = parseInput(exportInputSchema, input);
  const { user, course } = await loadManagedCourse(actor, code);
  const records = await db.registration.findMany({
    where: reviewWhere(course.id, { status, q }),
    orderBy: [{ registeredAt: order }, { id: order }],
    take: MAX_ROWS,
    select: { ...reviewSelect, userId: true },
  });

  const answers = answerColumns(course.formFields);
  const asksId = course.formFields.includes("nationalId") || records.some((r) => r.nationalIdCipher);
  const header = [
    "編號", "姓名", "性別", "服務學校", "職位類別", "電子郵件",
    ...(asksId ? [reveal ? "身分證字號" : "身分證字號（遮蔽）"] : []),
    "處理狀態", "審核說明", "報名時間",
    ...answers.map((a) => a.label),
    "出席",
  ];
  const rows = records.map((r, i) => [
    String(i + 1),
    r.user.name,
    r.user.gender ? GENDER_LABELS[r.user.gender] : "",
    r.user.unit?.name ?? "",
    r.user.positionType ? POSITION_TYPE_LABELS[r.user.positionType] : "",
    r.user.email,
    ...(asksId
      ? [reveal && r.nationalIdCipher && r.nationalIdKeyId ? decryptNationalId({ cipher: r.nationalIdCipher, keyId: r.nationalIdKeyId }) : (maskedIdOf(r) ?? "")]
      : []),
    REGISTRATION_STATUS_LABELS[r.status],
    r.decisionNote ?? "",
    taipeiTimestamp(r.registeredAt),
    ...answers.map((a) => answerText(r.answers as StoredAnswers, a.field)),
    r.status === "APPROVED" ? attendanceText(r.attended) : "",
  ]);

  await db.auditEvent.create({
    data: {
      actorId: user.id,
      action: "registrations.export",
      courseId: course.id,
      detail: { format, revealed: reveal, rows: rows.length, filter: { status, q, order } },
    },
  });

  const base = `報名名單-${course.code}`;
  if (format === "csv") {
    const text = toCsv([header, ...rows]);
    return { filename: `${base}.csv`, contentType: "text/csv; charset=utf-8", body: new TextEncoder().encode(text), rows: rows.length };
  }

  const book = new ExcelJS.Workbook();
  book.creator = "全國教師在職進修資訊網";
  book.created = new Date();
  const sheet = book.addWorksheet("報名名單", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  sheet.columns.forEach((col, i) => {
    const longest = Math.max(...[header, ...rows].map((r) => Array.from(r[i] ?? "").reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0)));
    col.width = Math.min(Math.max(longest + 2, 6), 50);
  });
  const buffer = await book.xlsx.writeBuffer();
  return {
    filename: `${base}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: new Uint8Array(buffer as ArrayBuffer),
    rows: rows.length,
  };
}

/** Content-Disposition for a file name with Chinese in it (with an ASCII fallback). */
export function attachmentHeader(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "").replace(/^-+/, "") || "export";
  return `attachment; filename="registrants-${ascii.replace(/["\\]/g, "")}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
