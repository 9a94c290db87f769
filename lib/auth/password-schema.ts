import { z } from "@/lib/zod";

/** 變更登入密碼: one schema for the form (instant messages) and the server (the truth). */
export const newPasswordRule = z
  .string()
  .min(8, "新密碼至少需要 8 個字元")
  .max(72, "新密碼不可超過 72 個字元")
  .regex(/[A-Za-z]/, "新密碼需包含英文字母")
  .regex(/[0-9]/, "新密碼需包含數字");

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "請輸入目前的密碼"),
    newPassword: newPasswordRule,
    confirmPassword: z.string().min(1, "請再輸入一次新密碼"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: "兩次輸入的新密碼不一致",
    path: ["confirmPassword"],
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    message: "新密碼不可與目前的密碼相同",
    path: ["newPassword"],
  });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
