import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** One curated entry: a canonical name and the other spellings papers use. */
export interface LexiconEntry {
  name: string;
  aliases: string[];
  /** The family this entry is a version or variant of (`ImageNet-1k` of `ImageNet`): its own entity, linked to it. */
  variantOf?: string;
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
}

const Entry = z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)).default([]), variantOf: z.string().min(1).optional() });
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
});

function readList<T>(file: string, schema: z.ZodType<T>): T {
  const path = new URL(file, import.meta.url);
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`lexicon file ${file} is invalid: ${parsed.error.issues[0]?.message} at ${parsed.error.issues[0]?.path.join('.')}`);
  return parsed.data;
}

let cached: Lexicon | undefined;

/** Reads (once per process) and validates the curated lists shipped with the project. */
export function readLexicon(): Lexicon {
  cached ??= {
    datasets: readList('./datasets.json', z.array(Entry)),
    methods: readList('./methods.json', z.array(Entry)),
    metrics: readList('./metrics.json', z.array(Metric)),
    tasks: readList('./tasks.json', z.array(Entry)),
    conceptFamilies: readList('./concept-families.json', z.array(Entry)),
    stopPhrases: readList('./stop-phrases.json', Strings),
    notNames: readList('./not-names.json', Strings),
    cueWords: readList('./cue-words.json', CueWords),
  };
  return cached;
}
