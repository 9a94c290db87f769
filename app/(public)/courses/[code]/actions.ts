"use server";

import { formOf } from "@/lib/form-state";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { asAppError, isAppError } from "@/lib/errors";
import { safeCallbackUrl } from "@/lib/auth/sign-in-messages";
import { followCourse } from "@/lib/courses/follow-course";
import { unfollowCourse } from "@/lib/courses/unfollow-course";
import type { FollowFormState } from "@/components/course/follow-button";

/**
 * 加入追蹤 / 取消追蹤. The form says which one it means (`intent`), so a repeated press or a
 * retried request never flips the state back: both operations are idempotent.
 */
export async function changeFollowAction(prev: FollowFormState, sent: FormData): Promise<FollowFormState> {
  const form = formOf(sent);
  const code = String(form.get("code") ?? "");
  const intent = form.get("intent") === "unfollow" ? "unfollow" : "follow";
  const actor = await getActor();
  if (!actor) {
    const back = safeCallbackUrl(String(form.get("returnTo") ?? `/courses/${code}`));
    redirect(`/login?callbackUrl=${encodeURIComponent(back)}`);
  }
  try {
    const result = intent === "follow" ? await followCourse(actor, { code }) : await unfollowCourse(actor, { code });
    return {
      following: result.following,
      message: result.following ? "已加入追蹤，可在「已追蹤課程」查看。" : "已取消追蹤。",
      error: false,
    };
  } catch (error) {
    const e = asAppError(error) ?? error;
    if (isAppError(e)) return { following: (prev as FollowFormState | null)?.following === true, message: e.message, error: true };
    throw e;
  }
}
