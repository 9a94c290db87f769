import "server-only";
import { getActor } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { asAppError, isAppError } from "@/lib/errors";
import { originFacts } from "@/lib/http";
import { isSameOrigin } from "@/lib/net/same-origin";
import { attachmentHeader, exportRegistrants } from "@/lib/registrations/export-registrants";
import { reviewQueryFrom } from "@/lib/registrations/review-schema";

const TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

function reviewPage(code: string): string {
  return `/manage/courses/${encodeURIComponent(code)}/registrations`;
}

/**
 * A GET of an export: exports reveal personal data and are audited, so they are POSTs from the
 * dashboard's buttons (a link on another site must not make an organizer's browser download
 * the list, let alone the full ID numbers).
 */
export function exportGetRefusal(code: string): Response {
  return new Response(`請在錄取審核頁面按「匯出」按鈕下載名單：${reviewPage(code)}`, { status: 405, headers: { ...TEXT, Allow: "POST" } });
}

/**
 * The door of the export downloads (the dashboard's 匯出 buttons, a form POST with the
 * dashboard's filters and `reveal=1` for full ID numbers): the file, or a short Chinese text
 * that says what went wrong; signed-out people go to the sign-in page and come back to the
 * dashboard.
 */
export async function exportResponse(req: Request, code: string, format: "csv" | "xlsx"): Promise<Response> {
  try {
    if (!isSameOrigin(originFacts(req), env().SITE_URL)) {
      return new Response(`不接受來自其他網站的請求。請在錄取審核頁面按「匯出」按鈕：${reviewPage(code)}`, { status: 403, headers: TEXT });
    }
    const form = await readForm(req);
    const { status, q, order } = reviewQueryFrom(form);
    const file = await exportRegistrants(await getActor(), { code, format, reveal: form.get("reveal") === "1", status, q, order });
    return new Response(file.body as BodyInit, {
      status: 200,
      headers: { "Content-Type": file.contentType, "Content-Disposition": attachmentHeader(file.filename), "Cache-Control": "no-store, private" },
    });
  } catch (error) {
    const e = asAppError(error) ?? error;
    if (isAppError(e)) {
      if (e.code === "UNAUTHENTICATED") {
        return new Response(null, { status: 303, headers: { Location: `/login?callbackUrl=${encodeURIComponent(reviewPage(code))}`, "Cache-Control": "no-store" } });
      }
      return new Response(`${e.message}\n\n請回到錄取審核頁面：${reviewPage(code)}`, { status: e.httpStatus, headers: TEXT });
    }
    console.error("Unexpected error in export:", e instanceof Error ? e.message : "unknown");
    return new Response("系統暫時無法匯出名單，請稍後再試。", { status: 500, headers: TEXT });
  }
}

/** The form's fields as search params (an empty or unreadable body: no filters). */
async function readForm(req: Request): Promise<URLSearchParams> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) return new URLSearchParams();
  try {
    const form = await req.formData();
    const params = new URLSearchParams();
    for (const [k, v] of form) if (typeof v === "string") params.append(k, v);
    return params;
  } catch {
    return new URLSearchParams();
  }
}
