import { normalizeName } from '../../src/graph/names.js';
import type { Matchers } from './matchers.js';

// Words before a title's artifact that are no part of its name.
const OPENERS = /^(?:A|An|The|Towards?)$/i;
// After the artifact's name: what it is for or how it works (`Pointer Networks for …`, `… with …`).
const AFTER_NAME = /^(?:for|with|via|using|by|from|through|without|on|towards?)$/i;
// A word that cannot sit inside a name: a preposition, conjunction or verb that closes the phrase.
const CLOSER = /^(?:for|with|via|using|by|from|through|without|in|under|on|of|and|or|to|at|as|is|are|can|meets?|towards?|into|beyond|across)$/i;

/**
 * The artifact a title names by its opening phrase (`Pointer Networks`, `Discrete Key-Value
 * Bottleneck`, `Long-term Recurrent Convolutional Networks for …`, `Towards Universal Mesh
 * Movement Networks`): two to five title-case words ending in an architecture noun, closed by the
 * title's end, punctuation or a preposition saying what it is for or how it works. A family
 * (`Large Language Models`), a listed name, a phrase whose other words are only vague or
 * evaluative (`Efficient Transformers`) and a clause (`Scaling Diffusion Models`, `… Models are …`)
 * name no artifact of the paper. Returns its span in the title, or undefined.
 */
export function titleArtifactName(title: string, matchers: Matchers): { text: string; start: number; end: number } | undefined {
  const words = [...title.matchAll(/[^\s,;:()?!]+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  let first = 0;
  while (first < words.length && OPENERS.test(words[first]!.text)) first++;
  let last = first;
  while (last + 1 < words.length && last - first < 5) {
    if (title.slice(words[last]!.end, words[last + 1]!.start).trim() !== '' || CLOSER.test(words[last + 1]!.text)) break;
    last++;
  }
  const phrase = words.slice(first, last + 1);
  if (phrase.length < 2 || phrase.length > 5) return undefined;
  const next = words[last + 1];
  const gap = next ? title.slice(words[last]!.end, next.start).trim() : '';
  if (next && gap === '' && !AFTER_NAME.test(next.text)) return undefined;
  const { cues } = matchers;
  if (!cues.architectureNouns.has(normalizeName(phrase.at(-1)!.text))) return undefined;
  if (!phrase.every((w) => /^[\p{Lu}\d]/u.test(w.text))) return undefined;
  // `Scaling Diffusion Language Models`, `Characterizing Short-Term Memory`: a verb opens a clause about models.
  const opening = normalizeName(phrase[0]!.text);
  if (/ing$/.test(opening) && !cues.conceptHeads.has(opening) && !cues.taskHeads.has(opening)) return undefined;
  const generic = (w: { text: string }): boolean => {
    const key = normalizeName(w.text);
    return cues.notConceptWords.has(key) || cues.leadingNoise.has(key) || cues.notTaskWords.has(key);
  };
  const named = phrase.slice(phrase.findIndex((w) => !generic(w)));
  if (named.length < 2) return undefined;
  const start = phrase[0]!.start;
  const end = phrase.at(-1)!.end;
  const text = title.slice(start, end);
  for (const candidate of [text, title.slice(named[0]!.start, end)]) {
    if (matchers.families.lookup(candidate) || matchers.methods.lookup(candidate) || matchers.datasets.lookup(candidate)) return undefined;
    if (matchers.stopPhrases.has(normalizeName(candidate))) return undefined;
  }
  return { text, start, end };
}
