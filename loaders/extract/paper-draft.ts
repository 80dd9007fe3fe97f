import { normalizeName } from '../../src/graph/names.js';
import { findSentenceEnds } from '../../src/graph/sentences.js';
import { ClaimsLedger } from './claims-ledger.js';
import { EntitySet } from './entity-set.js';
import { fieldsOf, type Evidence, type Field, type PaperText } from './evidence.js';
import type { Anchor } from './extract-results.js';
import { findAcronyms, type AcronymDefinition } from './find-acronyms.js';
import { findNames, type NameCandidate } from './find-names.js';
import type { Matchers } from './matchers.js';
import { tokenizeWords, type Word } from './tokenize-words.js';

/** One field of a paper, tokenized once for every rule. */
export interface FieldText {
  field: Field;
  text: string;
  words: Word[];
  names: NameCandidate[];
  acronyms: AcronymDefinition[];
  sentences: Array<{ start: number; end: number }>;
}

/**
 * What the rules have found so far in one paper: an entity set per kind, the spans already typed,
 * and the dataset and metric mentions results are paired with. Each rule family adds to it.
 */
export class PaperDraft {
  readonly fields: FieldText[];
  /** Short-form key ⇄ long-form key of every acronym the paper defines. */
  readonly pairs = new Map<string, string>();
  readonly methods: EntitySet;
  readonly datasets: EntitySet;
  readonly tasks: EntitySet;
  readonly metrics: EntitySet;
  readonly concepts: EntitySet;
  readonly higherIsBetter = new Map<string, boolean | null>();
  readonly claims = new ClaimsLedger();
  private readonly anchors = { dataset: new Map<Field, Anchor[]>(), metric: new Map<Field, Anchor[]>() };

  constructor(
    paper: PaperText,
    readonly matchers: Matchers,
  ) {
    this.fields = fieldsOf(paper).map(({ field, text }) => {
      const words = tokenizeWords(text);
      return { field, text, words, names: findNames(words, text), acronyms: findAcronyms(text), sentences: splitSentences(text) };
    });
    for (const f of this.fields) {
      for (const a of f.acronyms) {
        this.pairs.set(normalizeName(a.short), normalizeName(a.long));
        this.pairs.set(normalizeName(a.long), normalizeName(a.short));
      }
    }
    this.methods = new EntitySet(this.pairs);
    this.datasets = new EntitySet(this.pairs);
    this.tasks = new EntitySet(this.pairs);
    this.metrics = new EntitySet(this.pairs);
    this.concepts = new EntitySet(this.pairs);
  }

  /** Records where a dataset or metric is named, for pairing numbers with it. */
  anchor(kind: 'dataset' | 'metric', field: Field, anchor: Anchor): void {
    const map = this.anchors[kind];
    const list = map.get(field) ?? [];
    list.push(anchor);
    map.set(field, list);
  }

  /** The anchors of one kind in one field whose entity is still in the draft. */
  anchorsOf(kind: 'dataset' | 'metric', field: Field): Anchor[] {
    const set = kind === 'dataset' ? this.datasets : this.metrics;
    return (this.anchors[kind].get(field) ?? []).filter((a) => set.has(a.name));
  }

  /** One field of the paper, when it has it (a derived title is absent). */
  fieldOf(field: Field): FieldText | undefined {
    return this.fields.find((f) => f.field === field);
  }

  /** The title's key padded with spaces, for whole-word tests (` continual learning `); '' without a title. */
  get titleKey(): string {
    const title = this.fieldOf('title');
    this.cachedTitleKey ??= title ? ` ${normalizeName(title.text)} ` : '';
    return this.cachedTitleKey;
  }

  private cachedTitleKey: string | undefined;

  /** The kind a name already has in this paper, if any. */
  kindOf(name: string): 'method' | 'dataset' | 'task' | 'metric' | 'concept' | undefined {
    if (this.methods.has(name)) return 'method';
    if (this.datasets.has(name)) return 'dataset';
    if (this.metrics.has(name)) return 'metric';
    if (this.tasks.has(name)) return 'task';
    if (this.concepts.has(name)) return 'concept';
    return undefined;
  }
}

export function ev(field: Field, hit: { start: number; end: number }): Evidence {
  return { field, start: hit.start, end: hit.end };
}

function splitSentences(text: string): Array<{ start: number; end: number }> {
  const ends = [...findSentenceEnds(text), text.length];
  let start = 0;
  return ends.map((end) => {
    const sentence = { start, end };
    start = end;
    return sentence;
  });
}

/** The sentence of a field that holds offset `at`. */
export function sentenceAt(f: FieldText, at: number): { start: number; end: number } {
  return f.sentences.find((s) => at >= s.start && at < s.end) ?? { start: 0, end: f.text.length };
}

// Capitalised words that open a sentence or a clause rather than continue a name.
const NOT_NAME_WORD =
  /^(?:The|A|An|Our|We|In|On|For|This|These|Its|Their|With|By|From|To|Of|And|Or|Unlike|Like|While|Both|Each|Using|Recently|However|Moreover|Specifically|Finally|First|Second|Then|Thus|Here|Such|Most|Many|Existing|Recent|Modern|Current|Standard|Traditional|Conventional)$/;

/**
 * True for a capitalised span of running text that is part of a longer capitalised name: a
 * capitalised word right before it (`Masked Autoencoder`, `Dynamic Self-Attention`) or right
 * after it (`Self-Attention Network`). A piece cut out of a proper name is no concept of its own.
 */
export function insideCapitalisedName(text: string, start: number, end: number): boolean {
  // A short form alone (`RNN`, `CNN`) is the family's own name even after a capitalised word (`Long-term RNN`).
  if (!/^\p{Lu}/u.test(text.slice(start, end)) || !/\p{Ll}/u.test(text.slice(start, end))) return false;
  const before = /(?:^|[\s(])(\p{Lu}[\p{L}\d-]*)[ ]$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1];
  if (before !== undefined && !NOT_NAME_WORD.test(before)) return true;
  return /^[ ]\p{Lu}[\p{Ll}][\p{L}\d-]*/u.test(text.slice(end, end + 30)) && !/^[ ](?:The|A|An|We|In|Our)\b/.test(text.slice(end, end + 5));
}
