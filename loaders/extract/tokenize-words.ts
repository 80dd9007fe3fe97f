import { normalizeWord, WORD_PATTERN } from '../normalize.js';

/** A word of paper text with its span and its folded forms (as inside a name, and as a name's last word). */
export interface Word {
  text: string;
  start: number;
  end: number;
  key: string;
  lastKey: string;
}

/** Splits text into words with offsets and folded keys; punctuation and spaces between words are dropped. */
export function tokenizeWords(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD_PATTERN)) {
    const word = match[0];
    words.push({ text: word, start: match.index, end: match.index + word.length, key: normalizeWord(word, false), lastKey: normalizeWord(word, true) });
  }
  return words;
}
