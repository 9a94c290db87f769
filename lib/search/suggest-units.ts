import "server-only";
import { sql } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { z } from "@/lib/zod";
import { PUBLIC_STATUSES } from "@/lib/search/documents";
import { normaliseText } from "@/lib/search/normalise";
import { lastUpdated } from "@/lib/search/result-cache";

/**
 * 辦理研習單位 suggestions for the search forms: the names of units that organise at least one
 * public course (the courses search can find), matched as typed with the search's own
 * normalisation (台 = 臺, full-width = half-width, case and spaces ignored), names starting with
 * the text first, then names containing it. Public: no actor, nothing personal.
 *
 * The names come from the course tables (so they are the same whichever engine serves search)
 * and are kept in this process until the search index changes (its 資料更新時間, the one
 * invalidation signal) or for at most a minute, so typing costs no database query per key.
 */
export const MAX_UNIT_QUERY = 50;
export const MAX_UNIT_SUGGESTIONS = 10;

export const suggestUnitsSchema = z.object({
  q: z
    .string({ error: "請輸入單位名稱的一部分。" })
    .max(MAX_UNIT_QUERY, `單位名稱關鍵字最多 ${MAX_UNIT_QUERY} 個字，請縮短後再試。`)
    .transform((s) => s.trim()),
  limit: z.coerce
    .number({ error: `建議筆數必須是 1 到 ${MAX_UNIT_SUGGESTIONS} 的整數。` })
    .int(`建議筆數必須是 1 到 ${MAX_UNIT_SUGGESTIONS} 的整數。`)
    .min(1, `建議筆數必須是 1 到 ${MAX_UNIT_SUGGESTIONS} 的整數。`)
    .max(MAX_UNIT_SUGGESTIONS, `建議筆數必須是 1 到 ${MAX_UNIT_SUGGESTIONS} 的整數。`)
    .default(8),
});

export type SuggestUnitsInput = z.input<typeof suggestUnitsSchema>;
export type SuggestUnitsResult = { units: string[] };

type Name = { name: string; key: string };
const TTL_MS = 60_000;
const globalForUnits = globalThis as unknown as { __inserviceUnitNames?: { at: number; version: number; value: Promise<Name[]> } };

/** What a name or a query is compared as: normalised, without spaces. */
function keyOf(text: string): string {
  return normaliseText(text).replace(/\s+/gu, "");
}

async function loadNames(): Promise<Name[]> {
  const rows = await sql<{ name: string }>(
    `SELECT DISTINCT u.name FROM "Unit" u
     WHERE EXISTS (SELECT 1 FROM "Course" c WHERE c."organizerId" = u.id AND c.status::text = ANY($1::text[]))`,
    [PUBLIC_STATUSES],
  );
  return rows.map((r) => ({ name: r.name, key: keyOf(r.name) })).sort((a, b) => a.name.localeCompare(b.name, "zh-Hant-TW"));
}

async function unitNames(): Promise<Name[]> {
  const version = (await lastUpdated())?.getTime() ?? 0;
  const now = Date.now();
  const cached = globalForUnits.__inserviceUnitNames;
  if (cached && cached.version === version && now - cached.at < TTL_MS) return cached.value;
  const value = loadNames();
  globalForUnits.__inserviceUnitNames = { at: now, version, value };
  value.catch(() => (globalForUnits.__inserviceUnitNames = undefined));
  return value;
}

/** Up to `limit` unit names matching `q`: prefix matches first, then the rest, each by name. */
export async function suggestUnits(input: SuggestUnitsInput): Promise<SuggestUnitsResult> {
  const parsed = suggestUnitsSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "q")] ??= []).push(issue.message);
    throw new AppError("VALIDATION", [...new Set(Object.values(fieldErrors).flat())].join(" "), fieldErrors);
  }
  const key = keyOf(parsed.data.q);
  if (!key) return { units: [] };
  const names = await unitNames();
  const starting: string[] = [];
  const containing: string[] = [];
  for (const n of names) {
    if (n.key.startsWith(key)) starting.push(n.name);
    else if (n.key.includes(key)) containing.push(n.name);
    if (starting.length >= parsed.data.limit) break;
  }
  return { units: [...starting, ...containing].slice(0, parsed.data.limit) };
}
