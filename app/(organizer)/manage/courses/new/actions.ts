"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { createCourse } from "@/lib/courses/create-course";
import { courseFormValuesFromFormData } from "@/lib/courses/course-form-schema";
import { formOf, formStateFromError, type FormState } from "@/lib/form-state";

/** 建立草稿: on success, on to the new course's edit page (where it is submitted). */
export async function createCourseAction(_prev: FormState, sent: FormData): Promise<FormState> {
  const form = formOf(sent);
  let code: string;
  try {
    ({ code } = await createCourse(await getActor(), courseFormValuesFromFormData(form)));
  } catch (e) {
    return formStateFromError(e);
  }
  revalidatePath("/manage");
  redirect(`/manage/courses/${code}/edit?done=created`);
}
