"use client";

import Link from "next/link";
import { FollowButton, type FollowFormState } from "@/components/course/follow-button";
import { useCourseLive } from "@/components/course/course-live";

type Props = {
  code: string;
  cancelled: boolean;
  action: (prev: FollowFormState, form: FormData) => Promise<FollowFormState>;
};

/**
 * 加入追蹤 / 取消追蹤 on the course page. In the cached page it is a plain form (a signed-out
 * visitor who presses it is sent to sign in and back); once the viewer is known it shows their
 * own state: a link to sign in, the teacher's button, or nothing for business accounts.
 */
export function FollowControl({ code, cancelled, action }: Props) {
  const { live } = useCourseLive();
  const here = `/courses/${code}`;
  if (!live) {
    return cancelled ? null : <FollowButton code={code} following={false} returnTo={here} action={action} />;
  }
  if (live.viewer === "ANONYMOUS") {
    if (cancelled) return null;
    return (
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Link prefetch={false} href={`/login?callbackUrl=${encodeURIComponent(here)}`} className="btn btn-secondary">
          <span aria-hidden="true">☆</span>加入追蹤
        </Link>
        <span className="text-sm text-muted">登入教師個人帳號後即可追蹤</span>
      </p>
    );
  }
  if (live.viewer !== "TEACHER" || (cancelled && !live.following)) return null;
  // Keyed by the live state, so a fresh reading (e.g. after returning to the tab) resets the button.
  return <FollowButton key={String(live.following)} code={code} following={live.following} returnTo={here} action={action} />;
}
