import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { normalizeName } from '../../src/graph/names.js';

/** One curated entry: a canonical name and the other spellings papers use. */
export interface LexiconEntry {
  name: string;
  aliases: string[];
  /** The family this entry is a version or variant of (`ImageNet-1k` of `ImageNet`): its own entity, linked to it. */
  variantOf?: string;
  /** Broader entries (a task's parent tasks in the Papers with Code taxonomy). */
  parents?: string[];
  /** The name is also ordinary English (`Natural Questions`, `Return`): it matches only as written. */
  caseSensitive?: boolean;
  /** The name has another common meaning in papers (`MAE`): a mention needs a supporting cue. */
  ambiguous?: boolean;
}

export interface MetricEntry extends LexiconEntry {
  higherIsBetter: boolean | null;
}

/** The curated lists extraction matches against; each is data, read from `loaders/lexicon/*.json`. */
export interface Lexicon {
  datasets: LexiconEntry[];
  methods: LexiconEntry[];
  metrics: MetricEntry[];
  tasks: LexiconEntry[];
  conceptFamilies: LexiconEntry[];
  stopPhrases: string[];
  /** Upper-case words that are not entity names (`AI`, `SOTA`, `GPU`). */
  notNames: string[];
  /** Word lists the rules test words against (task heads, concept heads, vague modifiers). */
  cueWords: CueWordLists;
}

export interface CueWordLists {
  taskHeads: string[];
  techniqueHeads: string[];
  notTaskWords: string[];
  genericTaskModifiers: string[];
  genericTaskHeads: string[];
  leadingNoise: string[];
  conceptHeads: string[];
  weakConceptHeads: string[];
  notConceptWords: string[];
  hubConcepts: string[];
  artifactNouns: string[];
  architectureNouns: string[];
  phenomenonNouns: string[];
  representationHeads: string[];
}

const Entry = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  variantOf: z.string().min(1).optional(),
  parents: z.array(z.string().min(1)).optional(),
  caseSensitive: z.boolean().optional(),
  ambiguous: z.boolean().optional(),
});
const Metric = Entry.extend({ higherIsBetter: z.boolean().nullable() });
const Strings = z.array(z.string().min(1));
const CueWords = z.object({
  taskHeads: Strings,
  techniqueHeads: Strings,
  notTaskWords: Strings,
  genericTaskModifiers: Strings,
  genericTaskHeads: Strings,
  leadingNoise: Strings,
  conceptHeads: Strings,
  weakConceptHeads: Strings,
  notConceptWords: Strings,
  hubConcepts: Strings,
  artifactNouns: Strings,
  architectureNouns: Strings,
  phenomenonNouns: Strings,
  representationHeads: Strings,
});

function readList<T>(file: string, schema: z.ZodType<T>): T {
  const path = new URL(file, import.meta.url);
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`lexicon file ${file} is invalid: ${parsed.error.issues[0]?.message} at ${parsed.error.issues[0]?.path.join('.')}`);
  return parsed.data;
}

let cached: Lexicon | undefined;

/**
 * Reads (once per process) and validates the lists shipped with the project: the hand-curated
 * lists, then the Papers with Code taxonomy (`pwc/`, CC BY-SA 4.0, see its LICENSE.md) for
 * tasks, benchmarks and metrics. A curated entry wins over a taxonomy entry with the same name,
 * and a taxonomy entry that the curated lists hold as another kind (`knowledge distillation`, a
 * concept, is a task there) is left out: one name, one kind.
 */
export function readLexicon(): Lexicon {
  if (cached) return cached;
  const curated = {
    datasets: readList('./datasets.json', z.array(Entry)),
    methods: readList('./methods.json', z.array(Entry)),
    metrics: readList('./metrics.json', z.array(Metric)),
    tasks: readList('./tasks.json', z.array(Entry)),
    conceptFamilies: readList('./concept-families.json', z.array(Entry)),
  };
  const taxonomy = {
    tasks: readList('./pwc/tasks.json', z.array(Entry)),
    benchmarks: readList('./pwc/benchmarks.json', z.array(Entry)),
    metrics: readList('./pwc/metrics.json', z.array(Metric)),
  };
  const keysOf = (...lists: Array<readonly LexiconEntry[]>): Set<string> =>
    new Set(lists.flatMap((l) => l.flatMap((e) => [e.name, ...e.aliases].map(normalizeName))));
  const curatedKeys = keysOf(curated.datasets, curated.methods, curated.metrics, curated.tasks, curated.conceptFamilies);
  const stopPhrases = readList('./stop-phrases.json', Strings);
  const notNames = readList('./not-names.json', Strings);
  const stop = new Set([...stopPhrases, ...notNames].map(normalizeName));
  const unseen = <T extends LexiconEntry>(entries: readonly T[], taken: Set<string>): T[] =>
    entries.filter((e) => admitsTaxonomyName(e.name, stop) && ![e.name, ...e.aliases].some((n) => taken.has(normalizeName(n)) || stop.has(normalizeName(n))));
  cached = {
    datasets: [...curated.datasets, ...unseen(taxonomy.benchmarks, curatedKeys)],
    methods: curated.methods,
    metrics: [...curated.metrics, ...unseen(taxonomy.metrics, new Set([...curatedKeys, ...keysOf(taxonomy.benchmarks)]))],
    tasks: [...curated.tasks, ...unseen(taxonomy.tasks, curatedKeys)],
    conceptFamilies: curated.conceptFamilies,
    stopPhrases,
    notNames,
    cueWords: readList('./cue-words.json', CueWords),
  };
  return cached;
}

/**
 * A taxonomy name that may become an entity by itself: not one plain word (`Perception`,
 * `Memory`, `Digits`: leaderboards use them as names, papers as words), not a lower-case
 * description (`real-world dataset`), not two or three capitals (`SO`, `ID`), not a stop phrase.
 */
function admitsTaxonomyName(name: string, stop: ReadonlySet<string>): boolean {
  if (/^\p{Lu}?\p{Ll}+$/u.test(name) || /^\p{Ll}/u.test(name) || /^\p{Lu}{1,3}s?$/u.test(name) || (name.match(/\p{L}/gu)?.length ?? 0) < 2) return false;
  return !stop.has(normalizeName(name));
}
