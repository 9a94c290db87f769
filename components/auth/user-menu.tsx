"use client";

import Link from "next/link";
import { signOut, useSession } from "next-auth/react";
import { useEffect, useRef } from "react";
import { usePathname } from "next/navigation";
import { menuForRole } from "@/components/ui/nav-items";

/** 登入, or the signed-in name with the role's menu and 登出. */
export function UserMenu() {
  const { data, status } = useSession();
  const pathname = usePathname();
  const details = useRef<HTMLDetailsElement>(null);

  // Close the menu after navigating.
  useEffect(() => {
    if (details.current) details.current.open = false;
  }, [pathname]);

  if (status === "loading") {
    return <span className="inline-block h-10 w-20 animate-pulse rounded-md bg-surface" aria-label="載入中" role="status" />;
  }
  if (!data?.user) {
    const here = pathname && pathname !== "/login" ? `?callbackUrl=${encodeURIComponent(pathname)}` : "";
    return (
      <Link prefetch={false} href={`/login${here}`} className="btn btn-primary">
        登入
      </Link>
    );
  }
  const role = (data.user as { role?: string }).role;
  const items = menuForRole(role);
  return (
    <details
      ref={details}
      className="relative"
      onKeyDown={(e) => {
        // Esc closes the open menu and gives focus back to its button (WAI-ARIA menu button pattern).
        if (e.key !== "Escape" || !details.current?.open) return;
        e.preventDefault();
        details.current.open = false;
        details.current.querySelector("summary")?.focus();
      }}
    >
      <summary className="btn btn-secondary cursor-pointer list-none [&::-webkit-details-marker]:hidden">
        <span className="max-w-[9rem] truncate">{data.user.name}</span>
        <span aria-hidden="true">▾</span>
        <span className="sr-only">的選單</span>
      </summary>
      <ul className="absolute right-0 z-20 mt-2 w-56 rounded-lg border border-line bg-white p-2 shadow-lg">
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} className="block rounded-md px-3 py-2 text-ink no-underline hover:bg-accent-soft">
              {item.label}
            </Link>
          </li>
        ))}
        <li className="mt-1 border-t border-line pt-1">
          <button
            type="button"
            onClick={() => signOut({ callbackUrl: "/" })}
            className="block w-full rounded-md px-3 py-2 text-left text-ink hover:bg-accent-soft"
          >
            登出
          </button>
        </li>
      </ul>
    </details>
  );
}
