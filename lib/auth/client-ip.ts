import "server-only";
import { headers } from "next/headers";

/** The client's address for a page or server action (the first X-Forwarded-For entry behind a proxy). */
export async function requestIp(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "unknown";
}
