import type { Lexicon, LexiconEntry, MetricEntry } from '../lexicon/read-lexicon.js';
import { normalizeName } from '../normalize.js';
import { Gazetteer } from './gazetteer.js';

/** Compiled matchers for the curated lists and cue words, built once and shared by every paper. */
export interface Matchers {
  datasets: Gazetteer<LexiconEntry>;
  methods: Gazetteer<LexiconEntry>;
  metrics: Gazetteer<MetricEntry>;
  tasks: Gazetteer<LexiconEntry>;
  families: Gazetteer<LexiconEntry>;
  stopPhrases: Set<string>;
  notNames: Set<string>;
  cues: CueWords;
}

/** Word lists the rules test words against, as folded keys (`loaders/lexicon/cue-words.json`). */
export interface CueWords {
  taskHeads: Set<string>;
  techniqueHeads: Set<string>;
  notTaskWords: Set<string>;
  genericTaskModifiers: Set<string>;
  genericTaskHeads: Set<string>;
  leadingNoise: Set<string>;
  conceptHeads: Set<string>;
  /** Heads so general (`model`, `loss`) that only two-word phrases with them name an idea. */
  weakConceptHeads: Set<string>;
  notConceptWords: Set<string>;
  hubConcepts: Set<string>;
  /** Nouns for what a method is made of or does (`models`, `loss`, `process`): a task name before one qualifies it. */
  artifactNouns: Set<string>;
}

const keys = (words: readonly string[]): Set<string> => new Set(words.map(normalizeName));

export function buildMatchers(lexicon: Lexicon): Matchers {
  const cues = lexicon.cueWords;
  return {
    datasets: new Gazetteer(lexicon.datasets, { titleCaseNames: true }),
    methods: new Gazetteer(lexicon.methods),
    metrics: new Gazetteer(lexicon.metrics),
    tasks: new Gazetteer(lexicon.tasks),
    families: new Gazetteer(lexicon.conceptFamilies),
    stopPhrases: keys(lexicon.stopPhrases),
    notNames: keys(lexicon.notNames),
    cues: {
      taskHeads: keys(cues.taskHeads),
      techniqueHeads: keys(cues.techniqueHeads),
      notTaskWords: keys(cues.notTaskWords),
      genericTaskModifiers: keys(cues.genericTaskModifiers),
      genericTaskHeads: keys(cues.genericTaskHeads),
      leadingNoise: keys(cues.leadingNoise),
      conceptHeads: keys(cues.conceptHeads),
      weakConceptHeads: keys(cues.weakConceptHeads),
      notConceptWords: keys(cues.notConceptWords),
      hubConcepts: keys(cues.hubConcepts),
      artifactNouns: keys(cues.artifactNouns),
    },
  };
}

/**
 * The length of a phrase's leading determiners and vague adjectives, and, with `verbs`, of a
 * leading verb form (`mitigating catastrophic forgetting`, `improving preference learning`).
 */
export function leadingNoiseLength(phrase: string, cues: CueWords, verbs = false): number {
  const re = /\S+\s+/y;
  let at = 0;
  for (;;) {
    re.lastIndex = at;
    const m = re.exec(phrase);
    if (!m) return at;
    const key = normalizeName(m[0]);
    const verb = verbs && /ing$/.test(key) && !cues.conceptHeads.has(key) && !cues.taskHeads.has(key);
    if (!cues.leadingNoise.has(key) && !verb && !(verbs && cues.notTaskWords.has(key))) return at;
    at = re.lastIndex;
  }
}
