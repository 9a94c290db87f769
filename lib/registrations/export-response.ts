import "server-only";
import { getActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { attachmentHeader, exportRegistrants } from "@/lib/registrations/export-registrants";
import { reviewQueryFrom } from "@/lib/registrations/review-schema";

/**
 * The door of the export downloads (a link on the dashboard): the file, or a short Chinese page
 * that says what went wrong; signed-out people go to the sign-in page and come back.
 */
export async function exportResponse(req: Request, code: string, format: "csv" | "xlsx"): Promise<Response> {
  const url = new URL(req.url);
  try {
    const { status, q, order } = reviewQueryFrom(url.searchParams);
    const file = await exportRegistrants(await getActor(), { code, format, reveal: url.searchParams.get("reveal") === "1", status, q, order });
    return new Response(file.body as BodyInit, {
      status: 200,
      headers: { "Content-Type": file.contentType, "Content-Disposition": attachmentHeader(file.filename), "Cache-Control": "no-store, private" },
    });
  } catch (e) {
    if (isAppError(e)) {
      if (e.code === "UNAUTHENTICATED") {
        const back = `${url.pathname}${url.search}`;
        return new Response(null, { status: 303, headers: { Location: `/login?callbackUrl=${encodeURIComponent(back)}`, "Cache-Control": "no-store" } });
      }
      return new Response(`${e.message}\n\n請回到錄取審核頁面：/manage/courses/${encodeURIComponent(code)}/registrations`, {
        status: e.httpStatus,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      });
    }
    console.error("Unexpected error in export:", e instanceof Error ? e.message : "unknown");
    return new Response("系統暫時無法匯出名單，請稍後再試。", { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
}
