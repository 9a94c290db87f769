import "server-only";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";

/** JSON API helpers for route handlers: errors as { error: { code, message, fieldErrors } }. */
export function jsonError(e: unknown): Response {
  if (isAppError(e)) {
    return Response.json({ error: { code: e.code, message: e.message, fieldErrors: e.fieldErrors } }, { status: e.httpStatus, headers: { "Cache-Control": "no-store" } });
  }
  console.error("Unexpected error in API route:", e instanceof Error ? e.message : "unknown");
  return Response.json(
    { error: { code: "INTERNAL", message: "系統暫時無法處理您的要求，請稍後再試。" } },
    { status: 500, headers: { "Cache-Control": "no-store" } },
  );
}

export function jsonOk(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/**
 * Requests that change data with the session cookie must come from this site: a JSON body
 * (which a cross-site form cannot send) and, when the browser says, our own Origin.
 */
export function assertSameSiteJson(req: Request, needsBody: boolean): void {
  const origin = req.headers.get("origin");
  if (origin && origin !== new URL(env().SITE_URL).origin && origin !== new URL(req.url).origin) {
    throw new AppError("FORBIDDEN", "不接受來自其他網站的請求。");
  }
  if (needsBody && !(req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    throw new AppError("VALIDATION", "請以 JSON 格式（Content-Type: application/json）送出。");
  }
}

export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError("VALIDATION", "請求內容不是正確的 JSON。");
  }
}
