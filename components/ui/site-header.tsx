import Link from "next/link";
import { MAIN_NAV } from "@/components/ui/nav-items";
import { UserMenu } from "@/components/auth/user-menu";

/**
 * The header is the same for everyone, so public pages stay cacheable; the signed-in part
 * (UserMenu) is filled in by the browser from the session. Its links are not prefetched: on
 * every page they would fetch five pages' payloads the reader has not asked for, work that
 * competes with the page itself on a phone (Lighthouse counted it as blocking time).
 */
export function SiteHeader() {
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link prefetch={false} href="/" className="mr-auto flex items-center gap-2 text-ink no-underline hover:text-ink">
          <span aria-hidden="true" className="grid size-9 place-items-center rounded-lg bg-accent text-lg font-bold text-white">
            進
          </span>
          <span className="text-lg font-bold leading-tight sm:text-xl">全國教師在職進修資訊網</span>
        </Link>
        <nav aria-label="主選單" className="order-last w-full sm:order-none sm:w-auto">
          <ul className="flex gap-1 overflow-x-auto sm:gap-2">
            {MAIN_NAV.map((item) => (
              <li key={item.href}>
                <Link
                  prefetch={false}
                  href={item.href}
                  className="block rounded-md px-3 py-2 font-medium text-ink no-underline hover:bg-accent-soft hover:text-accent-strong"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <UserMenu />
      </div>
    </header>
  );
}
