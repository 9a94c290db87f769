import { jsonError, jsonOk } from "@/lib/http";
import { suggestUnits } from "@/lib/search/suggest-units";

/**
 * GET /api/units/suggest?q=臺北&limit=8 — 辦理研習單位 names for the search forms' suggestions:
 * `{ units: string[] }`, public and the same for everyone (cached 60 seconds). `q` is at most 50
 * characters; a bad parameter gets 400 with a Chinese message. Served from a per-process list of
 * names (lib/search/suggest-units.ts), so a keystroke costs no database query.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const params = new URL(request.url).searchParams;
    const limit = params.get("limit");
    const result = await suggestUnits({ q: params.get("q") ?? "", ...(limit !== null ? { limit } : {}) });
    return jsonOk(result, 200, { "Cache-Control": "public, max-age=60" });
  } catch (e) {
    return jsonError(e);
  }
}
