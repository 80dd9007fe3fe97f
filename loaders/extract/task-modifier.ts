import { normalizeName } from '../normalize.js';
import type { CueWords } from './matchers.js';

// Up to three words after a mention, past a parenthesised short form (`text-to-image (T2I) models`).
const WORDS_AFTER = /^\s*(?:\([^()]{1,15}\)\s*)?((?:[\p{L}\d][\p{L}\d/-]*\s+){0,2}[\p{L}\d][\p{L}\d/-]*)/u;

/**
 * True when the noun phrase a task name opens goes on to an artifact noun (`text-to-image
 * models`, `metric learning loss`, `the denoising process`, `image reconstruction attacks`): the
 * name then qualifies a model, a component or a technique, and is not a problem the paper studies.
 * Stops at the first word that cannot sit inside a noun phrase (`is`, `and`, `on`, `requires`).
 */
export function qualifiesArtifactAfter(text: string, end: number, cues: CueWords): boolean {
  const words = WORDS_AFTER.exec(text.slice(end, end + 60))?.[1]?.split(/\s+/) ?? [];
  for (const word of words) {
    const key = normalizeName(word);
    if (cues.artifactNouns.has(key)) return true;
    if (cues.notTaskWords.has(key) || cues.taskHeads.has(key) || /^(?:tasks?|problems?|benchmarks?|challenges?|settings?)$/i.test(word)) return false;
  }
  return false;
}

// `X is a Y task`, `cast X as a Y problem`: Y is the kind of problem X is, not another one the paper takes on.
const CATEGORY_BEFORE = /\b(?:is|are|as|into|be)\s+(?:an?|the)\s+$/i;

/** True for a task phrase between `is a`/`as a` and a task noun: the kind of problem the subject is. */
export function isCategoryMention(text: string, start: number, end: number): boolean {
  return CATEGORY_BEFORE.test(text.slice(Math.max(0, start - 12), start)) && /^\s+(?:tasks?|problems?)\b/i.test(text.slice(end, end + 12));
}
