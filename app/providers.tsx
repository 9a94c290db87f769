"use client";

import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";
import "@/lib/zod-jitless";

export function Providers({ children }: { children: ReactNode }) {
  return <SessionProvider refetchOnWindowFocus={false}>{children}</SessionProvider>;
}
