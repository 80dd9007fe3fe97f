import { normalizeName } from '../../src/graph/names.js';
import type { CueWords } from './matchers.js';

// A short form in capitals, plural or not (`DiTs`, `LLMs`): a model family the mention qualifies.
const MODEL_ACRONYM = /^\p{Lu}[\p{L}\d]*\p{Lu}[\p{L}\d]*$/u;
// Up to three words after a mention, past a parenthesised short form (`text-to-image (T2I) models`).
const WORDS_AFTER = /^\s*(?:\([^()]{1,15}\)\s*)?((?:[\p{L}\d][\p{L}\d/-]*\s+){0,2}[\p{L}\d][\p{L}\d/-]*)/u;

/**
 * True when the noun phrase a task name opens goes on to an artifact noun (`text-to-image
 * models`, `metric learning loss`, `the denoising process`, `image reconstruction attacks`): the
 * name then qualifies a model, a component or a technique, and is not a problem the paper studies.
 * A model family's short form counts as such a noun (`text-to-image DiTs`).
 * Stops at the first word that cannot sit inside a noun phrase (`is`, `and`, `on`, `requires`).
 */
export function qualifiesArtifactAfter(text: string, end: number, cues: CueWords): boolean {
  const words = WORDS_AFTER.exec(text.slice(end, end + 60))?.[1]?.split(/\s+/) ?? [];
  for (const word of words) {
    const key = normalizeName(word);
    if (cues.artifactNouns.has(key) || MODEL_ACRONYM.test(word)) return true;
    if (cues.notTaskWords.has(key) || cues.taskHeads.has(key) || /^(?:tasks?|problems?|benchmarks?|challenges?|settings?)$/i.test(word)) return false;
  }
  return false;
}

// `X is a Y task`, `cast X as a Y problem`: Y is the kind of problem X is, not another one the paper takes on.
const CATEGORY_BEFORE = /\b(?:is|are|as|into|be)\s+(?:an?|the)\s+(?:[\p{L}\d-]+\s+){0,3}$/iu;

/** True for a task phrase between `is a`/`as a` (and a few modifiers) and a task noun: the kind of problem the subject is. */
export function isCategoryMention(text: string, start: number, end: number): boolean {
  return CATEGORY_BEFORE.test(text.slice(Math.max(0, start - 60), start)) && /^\s+(?:tasks?|problems?)\b/i.test(text.slice(end, end + 12));
}

// What a model is trained on rather than what it is for: `pre-training tasks: A, B and C`, `masked X`.
const OBJECTIVE_LIST_BEFORE =
  /\b(?:pre-?training|pretext|auxiliary|proxy|surrogate)\s+(?:tasks?|objectives?)\s*(?:[:(]|,?\s*(?:i\.e\.|e\.g\.|such as|including|namely)\b)[^.;]*$/i;
const MASKED_BEFORE = /\bmasked\s+$/i;

/**
 * True for a task name used as a training objective: listed after `pre-training tasks` or
 * `pretext tasks` in its sentence, or written after `masked` (`masked image modeling`). Such a
 * name is a technique of the paper, not a problem it takes on (the guidelines' techniques as tasks).
 */
export function isTrainingObjective(text: string, sentenceStart: number, start: number): boolean {
  return MASKED_BEFORE.test(text.slice(Math.max(0, start - 8), start)) || OBJECTIVE_LIST_BEFORE.test(text.slice(sentenceStart, start));
}
