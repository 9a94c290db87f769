"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { updateMyProfile } from "@/lib/people/update-my-profile";
import { formOf, formStateFromError, type FormState } from "@/lib/form-state";

const FIELDS = ["email", "mobile", "jobTitle", "subject", "gender", "positionType"] as const;

export async function updateProfileAction(_prev: FormState, sent: FormData): Promise<FormState> {
  const form = formOf(sent);
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")]));
  try {
    const saved = await updateMyProfile(await getActor(), values);
    revalidatePath("/me");
    return { ok: true, message: "個人基本資料已儲存。", values: saved.values };
  } catch (e) {
    return formStateFromError(e, values);
  }
}
