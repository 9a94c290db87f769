"use server";

import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { requestAddress } from "@/lib/net/request-address";
import { formOf, formStateFromError, type FormState } from "@/lib/form-state";

export async function forgotPasswordAction(_prev: FormState, sent: FormData): Promise<FormState> {
  const form = formOf(sent);
  const values = { identifier: String(form.get("identifier") ?? "") };
  try {
    await requestPasswordReset(values, { ip: await requestAddress() });
    return { ok: true, values };
  } catch (e) {
    return formStateFromError(e, values);
  }
}
