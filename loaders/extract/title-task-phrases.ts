import { normalizeName } from '../../src/graph/names.js';
import type { CueWords } from './matchers.js';

// Words that close a task phrase in a title: prepositions, conjunctions, a verb joining two halves
// (`Prompts Benefit Composed Image Retrieval` ends at the title's end, `Retrieval with BERT` at `with`).
const CLOSERS = new Set([
  'for',
  'with',
  'via',
  'using',
  'by',
  'from',
  'through',
  'without',
  'in',
  'under',
  'amid',
  'on',
  'of',
  'and',
  'or',
  'to',
  'at',
  'as',
  'across',
  'beyond',
  'towards',
  'toward',
  'into',
  'is',
  'are',
  'meets',
  'matters',
]);
// Before a phrase, a word that makes it the paper's means (`… via Residual Learning`, `Improving X with Y Generation`).
const MEANS_BEFORE = new Set(['via', 'using', 'by', 'through', 'with', 'exploiting', 'leveraging']);
// A participle that makes what precedes it a modifier (`Cycle Consistency Driven Object Discovery`,
// `Transformer-Based Multi-Task Learning`): the task begins after it.
const PARTICIPLE = /(?:^|-)(?:based|driven|enhanced|guided|aware|powered|inspired|assisted|free|conditioned|augmented)$/i;
// Nouns a title's task phrase may qualify and still be its task (`A Plagiarism Detection Approach`).
const OWN_ARTIFACT = /^(?:approach|system|framework|toolkit|benchmark|dataset|challenge|track|tasks?|problems?)$/i;

interface TitleWord {
  text: string;
  start: number;
  end: number;
  /** Punctuation between this word and the next (`:`, `,`, `?`), or '' when only spaces. */
  gapAfter: string;
}

/**
 * Task phrases a title names anywhere in it (`Improving Passage Retrieval with …`, `A Novel
 * Plagiarism Detection Approach`, `… for Dense Passage Retrieval and Passage Re-ranking`): a word
 * that heads task names, closed by the title's end, punctuation, a preposition or conjunction or
 * a noun for the paper's own artifact, taken back over up to four content words. Leading
 * evaluative or vague words (`Efficient`, `High Fidelity`) are dropped. A technique-headed phrase
 * followed by a means marker (`Representation Learning for …`) is the means, not the problem.
 * Returns candidates only: the caller still tests each as a task phrase.
 */
export function titleTaskPhrases(title: string, cues: CueWords): Array<{ phrase: string; start: number }> {
  const words: TitleWord[] = [];
  for (const m of title.matchAll(/[^\s,;:()?!.“”"]+/g)) {
    const prev = words.at(-1);
    if (prev) prev.gapAfter = title.slice(prev.end, m.index).trim();
    words.push({ text: m[0], start: m.index, end: m.index + m[0].length, gapAfter: '' });
  }
  const out: Array<{ phrase: string; start: number }> = [];
  for (let i = 0; i < words.length; i++) {
    const head = normalizeName(words[i]!.text);
    if (!cues.taskHeads.has(head)) continue;
    const next = words[i + 1];
    const nextKey = next ? next.text.toLowerCase() : '';
    const closed = !next || words[i]!.gapAfter !== '' || CLOSERS.has(nextKey) || OWN_ARTIFACT.test(nextKey);
    // Technique heads (`learning`, `generalization`) name the means as often as the problem: only a
    // phrase that ends the title or a part of it (`… Continual Language Learning`, `Easy-to-Hard
    // Generalization:`) names the subject, and only with a head the cue lists know as such.
    if (!closed) continue;
    if (cues.techniqueHeads.has(head) && ((next && words[i]!.gapAfter === '') || !cues.genericTaskHeads.has(head))) continue;
    let first = i;
    while (first > 0 && i - first < 4) {
      const w = words[first - 1]!;
      const key = normalizeName(w.text);
      if (w.gapAfter !== '' || CLOSERS.has(w.text.toLowerCase()) || PARTICIPLE.test(w.text)) break;
      // A verb form (`Improving`, `Recognizing`) opens the title's clause, it is no part of the task.
      if (/ing$/i.test(w.text) && !cues.taskHeads.has(key) && !cues.conceptHeads.has(key)) break;
      if (/(?:ize|ise|ify|izes|ises|ifies)$/i.test(w.text)) break;
      first--;
    }
    // `Efficient`, `A Novel`, `High Fidelity`: vague or evaluative words before a task are not part of its name.
    while (first < i && (cues.notTaskWords.has(normalizeName(words[first]!.text)) || cues.leadingNoise.has(normalizeName(words[first]!.text)))) first++;
    // A verb form that opens the title (`Understanding In-Context Learning`) is the paper's act, not the task's word.
    while (first < i - 1 && /ing$/i.test(words[first]!.text)) first++;
    if (i - first < 1) continue;
    // The word that opens the phrase's stretch of the title (`with Low Rank Approximation Re-ranking`) says whether it is a means.
    let opener = first - 1;
    while (opener >= 0 && words[opener]!.gapAfter === '' && !CLOSERS.has(words[opener]!.text.toLowerCase())) opener--;
    if (opener >= 0 && words[opener]!.gapAfter === '' && MEANS_BEFORE.has(words[opener]!.text.toLowerCase())) continue;
    out.push({ phrase: title.slice(words[first]!.start, words[i]!.end), start: words[first]!.start });
  }
  return out;
}
