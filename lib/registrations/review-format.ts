import { FORM_FIELD_LABELS, knownFields, type FormFieldId, type StoredAnswers } from "@/lib/registrations/form-schema";

/**
 * The course's form answers as labelled columns, for the review dashboard and the exports.
 * The national ID is not among them: it is stored encrypted apart and shown masked.
 */
export type AnswerColumn = { field: Exclude<FormFieldId, "nationalId">; label: string };

export function answerColumns(formFields: readonly string[]): AnswerColumn[] {
  return knownFields(formFields)
    .filter((f): f is Exclude<FormFieldId, "nationalId"> => f !== "nationalId")
    .map((field) => ({ field, label: FORM_FIELD_LABELS[field] }));
}

export function answerText(answers: StoredAnswers | null | undefined, field: AnswerColumn["field"]): string {
  if (!answers) return "";
  if (field === "emergencyContact") {
    const c = answers.emergencyContact;
    return c ? [c.name, c.phone].filter(Boolean).join(" ") : "";
  }
  const v = answers[field];
  return typeof v === "string" ? v : "";
}

/** Attendance in words: 出席 / 缺席 / 未登錄. */
export function attendanceText(attended: boolean | null): string {
  return attended === null ? "未登錄" : attended ? "出席" : "缺席";
}
