import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import { Converter } from "opencc-js/t2cn";
import { FIELD_WORDS } from "@/lib/search/synonyms";

/**
 * Cuts normalised Traditional Chinese into words, so that a query typed without spaces
 * (性平研習, 國小數學工作坊, AI數學) finds what the same words typed with spaces find.
 *
 * jieba's dictionary is Simplified Chinese, so text is first converted character by character
 * (opencc, Taiwan → mainland; the length stays the same, so every word maps back to the
 * original) and the field's own words (lib/search/dictionary.json: 國小, 性平, 課綱, 輔導團, …)
 * are added to the dictionary. What comes back is tidied for search:
 * - a run of single characters jieba could not place (桌/遊, 王/小/明) stays one word, matched
 *   as the substring it is;
 * - a lone character left between two words is a joining word (及, 與, 的) and is dropped, or,
 *   when it is not one, stays attached to the word before it (海事/群 → 海事群), else after it;
 * - letters and digits are words of their own (AI / 數學).
 */

/** Joining characters that say nothing on their own in a query (技術及職業教育 → 技術, 職業, 教育). */
const JOINERS = new Set(["的", "與", "及", "和", "之", "或", "暨", "並", "等", "在", "於", "以", "之"]);
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]/u;
const WORD_CHAR = /[\p{L}\p{Nd}]/u;

/** Very frequent, so jieba keeps the field's words whole. */
const FIELD_WORD_FREQUENCY = 200_000;

type Segmenter = { jieba: Jieba; toSimplified: (s: string) => string };
let segmenter: Segmenter | undefined;

function getSegmenter(): Segmenter {
  if (segmenter) return segmenter;
  const toSimplified = Converter({ from: "tw", to: "cn" });
  const jieba = Jieba.withDict(dict);
  const lines = FIELD_WORDS.map((w) => toSimplified(w))
    .filter((w) => w.trim() !== "")
    .map((w) => `${w.replace(/\s+/g, "")} ${FIELD_WORD_FREQUENCY} n`);
  jieba.loadDict(Buffer.from(lines.join("\n") + "\n", "utf8"));
  segmenter = { jieba, toSimplified };
  return segmenter;
}

/** Loads the dictionaries now (at server start) rather than on the first search. */
export function warmSegmenter(): void {
  getSegmenter();
}

/** A word of a normalised text: its text and where it starts (UTF-16 index). */
export type Word = { text: string; at: number };

const isCjk = (s: string) => CJK.test(s);

/** jieba's words of a normalised text with their offsets, spaces and punctuation left out. */
function rawWords(text: string): Word[] {
  const { jieba, toSimplified } = getSegmenter();
  const simplified = toSimplified(text);
  // Character-by-character conversion keeps the length; should it ever not, the text is one word.
  if (simplified.length !== text.length) return [{ text, at: 0 }];
  const out: Word[] = [];
  let at = 0;
  for (const piece of jieba.cut(simplified, true)) {
    const original = text.slice(at, at + piece.length);
    if (WORD_CHAR.test(original)) out.push({ text: original, at });
    at += piece.length;
  }
  return out;
}

const singleCjk = (w: Word) => w.text.length === 1 && isCjk(w.text);
const adjacent = (a: Word, b: Word) => a.at + a.text.length === b.at;

/** Merges runs of adjacent single characters into one word (桌/遊 → 桌遊). */
function mergeSingles(words: Word[]): Word[] {
  const out: (Word & { merged: boolean })[] = [];
  for (const w of words) {
    const last = out[out.length - 1];
    if (last && singleCjk(w) && adjacent(last, w) && [...last.text].every(isCjk) && (singleCjk(last) || last.merged)) {
      out[out.length - 1] = { text: last.text + w.text, at: last.at, merged: true };
    } else out.push({ ...w, merged: false });
  }
  return out.map(({ text, at }) => ({ text, at }));
}

/**
 * The words of a normalised query term, in order. A term without Chinese characters is one
 * word as typed (letters, digits).
 */
export function queryWords(term: string): string[] {
  if (!isCjk(term)) return term.trim() ? [term] : [];
  const words = mergeSingles(rawWords(term).filter((w) => !(JOINERS.has(w.text))));
  // A lone character that is not a joiner stays with a neighbour, as typed: the word before it
  // (海事 + 群, 數學 + 科: such characters mostly end a word), else the word after it.
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const prev = out[out.length - 1];
    if (singleCjk(w) && prev && adjacent(prev, w) && isCjk(prev.text[prev.text.length - 1])) {
      out[out.length - 1] = { text: prev.text + w.text, at: prev.at };
      continue;
    }
    const next = words[i + 1];
    if (singleCjk(w) && next && adjacent(w, next) && isCjk(next.text[0])) {
      words[i + 1] = { text: w.text + next.text, at: w.at };
      continue;
    }
    out.push(w);
  }
  const texts = out.map((w) => w.text);
  // Only joiners (與): the term as typed.
  return texts.length ? texts : [term];
}

/** The words of a normalised document text with their offsets, for whole-word ranking. */
export function documentWords(text: string): Word[] {
  if (!isCjk(text)) return [];
  return mergeSingles(rawWords(text)).filter((w) => isCjk(w.text));
}
