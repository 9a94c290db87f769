import "server-only";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";

/**
 * JSON API answers: errors as { error: { code, message, fieldErrors } }, never cached. An
 * ApiAnswer is the same answer without a framework, for doors outside Next's route handlers
 * (scripts/serve.ts); jsonOk and jsonError wrap it in a Response.
 */
export type ApiAnswer = { status: number; headers: Record<string, string>; body: unknown };

export function okAnswer(body: unknown, status = 200, headers: Record<string, string> = {}): ApiAnswer {
  return { status, headers: { "Cache-Control": "no-store", ...headers }, body };
}

export function errorAnswer(e: unknown): ApiAnswer {
  if (isAppError(e)) {
    return { status: e.httpStatus, headers: { "Cache-Control": "no-store" }, body: { error: { code: e.code, message: e.message, fieldErrors: e.fieldErrors } } };
  }
  console.error("Unexpected error in API route:", e instanceof Error ? e.message : "unknown");
  return { status: 500, headers: { "Cache-Control": "no-store" }, body: { error: { code: "INTERNAL", message: "系統暫時無法處理您的要求，請稍後再試。" } } };
}

export function toResponse(a: ApiAnswer): Response {
  return Response.json(a.body, { status: a.status, headers: a.headers });
}

export function jsonError(e: unknown): Response {
  return toResponse(errorAnswer(e));
}

export function jsonOk(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return toResponse(okAnswer(body, status, headers));
}

/** What a same-site check needs to know of a request. */
export type RequestOrigin = { origin: string | null; requestOrigin: string; contentType: string | null };

/**
 * Requests that change data with the session cookie must come from this site: a JSON body
 * (which a cross-site form cannot send) and, when the browser says, our own Origin.
 */
export function assertSameSite(r: RequestOrigin, needsBody: boolean): void {
  if (r.origin && r.origin !== new URL(env().SITE_URL).origin && r.origin !== r.requestOrigin) {
    throw new AppError("FORBIDDEN", "不接受來自其他網站的請求。");
  }
  if (needsBody && !(r.contentType ?? "").toLowerCase().startsWith("application/json")) {
    throw new AppError("VALIDATION", "請以 JSON 格式（Content-Type: application/json）送出。");
  }
}

export function assertSameSiteJson(req: Request, needsBody: boolean): void {
  assertSameSite({ origin: req.headers.get("origin"), requestOrigin: new URL(req.url).origin, contentType: req.headers.get("content-type") }, needsBody);
}

/** A JSON body from its text (an empty body is null). */
export function parseJson(text: string): unknown {
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "請求內容不是正確的 JSON。");
  }
}

export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError("VALIDATION", "請求內容不是正確的 JSON。");
  }
}
