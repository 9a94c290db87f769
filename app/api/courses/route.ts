import { NextResponse } from "next/server";
import { asAppError, isAppError } from "@/lib/errors";
import { searchCourses } from "@/lib/search/search-courses";

/**
 * GET /api/courses — course search as JSON, with the query model of the search pages
 * (lib/search/query.ts; documented in the README). Public data only: responses may be cached
 * for 30 seconds.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const result = await searchCourses(new URL(request.url).searchParams);
    return NextResponse.json(
      {
        total: result.total,
        page: result.page,
        pageSize: result.pageSize,
        pageCount: result.pageCount,
        updatedAt: result.updatedAt,
        // Public course fields only (the database id stays inside).
        hits: result.hits.map(({ courseId: _id, ...hit }) => ({ ...hit, url: `/courses/${hit.code}` })),
      },
      { headers: { "Cache-Control": "public, max-age=30" } },
    );
  } catch (error) {
    const e = asAppError(error) ?? error;
    if (isAppError(e)) {
      return NextResponse.json({ error: { code: e.code, message: e.message, fieldErrors: e.fieldErrors ?? {} } }, { status: e.httpStatus });
    }
    console.error(e);
    return NextResponse.json({ error: { code: "INTERNAL", message: "系統暫時無法搜尋，請稍後再試。" } }, { status: 500 });
  }
}
