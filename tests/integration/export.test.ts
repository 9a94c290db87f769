/**
 * @jest-environment node
 */
import ExcelJS from "exceljs";
import { useTestDatabase } from "../support/database";
import { db } from "@/lib/db";
import { enrol } from "@/lib/registrations/enrol";
import { reviewRegistrations } from "@/lib/registrations/review";
import { exportRegistrants, attachmentHeader } from "@/lib/registrations/export-registrants";
import { actorOf, createOpenCourse, createTeachers, createUnit, createUser } from "../support/factories";

useTestDatabase();

/** A small CSV reader: quoted fields, doubled quotes, commas and line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field), rows.push(row), (row = []), (field = ""), i++;
    } else if (ch === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

async function setup() {
  const unit = await createUnit();
  const organizer = actorOf(await createUser("ORGANIZER", { unitId: unit.id }));
  const course = await createOpenCourse(unit.id, { formFields: ["mobile", "meal", "emergencyContact", "nationalId"] });
  const teachers = await createTeachers(3);
  await db.user.update({ where: { id: teachers[0].id }, data: { name: "王小明", gender: "MALE" } });
  const ids = ["A123456789", "B123456780", "F131104093"];
  for (const [i, t] of teachers.entries()) {
    await enrol(t, { code: course.code, answers: { mobile: "0912345678", meal: i === 1 ? "素食" : "葷食", emergencyContactName: "林, \"阿\"姨", emergencyContactPhone: "02-23456789", nationalId: ids[i] } });
  }
  const regs = await db.registration.findMany({ where: { courseId: course.id }, orderBy: { registeredAt: "asc" } });
  await reviewRegistrations(organizer, { code: course.code, ids: [regs[0].id], decision: "APPROVED" });
  await reviewRegistrations(organizer, { code: course.code, ids: [regs[2].id], decision: "REJECTED", reason: "非本研習參加對象" });
  return { organizer, course, regs };
}

const HEADER = ["編號", "姓名", "性別", "服務學校", "職位類別", "電子郵件", "身分證字號（遮蔽）", "處理狀態", "審核說明", "報名時間", "手機號碼", "用餐類別", "緊急聯絡人", "出席"];

describe("exports", () => {
  test("CSV: UTF-8 with a BOM, Chinese headers, masked IDs, Taipei times; audited", async () => {
    const { organizer, course, regs } = await setup();
    const file = await exportRegistrants(organizer, { code: course.code, format: "csv" });
    expect(file.filename).toBe(`報名名單-${course.code}.csv`);
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect([...file.body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(file.body);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(4);
    expect(rows[1].slice(0, 3)).toEqual(["1", "王小明", "男"]);
    expect(rows[1][6]).toBe("A********9");
    expect(rows[1][7]).toBe("審核通過");
    expect(rows[1][13]).toBe("未登錄");
    expect(rows[1][12]).toBe('林, "阿"姨 0223456789'); // phones are stored normalised
    expect(rows[2][11]).toBe("素食");
    expect(rows[3].slice(7, 9)).toEqual(["審核不通過", "非本研習參加對象"]);
    expect(rows[3][13]).toBe(""); // attendance only for approved registrations
    // 報名時間 in Taipei (UTC+8).
    const t = new Date(regs[0].registeredAt.getTime() + 8 * 3600_000).toISOString();
    expect(rows[1][9]).toBe(`${t.slice(0, 4)}/${t.slice(5, 7)}/${t.slice(8, 10)} ${t.slice(11, 19)}`);
    expect(text).not.toContain("A123456789");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "registrations.export", courseId: course.id } });
    expect(audit).toMatchObject({ actorId: organizer.id, detail: expect.objectContaining({ format: "csv", revealed: false, rows: 3 }) });
  });

  test("XLSX read back with exceljs; ?reveal gives the full numbers and says so in the audit trail", async () => {
    const { organizer, course } = await setup();
    const file = await exportRegistrants(organizer, { code: course.code, format: "xlsx", reveal: true, status: "PENDING" });
    expect(file.filename).toBe(`報名名單-${course.code}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.body) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("報名名單")!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v == null ? "" : String(v)));
    expect(values(1)).toEqual(HEADER.map((h) => (h === "身分證字號（遮蔽）" ? "身分證字號" : h)));
    expect(sheet.rowCount).toBe(2); // the PENDING filter: one row
    expect(values(2)[6]).toBe("B123456780");
    expect(values(2)[7]).toBe("待審核");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "registrations.export", courseId: course.id } });
    expect(audit.detail).toMatchObject({ format: "xlsx", revealed: true, rows: 1, filter: { status: "PENDING" } });
  });

  test("CSV: cells a spreadsheet would run as formulas are written as text (OWASP)", async () => {
    const unit = await createUnit();
    const organizer = actorOf(await createUser("ORGANIZER", { unitId: unit.id }));
    const course = await createOpenCourse(unit.id, { formFields: ["meal", "emergencyContact"] });
    const [t] = await createTeachers(1);
    await db.user.update({ where: { id: t.id }, data: { name: '=HYPERLINK("http://evil.example","點我")' } });
    await enrol(t, { code: course.code, answers: { meal: "葷食", emergencyContactName: "@SUM(1+1)", emergencyContactPhone: "0223456789" } });
    const file = await exportRegistrants(organizer, { code: course.code, format: "csv" });
    const rows = parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(file.body).slice(1));
    expect(rows[1][1]).toBe(`'=HYPERLINK("http://evil.example","點我")`);
    expect(rows[1].find((c) => c.includes("SUM"))).toBe("'@SUM(1+1) 0223456789");
    // Nothing in the file starts a formula.
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  test("the download's file name keeps the Chinese name with an ASCII fallback", () => {
    expect(attachmentHeader("報名名單-9000001.csv")).toBe(
      `attachment; filename="registrants-9000001.csv"; filename*=UTF-8''${encodeURIComponent("報名名單-9000001.csv")}`,
    );
  });
});
