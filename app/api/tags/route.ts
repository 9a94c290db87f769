import { NextResponse } from "next/server";
import { countsByTag, TAG_VOCABULARY } from "@/lib/courses/tags";
import { listSearchOptions } from "@/lib/search/list-search-options";

// Counts come from the live index: read at request time, never at build time.
export const dynamic = "force-dynamic";

/**
 * GET /api/tags — 專案屬性標籤, the managed list: each tag's name (what courses store and
 * `tag=` filters by), its aliases (accepted where a tag is sent) and how many public courses
 * carry it. Public data: may be cached for 5 minutes.
 */
export async function GET(): Promise<Response> {
  try {
    const counts = new Map(countsByTag((await listSearchOptions()).tags).map((t) => [t.name, t.count]));
    const tags = TAG_VOCABULARY.map(({ name, aliases }) => ({ name, aliases, count: counts.get(name) ?? 0 }));
    return NextResponse.json({ tags }, { headers: { "Cache-Control": "public, max-age=300" } });
  } catch (error) {
    console.error(error);
    return NextResponse.json({ error: { code: "INTERNAL", message: "系統暫時無法列出標籤，請稍後再試。" } }, { status: 500 });
  }
}
