import { normaliseText, normaliseWithMap } from "@/lib/search/normalise";
import { termSpellings } from "@/lib/search/synonyms";

/**
 * Where query terms occur in a displayed text, as [start, end) ranges of the original text, for
 * marking matched words. Matching is done the way the index matches: on normalised text
 * (台/臺, full-width, case), ignoring spaces and punctuation, and with the synonym spellings of
 * each term (a search for 性平 marks 性別平等).
 */
export type Range = [number, number];

const SEPARATOR = /^[^\p{L}\p{N}]$/u;

function compact(text: string): { text: string; start: number[]; end: number[] } {
  const n = normaliseWithMap(text);
  let out = "";
  const start: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < n.text.length; i++) {
    const ch = n.text[i];
    if (SEPARATOR.test(ch)) continue;
    out += ch;
    start.push(n.start[i]);
    end.push(n.end[i]);
  }
  return { text: out, start, end };
}

const stripSeparators = (term: string) => Array.from(term).filter((c) => !SEPARATOR.test(c)).join("");

/** Ranges of `text` matching any of the `terms` (normalised here), sorted and merged. */
export function highlightRanges(text: string, terms: string[]): Range[] {
  if (!text || !terms.length) return [];
  const c = compact(text);
  const found: Range[] = [];
  for (const term of terms) {
    for (const spelling of termSpellings(stripSeparators(normaliseText(term)))) {
      if (!spelling) continue;
      let from = 0;
      while (true) {
        const at = c.text.indexOf(spelling, from);
        if (at < 0) break;
        found.push([c.start[at], c.end[at + spelling.length - 1]]);
        from = at + 1;
      }
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Splits a text into plain and marked parts. */
export function splitByRanges(text: string, ranges: Range[]): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let last = 0;
  for (const [s, e] of ranges) {
    if (s > last) parts.push({ text: text.slice(last, s), marked: false });
    parts.push({ text: text.slice(s, e), marked: true });
    last = e;
  }
  if (last < text.length) parts.push({ text: text.slice(last), marked: false });
  return parts;
}
