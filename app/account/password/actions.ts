"use server";

import { getActor } from "@/lib/auth/session";
import { changePassword } from "@/lib/auth/change-password";
import { formOf, formStateFromError, type FormState } from "@/lib/form-state";

export async function changePasswordAction(_prev: FormState, sent: FormData): Promise<FormState> {
  const form = formOf(sent);
  const input = {
    currentPassword: String(form.get("currentPassword") ?? ""),
    newPassword: String(form.get("newPassword") ?? ""),
    confirmPassword: String(form.get("confirmPassword") ?? ""),
  };
  try {
    await changePassword(await getActor(), input);
    return { ok: true, message: "密碼已變更。請以新密碼重新登入。" };
  } catch (e) {
    // Passwords are not sent back to the browser.
    return formStateFromError(e);
  }
}
