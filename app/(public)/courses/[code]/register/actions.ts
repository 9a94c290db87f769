"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { enrol } from "@/lib/registrations/enrol";
import { cancelRegistration } from "@/lib/registrations/cancel";
import { formOf, formStateFromError, type FormState } from "@/lib/form-state";
import { REGISTRATION_STATUS_LABELS } from "@/lib/courses/labels";

export async function enrolAction(code: string, _prev: FormState, sent: FormData): Promise<FormState> {
  const form = formOf(sent);
  const answers: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$") && k !== "idempotencyKey") answers[k] = v;
  try {
    // A double click sends the same key: the second waits for the first and gets its answer.
    const r = await enrol(await getActor(), { code, answers }, { idempotencyKey: String(form.get("idempotencyKey") ?? "") || null, waitForFirstMs: 15_000 });
    revalidatePath(`/courses/${code}/register`);
    return {
      ok: true,
      message: r.created ? `報名成功，處理狀態：${REGISTRATION_STATUS_LABELS[r.status]}。` : `您已經報名過這門課程，處理狀態：${REGISTRATION_STATUS_LABELS[r.status]}。`,
    };
  } catch (e) {
    return formStateFromError(e);
  }
}

export async function cancelAction(code: string, _prev: FormState, sent: FormData): Promise<FormState> {
  const form = formOf(sent);
  try {
    const r = await cancelRegistration(await getActor(), { code, confirm: form.get("confirm") === "yes" }, { idempotencyKey: String(form.get("idempotencyKey") ?? "") || null });
    revalidatePath(`/courses/${code}/register`);
    return { ok: true, message: r.changed ? "已取消報名。" : "您目前沒有這門課程的有效報名，不需取消。" };
  } catch (e) {
    return formStateFromError(e);
  }
}
