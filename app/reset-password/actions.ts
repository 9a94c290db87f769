"use server";

import { resetPassword } from "@/lib/auth/reset-password";
import { requestAddress } from "@/lib/net/request-address";
import { formOf, formStateFromError, type FormState } from "@/lib/form-state";

export async function resetPasswordAction(_prev: FormState, sent: FormData): Promise<FormState> {
  const form = formOf(sent);
  const input = {
    token: String(form.get("token") ?? ""),
    newPassword: String(form.get("newPassword") ?? ""),
    confirmPassword: String(form.get("confirmPassword") ?? ""),
  };
  try {
    const { username } = await resetPassword(input, { ip: await requestAddress() });
    return { ok: true, message: "新密碼已設定。請以新密碼登入。", values: { username } };
  } catch (e) {
    // Passwords are never sent back to the browser.
    return formStateFromError(e);
  }
}
