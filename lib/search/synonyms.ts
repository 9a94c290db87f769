/**
 * The one list of abbreviations and long forms that both search engines use. Each group is a
 * set of equivalent spellings, written as normalised text (臺 not 台, half-width letters).
 *
 * Both engines apply it in the same place, when a document is indexed: a field that contains
 * one spelling is also indexed under the others (see `textAliases`). Queries are then matched
 * as typed, so 性平 finds 性別平等 and 性別平等 finds 性平, in PostgreSQL and in Meilisearch alike.
 * The Meilisearch settings carry the same groups as synonyms (lib/search/meilisearch-requests.ts).
 */
export type SynonymGroup = {
  readonly forms: readonly string[];
  /** Do not treat an occurrence preceded by one of these characters as the abbreviation (全國中小學 is not 國中). */
  readonly notAfter?: string;
};

export const SYNONYM_GROUPS: readonly SynonymGroup[] = [
  { forms: ["性平", "性別平等"] },
  { forms: ["國中", "國民中學"], notAfter: "全" },
  { forms: ["國小", "國民小學"], notAfter: "全" },
  { forms: ["國中小", "國民中小學"], notAfter: "全" },
  { forms: ["高中", "高級中學"] },
  { forms: ["高職", "高級職業學校"] },
  { forms: ["特教", "特殊教育"] },
  { forms: ["幼教", "幼兒教育"] },
  { forms: ["資優", "資賦優異"] },
];

/** How many alias spellings one field value may get (keeps documents small). */
const MAX_ALIASES = 8;

function occurrences(text: string, form: string, notAfter: string | undefined): number[] {
  const found: number[] = [];
  let from = 0;
  while (true) {
    const at = text.indexOf(form, from);
    if (at < 0) return found;
    if (!(notAfter && at > 0 && notAfter.includes(text[at - 1]))) found.push(at);
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

/**
 * Other spellings of a normalised text: every synonym found is replaced by each of the other
 * forms of its group (and combinations, up to MAX_ALIASES). The text itself is not included.
 */
export function textAliases(text: string): string[] {
  const seen = new Set<string>([text]);
  const queue = [text];
  const aliases: string[] = [];
  while (queue.length && aliases.length < MAX_ALIASES) {
    const current = queue.shift() as string;
    for (const group of SYNONYM_GROUPS) {
      for (const form of group.forms) {
        // A longer form of the same group contains no shorter one here, but 國中小 contains 國中:
        // skip a form found only inside a longer form of another group.
        const at = occurrences(current, form, group.notAfter).filter((p) => !insideLongerForm(current, p, form));
        if (!at.length) continue;
        for (const other of group.forms) {
          if (other === form) continue;
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
      const offset = longer.indexOf(form);
      if (text.startsWith(longer, at - offset)) return true;
    }
  }
  return false;
}

/** The spellings a query term can appear as in a text, for highlighting: itself and its aliases. */
export function termSpellings(term: string): string[] {
  return [term, ...textAliases(term)];
}
