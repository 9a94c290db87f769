/**
 * Chinese text the way teachers type it. Documents and queries go through the same steps, in
 * both engines, so that they meet:
 *
 * 1. Normalise each character: Unicode NFKC (full-width letters and digits become half-width,
 *    compatibility ideographs become the unified ones), lower case, no accents on Latin letters,
 *    and one spelling for common variant characters (台 → 臺, 敎 → 教, …).
 * 2. Cut into words with positions. A run of CJK characters gives its overlapping bigrams
 *    (性平教育 → 性平 平教 教育), so any two-character query is an exact lookup; documents also
 *    get the run's last character (育), so that every character starts a word: a one-character
 *    query is a prefix lookup. Letters and digits form words (AI, 2, 0, steam); everything else
 *    separates words without taking a position.
 *
 * A query term then matches where its words appear at the same distances as in the query
 * (a phrase), which is a substring match on the normalised text.
 */

/** Variant characters written one way (the first is what teachers also type). */
const VARIANT_CHARS: Record<string, string> = {
  台: "臺",
  敎: "教",
  裏: "裡",
  峯: "峰",
  衞: "衛",
  綫: "線",
  麪: "麵",
  爲: "為",
  眞: "真",
  黄: "黃",
  温: "溫",
  着: "著",
  啓: "啟",
  册: "冊",
  户: "戶",
  强: "強",
  羣: "群",
  鷄: "雞",
  箇: "個",
};

const LATIN = /\p{Script=Latin}/u;
const MARKS = /\p{M}+/gu;
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u3007\u30fc]$/u;
const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

/** Longest letter or digit word kept (longer ones are cut). */
const MAX_WORD = 40;

const charCache = new Map<string, string>();

/** The normalised form of one character (a code point); may be empty or several characters. */
export function normaliseChar(ch: string): string {
  const cached = charCache.get(ch);
  if (cached !== undefined) return cached;
  let s = ch.normalize("NFKC").toLowerCase();
  if (LATIN.test(s)) s = s.normalize("NFD").replace(MARKS, "").normalize("NFC");
  let out = "";
  for (const c of s) out += VARIANT_CHARS[c] ?? c;
  if (charCache.size < 20000) charCache.set(ch, out);
  return out;
}

/** The normalised text. */
export function normaliseText(text: string): string {
  let out = "";
  for (const ch of text) out += normaliseChar(ch);
  return out;
}

/**
 * The normalised text with, for each of its UTF-16 units, the range of the original text it
 * came from, so that a match found in the normalised text can be marked in the original.
 */
export function normaliseWithMap(text: string): { text: string; start: number[]; end: number[] } {
  let out = "";
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = normaliseChar(ch);
    for (let k = 0; k < n.length; k++) {
      start.push(i);
      end.push(i + ch.length);
    }
    out += n;
    i += ch.length;
  }
  return { text: out, start, end };
}

export type TokenKind = "bigram" | "char" | "word" | "number";
export type Token = { lexeme: string; pos: number; kind: TokenKind };

type CharClass = "cjk" | "letter" | "digit" | "other";

function classOf(ch: string): CharClass {
  const c = ch.codePointAt(0) as number;
  // Fast paths for what course text is made of; the Unicode classes for the rest.
  if (c >= 0x4e00 && c <= 0x9fff) return "cjk";
  if (c >= 0x61 && c <= 0x7a) return "letter";
  if (c >= 0x30 && c <= 0x39) return "digit";
  if (c < 0x80) return "other";
  if (CJK.test(ch)) return "cjk";
  if (DIGIT.test(ch)) return "digit";
  if (LETTER.test(ch)) return "letter";
  return "other";
}

/**
 * Words of a normalised text, with positions starting at 0 (character i of a CJK run is at
 * position start + i). `mode` "document" adds the last character of each CJK run; "query"
 * keeps only what must match: bigrams, or a single character when a CJK run is one character
 * long (which matches any word starting with it).
 */
export function tokenise(normalised: string, mode: "document" | "query"): { tokens: Token[]; length: number } {
  const tokens: Token[] = [];
  const chars = Array.from(normalised);
  let pos = 0;
  let i = 0;
  while (i < chars.length) {
    const cls = classOf(chars[i]);
    if (cls === "other") {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < chars.length && classOf(chars[j]) === cls) j++;
    const run = chars.slice(i, j);
    if (cls === "cjk") {
      if (run.length === 1) {
        tokens.push({ lexeme: run[0], pos, kind: "char" });
      } else {
        for (let k = 0; k + 1 < run.length; k++) tokens.push({ lexeme: run[k] + run[k + 1], pos: pos + k, kind: "bigram" });
        if (mode === "document") tokens.push({ lexeme: run[run.length - 1], pos: pos + run.length - 1, kind: "char" });
      }
      pos += run.length;
    } else {
      tokens.push({ lexeme: run.slice(0, MAX_WORD).join(""), pos, kind: cls === "digit" ? "number" : "word" });
      pos += 1;
    }
    i = j;
  }
  return { tokens, length: pos };
}

/** Every CJK character of a normalised text, in order. */
export function cjkChars(normalised: string): string[] {
  return Array.from(normalised).filter((ch) => classOf(ch) === "cjk");
}

/** Splits what someone typed into terms: spaces and list punctuation separate terms. */
export function splitTerms(normalisedQuery: string): string[] {
  return normalisedQuery
    .split(/[\s,，、;；|]+/u)
    .map((t) => t.trim())
    .filter(Boolean);
}

/**
 * The word position (as `tokenise` counts them) of each UTF-16 unit of a normalised text, or -1
 * where no word is (spaces, punctuation).
 */
export function charPositions(normalised: string): number[] {
  const out: number[] = [];
  let pos = 0;
  let prev: CharClass | undefined;
  for (const ch of normalised) {
    const cls = classOf(ch);
    let p = -1;
    if (cls === "cjk") p = pos++;
    else if (cls !== "other") {
      if (prev !== cls) pos++;
      p = pos - 1;
    }
    for (let k = 0; k < ch.length; k++) out.push(p);
    prev = cls;
  }
  return out;
}
