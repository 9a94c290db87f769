import { z } from "@/lib/zod";
import { isValidNationalId, normaliseNationalId } from "@/lib/people/national-id-format";

/**
 * 報名表: the fields a course can ask for (domain.md), their labels and rules. One schema,
 * built from the course's field list, is used by the browser (instant messages) and by the
 * server (the truth). Every field a course asks for is required.
 */
export const FORM_FIELD_IDS = [
  "jobTitle",
  "mobile",
  "subject",
  "schoolCategory",
  "meal",
  "lodging",
  "transport",
  "parking",
  "emergencyContact",
  "nationalId",
  "birthday",
] as const;
export type FormFieldId = (typeof FORM_FIELD_IDS)[number];

export const FORM_FIELD_LABELS: Record<FormFieldId, string> = {
  jobTitle: "職稱",
  mobile: "手機號碼",
  subject: "任教科目",
  schoolCategory: "學校所屬類別",
  meal: "用餐類別",
  lodging: "住宿狀況",
  transport: "交通狀況",
  parking: "停車證需求",
  emergencyContact: "緊急聯絡人",
  nationalId: "身分證字號",
  birthday: "生日",
};

const SCHOOL_KINDS = ["幼兒園", "國民小學", "國民中學", "高級中等學校", "大專校院", "特殊教育學校", "實驗教育機構", "其他"];

/** Fields answered by picking one of a few choices. */
export const FORM_FIELD_CHOICES: Partial<Record<FormFieldId, readonly string[]>> = {
  meal: ["葷食", "素食", "不用餐"],
  lodging: ["住宿", "不住宿"],
  transport: ["自行前往", "搭乘交通車"],
  parking: ["需要", "不需要"],
  schoolCategory: ["公立", "私立"].flatMap((p) => SCHOOL_KINDS.map((k) => `${p}${k}`)),
};

const MOBILE = /^09\d{8}$/;
/** Taiwan phone numbers: mobiles, or landlines with area code and an optional extension. */
const PHONE = /^(09\d{8}|0\d{1,3}\d{5,8}(#\d{1,6})?)$/;

/** Half-width, no spaces or dashes: what people type as 0912-345-678 becomes 0912345678. */
export function normalisePhone(input: string): string {
  return input.normalize("NFKC").replace(/[\s\-()（）]/g, "");
}

const text = (label: string, max: number) =>
  z
    .string({ error: `請填寫${label}` })
    .transform((s) => s.normalize("NFKC").trim())
    .pipe(z.string().min(1, `請填寫${label}`).max(max, `${label}不可超過 ${max} 個字`));

const choice = (label: string, options: readonly string[]) =>
  z.string({ error: `請選擇${label}` }).refine((v) => options.includes(v), { message: `請選擇${label}` });

const mobile = z
  .string({ error: "請填寫手機號碼" })
  .transform(normalisePhone)
  .pipe(z.string().min(1, "請填寫手機號碼").regex(MOBILE, "手機號碼格式不正確，請輸入 09 開頭的 10 碼數字，例如 0912345678"));

const birthday = z
  .string({ error: "請填寫生日" })
  .trim()
  .min(1, "請填寫生日")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "生日格式不正確，請以西元年月日填寫，例如 1985-04-23")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, "這不是存在的日期，請再確認")
  .refine((v) => v >= "1900-01-01" && new Date(`${v}T00:00:00Z`).getTime() < Date.now() - 15 * 365.25 * 86400_000, "請填寫正確的生日（須為過去的日期）");

const nationalId = z
  .string({ error: "請填寫身分證字號" })
  .transform(normaliseNationalId)
  .pipe(
    z
      .string()
      .min(1, "請填寫身分證字號")
      .refine(isValidNationalId, "身分證字號或居留證統一證號不正確，請檢查英文字母與檢查碼"),
  );

const FIELD_SCHEMAS: Record<Exclude<FormFieldId, "emergencyContact">, z.ZodType<string>> = {
  jobTitle: text("職稱", 30),
  mobile,
  subject: text("任教科目", 30),
  schoolCategory: choice("學校所屬類別", FORM_FIELD_CHOICES.schoolCategory!),
  meal: choice("用餐類別", FORM_FIELD_CHOICES.meal!),
  lodging: choice("住宿狀況", FORM_FIELD_CHOICES.lodging!),
  transport: choice("交通狀況", FORM_FIELD_CHOICES.transport!),
  parking: choice("停車證需求", FORM_FIELD_CHOICES.parking!),
  nationalId,
  birthday,
};

/**
 * The form's flat input names: emergencyContact is two inputs. Values are strings, as a
 * form sends them.
 */
export function inputNamesOf(fields: readonly string[]): string[] {
  return knownFields(fields).flatMap((f) => (f === "emergencyContact" ? ["emergencyContactName", "emergencyContactPhone"] : [f]));
}

export function knownFields(fields: readonly string[]): FormFieldId[] {
  return FORM_FIELD_IDS.filter((f) => fields.includes(f));
}

// Built once per set of fields (schemas are immutable; there are at most 2^11 sets, in practice
// a handful): building one per enrolment was a visible share of a rush's CPU.
const schemas = new Map<string, ReturnType<typeof buildFormSchema>>();

/** The schema of one course's form: exactly its fields, all required. */
export function registrationFormSchema(fields: readonly string[]) {
  const known = knownFields(fields);
  const id = known.join(",");
  let schema = schemas.get(id);
  if (!schema) {
    schema = buildFormSchema(known);
    schemas.set(id, schema);
  }
  return schema;
}

function buildFormSchema(known: readonly FormFieldId[]) {
  const shape: Record<string, z.ZodType<string>> = {};
  for (const f of known) {
    if (f === "emergencyContact") {
      shape.emergencyContactName = text("緊急聯絡人姓名", 20);
      shape.emergencyContactPhone = z
        .string({ error: "請填寫緊急聯絡人電話" })
        .transform(normalisePhone)
        .pipe(z.string().min(1, "請填寫緊急聯絡人電話").regex(PHONE, "緊急聯絡人電話格式不正確，例如 0912345678 或 02-23456789"));
    } else {
      shape[f] = FIELD_SCHEMAS[f];
    }
  }
  return z.object(shape).strip();
}

export type RegistrationFormValues = Record<string, string>;

/** Stored answers: emergencyContact nested; the national ID never here (it is encrypted apart). */
export type StoredAnswers = Partial<Record<Exclude<FormFieldId, "emergencyContact" | "nationalId">, string>> & {
  emergencyContact?: { name: string; phone: string };
};

export function toStoredAnswers(values: RegistrationFormValues): { answers: StoredAnswers; nationalId?: string } {
  const { emergencyContactName, emergencyContactPhone, nationalId, ...rest } = values;
  const answers: StoredAnswers = { ...rest };
  if (emergencyContactName !== undefined) answers.emergencyContact = { name: emergencyContactName, phone: emergencyContactPhone ?? "" };
  return { answers, nationalId };
}

export function fromStoredAnswers(answers: StoredAnswers | null | undefined): RegistrationFormValues {
  if (!answers) return {};
  const { emergencyContact, ...rest } = answers;
  const out: RegistrationFormValues = {};
  for (const [k, v] of Object.entries(rest)) if (typeof v === "string") out[k] = v;
  if (emergencyContact) {
    out.emergencyContactName = emergencyContact.name;
    out.emergencyContactPhone = emergencyContact.phone;
  }
  return out;
}
