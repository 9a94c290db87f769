import vocabulary from "@/lib/courses/tag-vocabulary.json";
import { normaliseText } from "@/lib/search/normalise";

/**
 * 專案屬性標籤: one managed list (lib/courses/tag-vocabulary.json, editable without touching
 * code). Each tag has one name, the one stored on courses, shown everywhere and indexed; its
 * aliases (性平教育 for 性別平等教育) are accepted wherever a tag is typed or sent (the course
 * form, the JSON API, search URLs) and mean that tag. Pure: used by the browser and the server.
 */

export type TagEntry = { name: string; aliases: readonly string[] };

export const TAG_VOCABULARY: readonly TagEntry[] = vocabulary.tags;

/** The tags' names, in the list's order (the order of the forms). */
export const TAG_NAMES: readonly string[] = TAG_VOCABULARY.map((t) => t.name);

/**
 * How a tag is looked up: the search normaliser (台/臺 and other variant characters, full-width
 * letters and digits, case) without spaces, so 「性平 教育」 and 「性平教育」 are one key.
 */
export function tagKey(name: string): string {
  return normaliseText(name).replace(/\s+/gu, "");
}

const BY_KEY = new Map<string, string>();
for (const { name, aliases } of TAG_VOCABULARY) {
  for (const spelling of [name, ...aliases]) {
    const key = tagKey(spelling);
    // The first entry wins; tests/unit/course-tags.test.ts keeps the list free of clashes.
    if (key && !BY_KEY.has(key)) BY_KEY.set(key, name);
  }
}

/** The name of the tag this is (a name, an alias, or one of their variant spellings), or undefined. */
export function canonicalTag(name: string): string | undefined {
  return BY_KEY.get(tagKey(name));
}

/** Whether this is a tag's name exactly as stored (not an alias, not a variant spelling). */
export function isTagName(name: string): boolean {
  return BY_KEY.get(tagKey(name)) === name;
}

/** The names of the listed tags among these, once each, in the order given; anything else is left out. */
export function canonicalTags(names: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const n of names) {
    const c = canonicalTag(n);
    if (c) out.add(c);
  }
  return [...out];
}

/** The tags among these that are not on the list (as given, once each). */
export function unlistedTags(names: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const n of names) if (n.trim() && !canonicalTag(n)) out.add(n.trim());
  return [...out];
}

/** Where a tag comes in the list (unlisted tags after every listed one). */
export function tagOrder(name: string): number {
  const c = canonicalTag(name);
  const i = c === undefined ? -1 : TAG_NAMES.indexOf(c);
  return i < 0 ? TAG_NAMES.length : i;
}

/**
 * Counts per tag (as an index reports them) merged by tag: an alias an index still holds (one not
 * rebuilt since a merge) counts toward its tag; an unlisted tag keeps its own count. In the list's
 * order, unlisted tags last by name.
 */
export function countsByTag(counts: readonly { name: string; count: number }[]): { name: string; count: number }[] {
  const merged = new Map<string, number>();
  for (const { name, count } of counts) {
    const tag = canonicalTag(name) ?? name;
    merged.set(tag, (merged.get(tag) ?? 0) + count);
  }
  return [...merged]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => tagOrder(a.name) - tagOrder(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
