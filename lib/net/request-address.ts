import "server-only";
import { headers } from "next/headers";
import { clientAddressFromHeaders } from "@/lib/net/client-address";

/**
 * The client's address for a page or server action: the one the server stamped on the request
 * (lib/net/client-address.ts), never a header the client wrote. "unknown" without that server
 * (next dev).
 */
export async function requestAddress(): Promise<string> {
  const h = await headers();
  return clientAddressFromHeaders((name) => h.get(name));
}
