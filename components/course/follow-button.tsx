"use client";

import { useActionState } from "react";
import { Spinner } from "@/components/ui/spinner";

export type FollowFormState = { following: boolean; message: string; error: boolean };

type Props = {
  code: string;
  following: boolean;
  /** Where a visitor whose session has ended comes back to after signing in. */
  returnTo: string;
  action: (prev: FollowFormState, form: FormData) => Promise<FollowFormState>;
  /** Words of the follow button (加入追蹤; 重新加入追蹤 after unfollowing from the list). */
  followLabel?: string;
};

/** 加入追蹤 / 取消追蹤 for a signed-in teacher. Works without JavaScript too (a plain form post). */
export function FollowButton({ code, following, returnTo, action, followLabel = "加入追蹤" }: Props) {
  const [state, formAction, pending] = useActionState(action, { following, message: "", error: false });
  const isFollowing = state.following;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="intent" value={isFollowing ? "unfollow" : "follow"} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button type="submit" className="btn btn-secondary" disabled={pending} aria-busy={pending}>
        {pending ? <Spinner label="處理中" /> : <span aria-hidden="true">{isFollowing ? "★" : "☆"}</span>}
        {isFollowing ? "取消追蹤" : followLabel}
      </button>
      <p role="status" className={state.error ? "text-sm text-danger" : "text-sm text-muted"}>
        {state.message}
      </p>
    </form>
  );
}
