import { z } from "@/lib/zod";
import { normalisePhone } from "@/lib/registrations/form-schema";

/**
 * 修改個人基本資料: what a teacher may change about themselves. The name (and the service
 * school and ID number) are fixed here: they come from the school's records. One schema for the
 * form (instant messages) and the server (the truth).
 */
export const GENDERS = ["MALE", "FEMALE", "OTHER"] as const;
export const POSITION_TYPES = ["QUALIFIED_FULL_TIME", "SUBSTITUTE", "PART_TIME", "INTERN", "OTHER"] as const;

const optionalText = (label: string, max: number) =>
  z
    .string()
    .default("")
    .transform((s) => s.normalize("NFKC").trim())
    .pipe(z.string().max(max, `${label}不可超過 ${max} 個字`));

export const profileSchema = z.object({
  email: z
    .string({ error: "請填寫電子郵件" })
    .transform((s) => s.normalize("NFKC").trim())
    .pipe(z.string().min(1, "請填寫電子郵件").max(200, "電子郵件過長").pipe(z.email("電子郵件格式不正確，例如 name@school.edu.tw"))),
  mobile: z
    .string()
    .default("")
    .transform(normalisePhone)
    .pipe(z.union([z.literal(""), z.string().regex(/^09\d{8}$/, "手機號碼格式不正確，請輸入 09 開頭的 10 碼數字，例如 0912345678")])),
  jobTitle: optionalText("職稱", 50),
  subject: optionalText("任教科目", 50),
  gender: z.enum(GENDERS, { error: "請選擇性別" }),
  positionType: z.enum(POSITION_TYPES, { error: "請選擇職位類別" }),
});

export type ProfileInput = z.input<typeof profileSchema>;
export type ProfileValues = z.output<typeof profileSchema>;
export type ProfileField = keyof ProfileValues;
