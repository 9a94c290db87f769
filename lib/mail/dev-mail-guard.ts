import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { clientAddressFromHeaders } from "@/lib/net/client-address";
import { catcherReachableFrom } from "@/lib/mail/catcher-access";

/**
 * The development mail catcher's folder for this request, or null when /dev/mail must answer
 * 404: no catcher configured (MAIL_CATCHER_DIR unset), or the request did not come from the
 * loopback address (lib/mail/catcher-access.ts). Every /dev/mail page calls it first.
 */
export async function caughtMailDirForRequest(): Promise<string | null> {
  const { MAIL_CATCHER_DIR: dir, NODE_ENV } = env();
  if (!dir) return null;
  const h = await headers();
  return catcherReachableFrom(clientAddressFromHeaders((name) => h.get(name)), NODE_ENV) ? dir : null;
}
