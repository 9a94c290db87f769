"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { recordAttendance } from "@/lib/registrations/record-attendance";
import { formOf, formStateFromError, type FormState } from "@/lib/form-state";

/** 儲存出席紀錄: form fields `present` (ids marked present) and `ids` (every id on the form). */
export async function attendanceAction(code: string, _prev: FormState, sent: FormData): Promise<FormState> {
  const form = formOf(sent);
  const present = new Set(form.getAll("present").map(String));
  const marks = form.getAll("ids").map((v) => ({ id: Number(v), attended: present.has(String(v)) }));
  try {
    const r = await recordAttendance(await getActor(), { code, marks });
    revalidatePath(`/manage/courses/${code}/attendance`);
    revalidatePath(`/manage/courses/${code}/registrations`);
    const changed = r.marked + r.corrected;
    return {
      ok: true,
      message: changed
        ? `已儲存出席紀錄：新登錄 ${r.marked} 位、更正 ${r.corrected} 位。目前 ${r.attending} 位教師已核予研習時數。`
        : `出席紀錄沒有變更。目前 ${r.attending} 位教師已核予研習時數。`,
    };
  } catch (e) {
    return formStateFromError(e);
  }
}
