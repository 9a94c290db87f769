"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { updateCourse } from "@/lib/courses/update-course";
import { isLiveStatus } from "@/lib/courses/course-status";
import { submitCourse } from "@/lib/courses/submit-course";
import { cancelCourse } from "@/lib/courses/cancel-course";
import { courseFormValuesFromFormData } from "@/lib/courses/course-form-schema";
import { formOf, formStateFromError, type FormState } from "@/lib/form-state";

const editPath = (code: string) => `/manage/courses/${code}/edit`;

/**
 * 儲存變更, or 儲存並送審 (intent=submit): the edit is saved first; a draft is then submitted.
 * When the save succeeds and the submission does not, the save stays and the message says why.
 */
export async function updateCourseAction(code: string, _prev: FormState, sent: FormData): Promise<FormState> {
  const form = formOf(sent);
  const actor = await getActor();
  let message: string;
  try {
    const r = await updateCourse(actor, { code, ...courseFormValuesFromFormData(form) });
    message =
      r.changed.length === 0
        ? "內容沒有變更。"
        : isLiveStatus(r.status)
          ? `已儲存。課程頁面已更新，研習搜尋約一分鐘內更新。${r.promoted ? `新增的名額已由 ${r.promoted} 位備取教師依序遞補，並已寄信通知。` : ""}`
          : "已儲存。";
  } catch (e) {
    return formStateFromError(e);
  }
  revalidatePath("/manage");
  revalidatePath(editPath(code));
  if (form.get("intent") !== "submit") return { ok: true, message };
  try {
    await submitCourse(actor, { code });
  } catch (e) {
    const state = formStateFromError(e);
    return { ...state, message: `${message === "內容沒有變更。" ? "" : "變更已儲存，但"}無法送審：${state.message}` };
  }
  revalidatePath("/manage");
  redirect(`${editPath(code)}?done=submitted`);
}

/** 取消課程, with the reason. */
export async function cancelCourseAction(code: string, _prev: FormState, sent: FormData): Promise<FormState> {
  const form = formOf(sent);
  const reason = String(form.get("reason") ?? "");
  try {
    await cancelCourse(await getActor(), { code, reason });
  } catch (e) {
    return formStateFromError(e, { reason });
  }
  revalidatePath("/manage");
  redirect(`${editPath(code)}?done=cancelled`);
}
