import type { Lexicon, LexiconEntry, MetricEntry } from '../lexicon/read-lexicon.js';
import { normalizeName } from '../../src/graph/names.js';
import { isPlural } from './find-concepts.js';
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
  /** Nouns that end an architecture's or algorithm's name (`Networks`, `Transformer`, `Mixer`). */
  architectureNouns: Set<string>;
  /** Last words of names for a phenomenon or a problem (`Ambiguity`, `Collapse`, `Forgetting`): such a name is no method. */
  phenomenonNouns: Set<string>;
  /** Nouns for what a model outputs or holds (`embeddings`, `representation`, `image`): a phrase they head is a representation, not a task. */
  representationHeads: Set<string>;
}

const keys = (words: readonly string[]): Set<string> => new Set(words.map(normalizeName));

// A word that ends this many task names of the lists (`removal`, `comprehension`) is a task head too.
const TAXONOMY_HEAD_MIN = 5;

/**
 * Task heads the lists themselves attest: the last word of at least `TAXONOMY_HEAD_MIN` multi-word
 * task names (`shadow removal`, `reading comprehension`), singular, and not a word the cue lists
 * call generic (`analysis`, `evaluation`). Returns [heads, technique heads]: a head the cue lists
 * do not already hold (`removal`, `design`, `optimization`) counts only where the text calls the
 * phrase a task or the title names it, since most of them name a component or an act as often.
 */
function taxonomyHeads(lexicon: Lexicon): [string[], string[]] {
  const counts = new Map<string, number>();
  for (const task of lexicon.tasks) {
    const words = task.name.trim().split(/\s+/);
    if (words.length < 2) continue;
    const head = normalizeName(words.at(-1)!);
    counts.set(head, (counts.get(head) ?? 0) + 1);
  }
  const cues = lexicon.cueWords;
  const generic = keys([...cues.notConceptWords, ...cues.notTaskWords]);
  const heads = [...counts].filter(([h, n]) => n >= TAXONOMY_HEAD_MIN && !generic.has(h) && !isPlural(h)).map(([h]) => h);
  const listed = keys(cues.taskHeads);
  return [heads, heads.filter((h) => !listed.has(h))];
}

export function buildMatchers(lexicon: Lexicon): Matchers {
  const cues = lexicon.cueWords;
  const [derivedHeads, derivedTechniques] = taxonomyHeads(lexicon);
  return {
    datasets: new Gazetteer(lexicon.datasets, { titleCaseNames: true }),
    methods: new Gazetteer(lexicon.methods),
    metrics: new Gazetteer(lexicon.metrics),
    tasks: new Gazetteer(lexicon.tasks),
    families: new Gazetteer(lexicon.conceptFamilies),
    stopPhrases: keys(lexicon.stopPhrases),
    notNames: keys(lexicon.notNames),
    cues: {
      taskHeads: keys([...cues.taskHeads, ...derivedHeads]),
      techniqueHeads: keys([...cues.techniqueHeads, ...derivedTechniques]),
      notTaskWords: keys(cues.notTaskWords),
      genericTaskModifiers: keys(cues.genericTaskModifiers),
      genericTaskHeads: keys(cues.genericTaskHeads),
      leadingNoise: keys(cues.leadingNoise),
      conceptHeads: keys(cues.conceptHeads),
      weakConceptHeads: keys(cues.weakConceptHeads),
      notConceptWords: keys(cues.notConceptWords),
      hubConcepts: keys(cues.hubConcepts),
      artifactNouns: keys(cues.artifactNouns),
      architectureNouns: keys(cues.architectureNouns),
      phenomenonNouns: keys(cues.phenomenonNouns),
      representationHeads: keys(cues.representationHeads),
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
