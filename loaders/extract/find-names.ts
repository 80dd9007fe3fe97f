import type { Word } from './tokenize-words.js';

/** A word sequence that reads as a proper name: `RetNet`, `DTRN`, `Llama-2 7B`, `ViT-B/16`, `GPT-4o`. */
export interface NameCandidate {
  text: string;
  start: number;
  end: number;
  from: number;
  to: number;
}

// Model sizes and variants that belong to the name before them: `7B`, `410M`, `v2`, `XL`, `Large`.
const ADJECTIVE_SUFFIX =
  /-(?:free|based|like|aware|style|specific|level|wise|guided|driven|centric|agnostic|only|enhanced|augmented|conditioned|scale|tuned|trained|friendly|related|oriented|activated|powered|equipped|compatible|generated|written|produced|annotated|labeled|labelled|authored|created|synthesized|synthesised)$/i;
// TeX commands glued to words when markup was stripped: `English$\rightarrow$English`.
const TEX_GLUE = /(?:rightarrow|leftarrow|Rightarrow|mathbf|mathrm|textbf|textit|emph|cdot|times|approx)\p{Lu}/u;
// Capitals that spell a title's acronym inside English words (`UNiversal`, `REquest`, `cOntrollable`,
// `transFormer`): the word is the acronym's source, not a name of its own.
const SPELLED_ACRONYM = /^(?:\p{Lu}{2}\p{Ll}{3,}|(?:\p{Ll}|\p{Ll}{3,})\p{Lu}\p{Ll}{4,})$/u;
// Single letters joined by slashes (`A/B`, `P/R/F1`): a shorthand, no name; a host and a path (`youtu.be/x`): a link.
const SLASHED_LETTERS = /^\p{Lu}\d?(?:\/\p{Lu}\d?)+$/u;
const BARE_LINK = /\.[a-z]{2,}\//i;
const SIZE = /^(?:\d+(?:\.\d+)?[BMKbmk]|v\d+(?:\.\d+)?|XL|XXL|Large|Base|Small|Tiny|Huge)$/;

/**
 * True for a word that reads as a name rather than an English word: an inner capital (`RetNet`,
 * `aTLAS`), two or more capitals (`DTRN`, `MoE`), or letters mixed with digits (`Llama-2`, `T5`).
 */
export function isNameLike(word: string): boolean {
  // Names start with a letter (`3D`, `4.5G`, `300B` are quantities), and `MLP-free` or
  // `CAM-based` are adjectives built on a name, not names.
  if (!/^\p{L}/u.test(word) || ADJECTIVE_SUFFIX.test(word) || TEX_GLUE.test(word)) return false;
  if (SPELLED_ACRONYM.test(word) || SLASHED_LETTERS.test(word) || BARE_LINK.test(word)) return false;
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 && !/\d/.test(word)) return false;
  const capitals = (word.match(/\p{Lu}/gu) ?? []).length;
  if (capitals >= 2) return true;
  if (/^\p{Ll}+\p{Lu}/u.test(word)) return true;
  if (/\p{Lu}/u.test(word) && /\d/.test(word)) return true;
  // `Llama-2`, `word2vec`-like forms with a digit glued by a hyphen or inside the word.
  // Lower-case words with digits are names when short or ending in a version (`word2vec`, `gpt-4`),
  // not when a LaTeX escape got glued into them (`scratchx2013even`).
  return /\p{L}-?\d/u.test(word) && !/^\p{Ll}+-\d+$/u.test(word) && (word.length <= 10 || /\d+$/.test(word));
}

/**
 * Any mark of a name at all (an inner capital, two capitals, a digit): looser than `isNameLike`,
 * for title words and for text a listed name with name capitals must match (`imagenet-1K`).
 */
export function hasNameMarks(word: string): boolean {
  return /\p{Ll}\p{Lu}|\p{Lu}{2,}|\d/u.test(word);
}

/** Name-like words of a text, each extended by a following size or variant word. */
export function findNames(words: readonly Word[], text: string): NameCandidate[] {
  const names: NameCandidate[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!isNameLike(word.text.replace(/['’]s?$/, ''))) continue;
    let to = i + 1;
    while (to < words.length && SIZE.test(words[to]!.text) && text.slice(words[to - 1]!.end, words[to]!.start) === ' ') to++;
    const last = words[to - 1]!;
    // A possessive (`OpenAI's`) belongs to the sentence, not to the name.
    const end = to === i + 1 ? word.start + word.text.replace(/['’]s?$/, '').length : last.end;
    names.push({ text: text.slice(word.start, end), start: word.start, end, from: i, to });
    i = to - 1;
  }
  return names;
}
