import { normalizeName } from '../../src/graph/names.js';
import { chunkNounPhrases, type NounPhrase } from './chunk-noun-phrases.js';
import type { ParseText } from './extract-paper.js';
import { addNounPhraseTask, isTaskPhrase } from './find-tasks.js';
import { leadingNoiseLength, type Matchers } from './matchers.js';
import { insideCapitalisedName, type PaperDraft } from './paper-draft.js';

/**
 * Concepts from the one compromise parse of the abstract: a noun phrase is a concept when it is a
 * curated family, or two to four plain words ending in a technical head (`catastrophic
 * forgetting`, `knowledge distillation`, `mixture of experts` through the lists) with no vague,
 * evaluative or clause word in it. A phrase that names a task is a task instead; field names
 * (`deep learning`) link every paper and are no concept.
 */
export function findConcepts(draft: PaperDraft, parse: ParseText): void {
  const abstract = draft.fieldOf('abstract');
  if (!abstract) return;
  for (const phrase of chunkNounPhrases(parse(abstract.text), abstract.text)) {
    // compromise splits `in-context` and `non-convex`: a phrase glued to the word before it is half a word.
    if (/[\p{L}\d][-‐]$/u.test(abstract.text.slice(Math.max(0, phrase.start - 2), phrase.start))) continue;
    const noise = leadingNoiseLength(phrase.text, draft.matchers.cues, true);
    if (addNounPhraseTask(draft, phrase, noise)) continue;
    const concept = conceptOf(phrase, noise, draft.matchers);
    if (!concept) continue;
    const start = phrase.start + noise;
    const end = start + concept.surface.length;
    if (draft.claims.isClaimed('abstract', start, end) && !draft.concepts.has(concept.name)) continue;
    if (insideCapitalisedName(abstract.text, start, end)) continue;
    const kind = draft.kindOf(concept.surface);
    if (kind && kind !== 'concept') continue;
    draft.concepts.add(concept.name, { field: 'abstract', start, end }, { written: concept.surface });
  }
}

function conceptOf(phrase: NounPhrase, noise: number, matchers: Matchers): { name: string; surface: string } | undefined {
  return conceptNamed(
    phrase.text
      .slice(noise)
      .replace(/\s*\([^)]*\)?$/, '')
      .trim(),
    matchers,
  );
}

/**
 * The concept a phrase names, or undefined: a curated family, or two to four plain words ending
 * in a technical head, with no vague, evaluative or clause word and no plural before the head.
 * The one test for every concept, whether a noun phrase or an acronym's lower-case long form.
 */
export function conceptNamed(surface: string, matchers: Matchers): { name: string; surface: string } | undefined {
  if (surface.length < 4 || !/[a-z]{3}/i.test(surface)) return undefined;
  const words = surface.split(/\s+/);
  if (words.length > 4) return undefined;
  const key = normalizeName(surface);
  const { cues } = matchers;
  if (matchers.stopPhrases.has(key) || matchers.notNames.has(key) || cues.hubConcepts.has(key)) return undefined;
  const family = matchers.families.lookup(surface);
  if (family) return cues.hubConcepts.has(normalizeName(family.name)) ? undefined : { name: family.name.toLowerCase(), surface };
  if (words.length === 1) return undefined;
  if (matchers.methods.lookup(surface) || matchers.datasets.lookup(surface) || matchers.metrics.lookup(surface) || matchers.tasks.lookup(surface))
    return undefined;
  const head = normalizeName(words.at(-1)!);
  if (!cues.conceptHeads.has(head) || (cues.weakConceptHeads.has(head) && words.length > 2)) return undefined;
  // Every word a plain word: no TeX or symbols, no one-letter variable, no plural before the head.
  if (words.some((w) => /[^\p{L}-]/u.test(w) || w.length < 2) || words.slice(0, -1).some(isPlural)) return undefined;
  // Plain words only: a capitalised or name-like word makes it a name, a digit a quantity.
  if (words.some((w) => /\d/.test(w) || /\p{Lu}/u.test(w.slice(1)) || (/^\p{Lu}/u.test(w) && w !== words[0]))) return undefined;
  if (words.some((w) => cues.notConceptWords.has(normalizeName(w))) || words.slice(0, -1).some((w) => matchers.stopPhrases.has(normalizeName(w))))
    return undefined;
  if (isTaskPhrase(surface, cues, true)) return undefined;
  return { name: surface.toLowerCase(), surface };
}

/** A plural noun (`images`, `responses`), not a word that merely ends in s (`loss`, `bias`, `physics`). */
export function isPlural(word: string): boolean {
  return /[^su'’]s$/i.test(word) && !/(?:ics|sis|ous)$/i.test(word) && word.length > 3;
}
