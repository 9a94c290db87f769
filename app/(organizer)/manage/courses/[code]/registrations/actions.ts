"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { reviewRegistrations } from "@/lib/registrations/review";
import { revealNationalId } from "@/lib/registrations/reveal-national-id";
import { DECISION_LABELS, type ReviewDecision } from "@/lib/registrations/review-schema";
import { formOf, formStateFromError, type FormState } from "@/lib/form-state";
import { REGISTRATION_STATUS_LABELS } from "@/lib/courses/labels";

/** 錄取審核 from the dashboard: form fields `ids` (one or more), `decision`, `reason`. */
export async function reviewAction(code: string, _prev: FormState, sent: FormData): Promise<FormState> {
  const form = formOf(sent);
  const ids = form.getAll("ids").map((v) => Number(v));
  const decision = String(form.get("decision") ?? "") as ReviewDecision;
  const reason = String(form.get("reason") ?? "");
  try {
    const r = await reviewRegistrations(await getActor(), { code, ids, decision, reason: reason || undefined });
    revalidatePath(`/manage/courses/${code}/registrations`);
    const label = decision === "PENDING" ? REGISTRATION_STATUS_LABELS.PENDING : DECISION_LABELS[decision];
    const parts = [r.changed ? `已將 ${r.changed} 位教師設為「${label}」。` : `選取的 ${r.unchanged} 位教師原本就是「${label}」，沒有變更。`];
    if (r.changed && r.unchanged) parts.push(`另有 ${r.unchanged} 位原本就是此狀態，未變更。`);
    if (r.promoted) parts.push(`釋出的名額已由 ${r.promoted} 位備取教師自動遞補。`);
    if (r.changed && decision !== "PENDING") parts.push("通知信已排入寄送。");
    return { ok: true, message: parts.join("") };
  } catch (e) {
    return formStateFromError(e, { reason });
  }
}

export type RevealState = { ok: true; nationalId: string } | { ok: false; message: string };

/** 顯示身分證字號 for one registration: audited by the use case; the number is shown once. */
export async function revealAction(code: string, id: number): Promise<RevealState> {
  try {
    const r = await revealNationalId(await getActor(), { code, id });
    return { ok: true, nationalId: r.nationalId };
  } catch (e) {
    const state = formStateFromError(e);
    return { ok: false, message: state.message ?? "無法顯示身分證字號，請重新整理頁面後再試。" };
  }
}
