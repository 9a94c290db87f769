"use client";

import { getSession, SessionProvider, useSession } from "next-auth/react";
import { usePathname } from "next/navigation";
import { useEffect, type ReactNode } from "react";

/** At most one renewal of the session cookie per this many milliseconds. */
const RENEW_EVERY_MS = 10 * 60 * 1000;
let lastRenewal = Date.now();

/**
 * The session cookie idles out (lib/auth/sessions.ts, SESSION_IDLE_SECONDS) unless
 * /api/auth/session renews it. A full page load does (SessionProvider asks on mount); moving
 * between pages inside the app does not, so a signed-in person who keeps working renews it
 * here, at most every 10 minutes. An open tab nobody uses renews nothing.
 */
function RenewOnNavigation() {
  const pathname = usePathname();
  const { status } = useSession();
  useEffect(() => {
    if (status !== "authenticated" || Date.now() - lastRenewal < RENEW_EVERY_MS) return;
    lastRenewal = Date.now();
    void getSession();
  }, [pathname, status]);
  return null;
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <SessionProvider refetchOnWindowFocus={false}>
      <RenewOnNavigation />
      {children}
    </SessionProvider>
  );
}
