import { normalizeWord, WORD_PATTERN } from '../../src/graph/names.js';

/** A word of paper text with its span and its folded forms (as inside a name, and as a name's last word). */
export interface Word {
  text: string;
  start: number;
  end: number;
  key: string;
  lastKey: string;
  /** The first folded word of `key` and of `lastKey` (`re-identification` folds to `re identification`). */
  head: string;
  lastHead: string;
}

/** Splits text into words with offsets and folded keys; punctuation and spaces between words are dropped. */
export function tokenizeWords(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD_PATTERN)) {
    const word = match[0];
    const key = normalizeWord(word, false);
    const lastKey = normalizeWord(word, true);
    words.push({ text: word, start: match.index, end: match.index + word.length, key, lastKey, head: firstWordOf(key), lastHead: firstWordOf(lastKey) });
  }
  return words;
}

function firstWordOf(key: string): string {
  const space = key.indexOf(' ');
  return space < 0 ? key : key.slice(0, space);
}
