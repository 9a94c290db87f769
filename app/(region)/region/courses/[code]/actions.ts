"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { approveCourse } from "@/lib/courses/approve-course";
import { returnCourse } from "@/lib/courses/return-course";
import { formOf, formStateFromError, type FormState } from "@/lib/form-state";

/** 核准公告: back to the queue, which says what was done. */
export async function approveCourseAction(code: string, _prev: FormState, _form: FormData): Promise<FormState> {
  try {
    await approveCourse(await getActor(), { code });
  } catch (e) {
    return formStateFromError(e);
  }
  revalidatePath("/region");
  redirect(`/region?done=approved&code=${code}`);
}

/** 退回 with the reason. */
export async function returnCourseAction(code: string, _prev: FormState, sent: FormData): Promise<FormState> {
  const form = formOf(sent);
  const reason = String(form.get("reason") ?? "");
  try {
    await returnCourse(await getActor(), { code, reason });
  } catch (e) {
    return formStateFromError(e, { reason });
  }
  revalidatePath("/region");
  redirect(`/region?done=returned&code=${code}`);
}
