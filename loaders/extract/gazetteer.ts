import { normalizeName } from '../../src/graph/names.js';
import { hasNameMarks } from './find-names.js';
import type { Word } from './tokenize-words.js';

/** A curated name found in text: which entry, the surface form, its span and word range. */
export interface GazetteerHit<T> {
  entry: T;
  surface: string;
  start: number;
  end: number;
  from: number;
  to: number;
}

interface Form<T> {
  entry: T;
  /** Short forms with capitals (`ARC`, `IS`, `mAP`) match only as written, never as plain words. */
  exact?: string;
  /**
   * A capitalised form (`Adapter`, `The Stack`) needs a capital in the text too: in lower case it
   * is an ordinary word. A lower-case alias of the same entry lifts this (`transformer`).
   */
  capital?: boolean;
  /** Written with name capitals (`ReCoRD`, `ImageNet`): the text needs name capitals or a digit too, never a plain word (`records`). */
  nameCase?: boolean;
  /** Written in capitals only (`MASSIVE`, `IS-A`): in lower case, always an ordinary word. */
  capitalsOnly?: boolean;
}

const MAX_WORDS = 7;

/**
 * Finds curated names in tokenized text in one pass over the words, whatever the lists' size: a
 * hashed trie of word-boundary prefixes of every listed key (`image `, `image quality `) lets a run
 * grow only while some name still starts with it, and the longest listed run wins, so `ImageNet-1k`
 * wins over `ImageNet`. A scan costs a few map look-ups per word.
 */
export class Gazetteer<T extends { name: string; aliases: string[]; caseSensitive?: boolean }> {
  private readonly forms = new Map<string, Form<T>>();
  /** Keys without spaces or hyphens (`fashionmnist` for `Fashion-MNIST`), for `knows`. */
  private readonly compact = new Map<string, T>();
  /** First word key → the most words a name starting with it has. */
  private readonly starts = new Map<string, number>();
  /** Every word-boundary prefix of a listed key, each ending in a space: the trie's inner nodes. */
  private readonly prefixes = new Set<string>();

  /**
   * `titleCaseNames`: a listed name of several words that starts with a plain capitalised word
   * (`Natural Questions`, `Occluded REID`) is a name only when the text capitalises that word too:
   * `a natural question`, `occluded ReID` are ordinary words. For names of data, not of tasks.
   */
  constructor(entries: readonly T[], options: { titleCaseNames?: boolean } = {}) {
    for (const entry of entries) {
      for (const surface of [entry.name, ...entry.aliases]) {
        const key = normalizeName(surface);
        if (!key) continue;
        const existing = this.forms.get(key);
        if (existing) {
          if (existing.entry === entry && surface === surface.toLowerCase()) delete existing.capital;
          continue;
        }
        const form: Form<T> = { entry };
        if (!this.compact.has(key.replace(/[\s-]/g, ''))) this.compact.set(key.replace(/[\s-]/g, ''), entry);
        if (isShortCapital(surface) || entry.caseSensitive) form.exact = surface;
        else if (hasNameCapitals(surface)) form.nameCase = true;
        else if (/^(?:The\s+)?\p{Lu}\p{Ll}+$/u.test(surface) || /^The\s/.test(surface)) form.capital = true;
        if (options.titleCaseNames && /^\p{Lu}\p{Ll}+[\s-]+\S/u.test(surface) && !form.exact) form.capital = true;
        if (!/\p{Ll}|\d/u.test(surface)) form.capitalsOnly = true;
        this.forms.set(key, form);
        const words = key.split(' ');
        const first = words[0]!;
        // Single-word names are keyed by their singular form; longer ones by their first word.
        this.starts.set(first, Math.max(this.starts.get(first) ?? 0, words.length));
        for (let n = 1; n < words.length; n++) this.prefixes.add(`${words.slice(0, n).join(' ')} `);
      }
    }
  }

  /** The entry a whole name stands for, or undefined. */
  lookup(name: string): T | undefined {
    const form = this.forms.get(normalizeName(name));
    if (!form) return undefined;
    if (form.capital && !/^\p{Lu}/u.test(name.replace(/^the\s+/i, ''))) return undefined;
    if (form.nameCase && !hasNameMarks(name)) return undefined;
    return form.exact && !sameExact(name, form.exact) ? undefined : form.entry;
  }

  /**
   * The entry a name stands for in any spelling the normaliser folds together, whatever its case
   * rules, hyphens and spaces aside (`re-ID` and `reID` for a listed `ReID`, `FashionMNIST` for
   * `Fashion-MNIST`): for typing a name found otherwise, never for finding one.
   */
  knows(name: string): T | undefined {
    const key = normalizeName(name);
    return this.forms.get(key)?.entry ?? this.forms.get(normalizeName(name.replace(/[-‐‑]/g, '')))?.entry ?? this.compact.get(key.replace(/[\s-]/g, ''));
  }

  /**
   * Every non-overlapping hit in the words of `text`, left to right. `anyCase` ignores the names'
   * case rules (`cityscapes` for `Cityscapes`) except for short capitals and names written in
   * capitals only (`MASSIVE`): for a caller that checks the context itself.
   */
  find(text: string, words: readonly Word[], anyCase = false): Array<GazetteerHit<T>> {
    const hits: Array<GazetteerHit<T>> = [];
    for (let i = 0; i < words.length; ) {
      const hit = this.longestAt(text, words, i, anyCase);
      if (hit) {
        hits.push(hit);
        i = hit.to;
      } else {
        i++;
      }
    }
    return hits;
  }

  private longestAt(text: string, words: readonly Word[], i: number, anyCase: boolean): GazetteerHit<T> | undefined {
    const first = words[i]!;
    const maxWords = Math.max(this.starts.get(first.head) ?? 0, this.starts.get(first.lastHead) ?? 0);
    if (maxWords === 0) return undefined;
    let prefix = '';
    const keys: string[] = [];
    for (let n = 1; n <= Math.min(maxWords, MAX_WORDS, words.length - i); n++) {
      const word = words[i + n - 1]!;
      // A run that crosses punctuation other than a space is not one name.
      if (n > 1) {
        const gap = words[i + n - 2]!.end;
        if (word.start !== gap + 1 || text.charCodeAt(gap) !== 32) break;
      }
      keys.push(prefix + word.lastKey);
      prefix += `${word.key} `;
      if (!this.prefixes.has(prefix)) break;
    }
    for (let n = keys.length; n >= 1; n--) {
      const form = this.forms.get(keys[n - 1]!);
      if (!form) continue;
      const last = words[i + n - 1]!;
      const surface = text.slice(first.start, last.end);
      if (anyCase) {
        if (form.exact || form.capitalsOnly) continue;
        return { entry: form.entry, surface, start: first.start, end: last.end, from: i, to: i + n };
      }
      if (form.exact && !sameExact(surface, form.exact)) continue;
      if (form.capital && !/^\p{Lu}/u.test(surface.replace(/^the\s+/i, ''))) continue;
      if (form.nameCase && !hasNameMarks(surface)) continue;
      return { entry: form.entry, surface, start: first.start, end: last.end, from: i, to: i + n };
    }
    return undefined;
  }
}

/** The same capitals as the listed form, whatever the separators: `MS-MARCO` is `MS MARCO`, `records` is not `ReCoRD`. */
function sameExact(surface: string, exact: string): boolean {
  const fold = (s: string): string => s.replace(/[\s‐‑‒–—_-]+/g, ' ');
  const a = fold(surface);
  const b = fold(exact);
  return a === b || a === `${b}s`;
}

/**
 * Capitals inside a word (`ReCoRD`, `LLaMA`, `ImageNet`) or a word in capitals (`AND Dataset`,
 * `SCROLLS`): the name is written so to tell it from the word (`records`, `llama`, `and`), and
 * matches only text that has name capitals or a digit too.
 */
function hasNameCapitals(surface: string): boolean {
  return surface.split(/[\s-]+/).some((w) => /^\p{L}+$/u.test(w) && w.length >= 2 && (/\p{Lu}{2,}/u.test(w) || /\p{Ll}\p{Lu}/u.test(w)));
}

/** Upper-case forms of up to five letters, which would otherwise match ordinary words. */
function isShortCapital(surface: string): boolean {
  const letters = surface.replace(/[^\p{L}]/gu, '');
  const capitals = (surface.match(/\p{Lu}/gu) ?? []).length;
  return letters.length <= 5 && (capitals >= 2 || (capitals === 1 && !/^\p{Lu}/u.test(surface)) || (capitals === 1 && letters.length <= 2));
}
