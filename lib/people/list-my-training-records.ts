import "server-only";
import { db } from "@/lib/db";
import { requireRole, type Actor } from "@/lib/auth/actor";
import { CLASS_TYPE_LABELS } from "@/lib/courses/labels";

/**
 * 個人研習記錄: the courses the signed-in teacher completed (TrainingRecord), grouped by the ROC
 * school year the hours count towards, newest year first, with each year's total. Only their own.
 */
export type MyTrainingRecord = {
  code: string;
  title: string;
  organizerName: string;
  classTypeLabel: string;
  /** YYYY-MM-DD */
  startDate: string;
  endDate: string;
  completedOn: string;
  hours: number;
  credits: number | null;
};

export type MyTrainingYear = { schoolYear: number; totalHours: number; records: MyTrainingRecord[] };

export type MyTrainingRecords = {
  years: MyTrainingYear[];
  totalHours: number;
  count: number;
};

/** Hours are kept to one decimal (courses credit e.g. 1.5 hours); sums must not show 17.999999. */
const round = (n: number) => Math.round(n * 10) / 10;

export async function listMyTrainingRecords(actor: Actor | null): Promise<MyTrainingRecords> {
  const user = requireRole(actor, "TEACHER");
  const rows = await db.trainingRecord.findMany({
    where: { userId: user.id },
    orderBy: [{ schoolYear: "desc" }, { completedOn: "desc" }, { id: "desc" }],
    select: {
      hours: true,
      schoolYear: true,
      completedOn: true,
      course: { select: { code: true, title: true, startDate: true, endDate: true, classType: true, category: true, credits: true, organizer: { select: { name: true } } } },
    },
  });
  const years = new Map<number, MyTrainingYear>();
  for (const r of rows) {
    let year = years.get(r.schoolYear);
    if (!year) years.set(r.schoolYear, (year = { schoolYear: r.schoolYear, totalHours: 0, records: [] }));
    year.totalHours = round(year.totalHours + r.hours);
    year.records.push({
      code: r.course.code,
      title: r.course.title,
      organizerName: r.course.organizer.name,
      classTypeLabel: r.course.classType === "NON_CREDIT" ? `${CLASS_TYPE_LABELS.NON_CREDIT}（${r.course.category}）` : CLASS_TYPE_LABELS[r.course.classType],
      startDate: r.course.startDate.toISOString().slice(0, 10),
      endDate: r.course.endDate.toISOString().slice(0, 10),
      completedOn: r.completedOn.toISOString().slice(0, 10),
      hours: r.hours,
      credits: r.course.credits,
    });
  }
  const list = [...years.values()];
  return { years: list, totalHours: round(list.reduce((s, y) => s + y.totalHours, 0)), count: rows.length };
}
