import dictionary from "@/lib/search/dictionary.json";
import { normaliseText } from "@/lib/search/normalise";

/**
 * The field's abbreviations and long forms, read from lib/search/dictionary.json (data, edited
 * without touching code). Both engines apply them in the same place, when a document is indexed:
 * a field that contains one spelling is also indexed under the spellings that should find it
 * (see `textAliases`). Queries are then matched as typed, so 性平 finds 性別平等 and 性別平等
 * finds 性平, in PostgreSQL and in Meilisearch alike, and a new term takes an edit of the file and
 * an index rebuild.
 */
export type SynonymGroup = {
  /** Normalised spellings (臺 not 台, lower-case letters). */
  readonly forms: readonly string[];
  /** Only the first form finds the others (`expand` in the file); otherwise every form finds every other. */
  readonly oneWay: boolean;
  /** Do not treat an occurrence preceded by one of these characters as the abbreviation (全國中小學 is not 國中). */
  readonly notAfter?: string;
};

type SameEntry = string[] | { forms: string[]; notAfter?: string };
type Dictionary = { same: SameEntry[]; expand: string[][]; words: string[] };
const DICTIONARY = dictionary as Dictionary;

function groupsOf(d: Dictionary): SynonymGroup[] {
  const groups: SynonymGroup[] = [];
  for (const entry of d.same) {
    const { forms, notAfter } = Array.isArray(entry) ? { forms: entry, notAfter: undefined } : entry;
    groups.push({ forms: [...new Set(forms.map(normaliseText))], oneWay: false, notAfter: notAfter ? normaliseText(notAfter) : undefined });
  }
  for (const forms of d.expand) groups.push({ forms: [...new Set(forms.map(normaliseText))], oneWay: true });
  return groups;
}

export const SYNONYM_GROUPS: readonly SynonymGroup[] = groupsOf(DICTIONARY);

/** Every word of the field: the dictionary's words and every spelling of its groups (normalised). */
export const FIELD_WORDS: readonly string[] = [...new Set([...DICTIONARY.words.map(normaliseText), ...SYNONYM_GROUPS.flatMap((g) => g.forms)])];

/** Spellings that an occurrence of `form` in a document is also indexed under. */
function aliasesOfForm(group: SynonymGroup, form: string): readonly string[] {
  if (!group.oneWay) return group.forms.filter((f) => f !== form);
  // One-way: a document with one of the later forms is found by the first one.
  return form === group.forms[0] ? [] : [group.forms[0]];
}

/** How many alias spellings one field value may get (keeps documents small). */
const MAX_ALIASES = 8;

const ALNUM = /[\p{L}\p{Nd}]/u;
const LATIN_OR_DIGIT = /[a-z0-9]/;

function occurrences(text: string, form: string, notAfter: string | undefined): number[] {
  const found: number[] = [];
  // A form that begins or ends with a letter or digit (ai, 108課綱) is a word of its own there:
  // "ai" in "email" is not 人工智慧.
  const edgeStart = LATIN_OR_DIGIT.test(form[0]);
  const edgeEnd = LATIN_OR_DIGIT.test(form[form.length - 1]);
  let from = 0;
  while (true) {
    const at = text.indexOf(form, from);
    if (at < 0) return found;
    const before = at > 0 ? text[at - 1] : "";
    const after = text[at + form.length] ?? "";
    const ok =
      !(notAfter && before && notAfter.includes(before)) &&
      !(edgeStart && before && ALNUM.test(before) && LATIN_OR_DIGIT.test(before)) &&
      !(edgeEnd && after && ALNUM.test(after) && LATIN_OR_DIGIT.test(after));
    if (ok) found.push(at);
    from = at + form.length;
  }
}

function replaceAt(text: string, positions: number[], length: number, by: string): string {
  let out = "";
  let last = 0;
  for (const at of positions) {
    out += text.slice(last, at) + by;
    last = at + length;
  }
  return out + text.slice(last);
}

/** The groups of each form, by the form's first character: a text is scanned once, not once per form. */
const GROUPS_BY_FIRST_CHAR = new Map<string, { form: string; group: SynonymGroup }[]>();
for (const group of SYNONYM_GROUPS) {
  for (const form of group.forms) {
    const list = GROUPS_BY_FIRST_CHAR.get(form[0]) ?? [];
    list.push({ form, group });
    GROUPS_BY_FIRST_CHAR.set(form[0], list);
  }
}

/** The (form, group) pairs whose form occurs in `text`. */
function formsIn(text: string): { form: string; group: SynonymGroup }[] {
  const found: { form: string; group: SynonymGroup }[] = [];
  // A form may be in several entries (國中: 國民中學, and one of what 國中小 finds).
  const seen = new Set<{ form: string; group: SynonymGroup }>();
  for (let i = 0; i < text.length; i++) {
    const candidates = GROUPS_BY_FIRST_CHAR.get(text[i]);
    if (!candidates) continue;
    for (const c of candidates) {
      if (!seen.has(c) && text.startsWith(c.form, i)) {
        seen.add(c);
        found.push(c);
      }
    }
  }
  return found;
}

/** Spellings that a whole word `word` of a document is also a whole word as (環境教育 → 環教). */
export function wordAliases(word: string): readonly string[] {
  const out: string[] = [];
  for (const c of GROUPS_BY_FIRST_CHAR.get(word[0]) ?? []) if (c.form === word) out.push(...aliasesOfForm(c.group, word));
  return out;
}

/**
 * Other spellings of a normalised text: every form found is replaced by each spelling that
 * should find it (and combinations, up to MAX_ALIASES). The text itself is not included.
 */
export function textAliases(text: string): string[] {
  const seen = new Set<string>([text]);
  const queue = [text];
  const aliases: string[] = [];
  while (queue.length && aliases.length < MAX_ALIASES) {
    const current = queue.shift() as string;
    for (const { form, group } of formsIn(current)) {
      {
        const others = aliasesOfForm(group, form);
        if (!others.length) continue;
        // A form found only inside a longer form of another group is that one's (國中 in 國中小).
        const at = occurrences(current, form, group.notAfter).filter((p) => !insideLongerForm(current, p, form));
        if (!at.length) continue;
        for (const other of others) {
          const alias = replaceAt(current, at, form.length, other);
          if (seen.has(alias)) continue;
          seen.add(alias);
          aliases.push(alias);
          queue.push(alias);
          if (aliases.length >= MAX_ALIASES) return aliases;
        }
      }
    }
  }
  return aliases;
}

/** True when the occurrence of `form` at `at` is part of a longer synonym form (國中 in 國中小). */
function insideLongerForm(text: string, at: number, form: string): boolean {
  for (const group of SYNONYM_GROUPS) {
    for (const longer of group.forms) {
      if (longer.length <= form.length || !longer.includes(form)) continue;
      for (let offset = longer.indexOf(form); offset >= 0; offset = longer.indexOf(form, offset + 1)) {
        if (at - offset >= 0 && text.startsWith(longer, at - offset)) return true;
      }
    }
  }
  return false;
}

/**
 * The spellings a query term can appear as in a text, for highlighting: itself and the forms it
 * finds (性平 also marks 性別平等).
 */
export function termSpellings(term: string): string[] {
  const out = new Set<string>([term]);
  for (const group of SYNONYM_GROUPS) {
    if (!group.forms.includes(term)) continue;
    if (!group.oneWay) group.forms.forEach((f) => out.add(f));
    else if (term === group.forms[0]) group.forms.forEach((f) => out.add(f));
  }
  return [...out];
}

/** The long forms a spelling stands for (for 「改搜尋全名」 suggestions): the longer spellings of its groups. */
export function longFormsOf(term: string): string[] {
  const out: string[] = [];
  for (const group of SYNONYM_GROUPS) {
    if (!group.forms.includes(term)) continue;
    if (group.oneWay && term !== group.forms[0]) continue;
    for (const f of group.forms) if (f !== term && f.length > term.length) out.push(f);
  }
  return [...new Set(out)];
}
