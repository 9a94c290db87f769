import { z } from "@/lib/zod";
import { newPasswordRule } from "@/lib/auth/password-schema";

/** 忘記密碼 and 重設密碼: one schema per form, for the browser (instant messages) and the server. */
export const forgotPasswordSchema = z.object({
  identifier: z
    .string({ error: "請輸入帳號或電子郵件" })
    .transform((s) => s.normalize("NFKC").trim())
    .pipe(z.string().min(1, "請輸入帳號或電子郵件").max(200, "帳號或電子郵件過長")),
});
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;

/** The token in the e-mailed link: 32 random bytes, base64url (43 characters). */
export const resetTokenRule = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "重設密碼連結不完整，請從信中的連結重新開啟。");

export const resetPasswordSchema = z
  .object({
    token: resetTokenRule,
    newPassword: newPasswordRule,
    confirmPassword: z.string().min(1, "請再輸入一次新密碼"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "兩次輸入的新密碼不一致", path: ["confirmPassword"] });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
