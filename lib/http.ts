import "server-only";
import { env } from "@/lib/env";
import { AppError, asAppError } from "@/lib/errors";
import { isSameOrigin, type OriginFacts } from "@/lib/net/same-origin";

/**
 * JSON API answers: errors as { error: { code, message, fieldErrors } }, never cached. An
 * ApiAnswer is the same answer without a framework, for doors outside Next's route handlers
 * (scripts/serve.ts); jsonOk and jsonError wrap it in a Response.
 */
export type ApiAnswer = { status: number; headers: Record<string, string>; body: unknown };

export function okAnswer(body: unknown, status = 200, headers: Record<string, string> = {}): ApiAnswer {
  return { status, headers: { "Cache-Control": "no-store", ...headers }, body };
}

export function errorAnswer(error: unknown): ApiAnswer {
  const e = asAppError(error) ?? error;
  if (e instanceof AppError) {
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

/** What a same-origin check needs to know of a request (lib/net/same-origin.ts), and its body type. */
export type RequestOrigin = OriginFacts & { contentType: string | null };

/**
 * Requests that change or reveal data with the session cookie must come from this site
 * (lib/net/same-origin.ts, the one check) and, when they carry a body, send JSON (which a
 * cross-site form cannot send).
 */
export function assertSameSite(r: RequestOrigin, needsBody: boolean): void {
  if (!isSameOrigin(r, env().SITE_URL)) throw new AppError("FORBIDDEN", "不接受來自其他網站的請求。");
  if (needsBody && !(r.contentType ?? "").toLowerCase().startsWith("application/json")) {
    throw new AppError("VALIDATION", "請以 JSON 格式（Content-Type: application/json）送出。");
  }
}

/** The origin facts of a fetch Request (route handlers). */
export function originFacts(req: Request): OriginFacts {
  return { origin: req.headers.get("origin"), secFetchSite: req.headers.get("sec-fetch-site"), host: req.headers.get("host") };
}

export function assertSameSiteJson(req: Request, needsBody: boolean): void {
  assertSameSite({ ...originFacts(req), contentType: req.headers.get("content-type") }, needsBody);
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
