import { normalizeName } from '../../src/graph/names.js';
import { inDatasetList, isDatasetContext } from './dataset-context.js';
import type { Evidence } from './evidence.js';
import { hasNameMarks } from './find-names.js';
import { ev, sentenceAt, type FieldText, type PaperDraft } from './paper-draft.js';
import { isDirectProposal, proposalRole } from './proposal-role.js';
import { titleArtifactName } from './title-artifact.js';

const CAPITALISED_METHOD =
  /(?<![\p{L}-])(?:\p{Lu}[\p{L}]*(?:-\p{L}+)*\s+){1,4}(?:Networks?|Transformers?|Blocks?|Modules?|Layers?|Encoders?|Decoders?|Machines?|Nets?|Attention|Mechanisms?|Algorithms?|Adapters?|Memory|Autoencoders?|Units?)\b/gu;
const MULTIWORD_DATASET =
  /(?<![\p{L}\d-])(\p{Lu}[\p{L}\d+.-]*\s+(?:(?:\p{Lu}[\p{L}\d+.-]*|\d{4})\s+){0,3}(?:\p{Lu}[\p{L}\d+.-]*|\d{4}))\s+(?:dataset|benchmark|corpus|track|challenge|data)s?\b/gu;
// `TREC 2024 RAG Track`, `BioASQ Challenge`: a capitalised Track or Challenge ends the name.
const NAMED_TRACK = /(?<![\p{L}\d-])(\p{Lu}[\p{L}\d+.-]*(?:\s+(?:\p{Lu}[\p{L}\d+.-]*|\d{4})){0,4}\s+(?:Track|Challenge))\b/gu;
// Names built like datasets: `KernelBench`, `CodeSet`, `HotpotQA`, `LongBench`, and a count of
// items (`SA-Det-100k`, `Clothing1M`, `WebVid-10M`; a model's size is written in B, `Llama-7B`).
// A year closing a name (`CoNLL-2003`, `SemEval-2017`, `Products-2023`) dates a corpus or a shared task's data; models carry versions and sizes.
const DATASET_NAME = /(?:Bench|Benchmark|Set|Corpus|QA|Data|DB)(?:-?\d+\w*)?$|\p{L}-?\d+(?:\.\d+)?[kKM]$|\p{L}[-_ ]?(?:19[89]\d|20[0-3]\d)$/u;
// A dataset's split (`val2017`, `test-dev`, `minival`): part of the dataset written before it, never a method.
const SPLIT_NAME = /^(?:train|val|valid|test|dev|minival|testdev|test-dev|test-std)(?:[-_]?\d{2,4})?$/i;
// `we present Painter, …`, `we propose Diffusion Soup: …`: capitalised words a proposal verb introduces.
const PROPOSED_NAME =
  /\b(?:[Ww]e|[Tt]his (?:paper|work|study))\s+(?:\w+ly\s+)?(?:propose|introduce|present|develop|design|devise|release|contribute)(?:s|d|ed)?\s+((?:\p{Lu}[\p{L}\d'’+-]*)(?:\s+\p{Lu}[\p{L}\d'’+-]*){0,2})(?=\s*(?:[,:(]|\.(?:\s|$)|\s[-–—]\s|\s+(?:which|that|to|for|as|with|in|a|an)\b))/gu;
// `a novel framework, called Painter, …`, `our model, dubbed Falcon, …`, `we call our approach Lantern.`: a name the
// paper gives its own artifact (the sentence must speak of the paper's own work).
const NAMED_PROPOSAL =
  /\b(?:called|named|dubbed|termed|coined|[Ww]e\s+(?:call|name|dub|term)\s+(?:it|(?:our|this|the)\s+(?:\w+[\s-]){0,2}?\w+))\s*[:"“']?\s*((?:\p{Lu}[\p{L}\d'’+-]*)(?:\s+\p{Lu}[\p{L}\d'’+-]*){0,2})(?=\s*(?:[,:(”"']|\.(?:\s|$)|\s[-–—]\s|\s+(?:which|that|to|for|as|with|in|a|an)\b))/gu;
const OWN_WORK_SENTENCE = /\b(?:[Ww]e|[Oo]ur|[Tt]his (?:paper|work|study)|[Hh]ere)\b/;
const FIRST_WORDS = /^(?:The|Our|This|These|A|An|We|In|On|For|To)$/;
const LEADING_FUNCTION_WORDS = /^(?:(?:The|Our|This|These|Those|A|An|In|On|For|To|Of|With|By|From|And|Unlike|Like|While|Both|Each|Its|Their)\s+)+/;

/**
 * Names no list holds: the title's `Name:` prefix, names a proposal verb introduces, multi-word
 * dataset names before a dataset noun, and name-like words typed by their context (a dataset
 * context, a list closed by `datasets`, a proposal, else a model-like name used).
 */
export function findNamedEntities(draft: PaperDraft): void {
  const { matchers, claims } = draft;
  for (const f of draft.fields) {
    if (f.field === 'title') addTitlePrefix(draft, f);
    const named = [...f.text.matchAll(NAMED_PROPOSAL)].filter((m) => {
      const s = sentenceAt(f, m.index);
      return OWN_WORK_SENTENCE.test(f.text.slice(s.start, s.end));
    });
    for (const match of [...f.text.matchAll(PROPOSED_NAME), ...named]) {
      const name = match[1]!;
      const start = match.index + match[0].lastIndexOf(name);
      const end = start + name.length;
      const key = normalizeName(name);
      const listed = draft.methods.get(name);
      if (listed) {
        // A name the lists know, introduced as the paper's own (`we propose Hyena`).
        draft.methods.add(name, ev(f.field, { start, end }), { role: 'PROPOSED' });
        continue;
      }
      if (claims.isClaimed(f.field, start, end) || matchers.notNames.has(key) || matchers.stopPhrases.has(key) || FIRST_WORDS.test(name)) continue;
      if (matchers.families.lookup(name) || matchers.tasks.lookup(name) || matchers.metrics.lookup(name)) continue;
      const dataset = DATASET_NAME.test(name) || isDatasetContext(f.text, start, end);
      (dataset ? draft.datasets : draft.methods).add(name, ev(f.field, { start, end }), { role: 'PROPOSED' });
      if (dataset) draft.anchor('dataset', f.field, { name, start, end });
      claims.claim(f.field, start, end);
    }
    for (const match of f.text.matchAll(NAMED_TRACK)) {
      const start = match.index;
      const end = start + match[1]!.length;
      if (FIRST_WORDS.test(match[1]!.split(/\s+/)[0]!) || !takeOver(draft, f.field, start, end)) continue;
      const e = draft.datasets.add(match[1]!, ev(f.field, { start, end }));
      draft.anchor('dataset', f.field, { name: e.name, start, end });
      claims.claim(f.field, start, end);
    }
    // Multi-word dataset names before a dataset noun: `Occluded-PoseTrack ReID benchmark`, `Light Stage data`.
    for (const match of f.text.matchAll(MULTIWORD_DATASET)) {
      const phrase = match[1]!;
      const start = match.index + match[0].indexOf(phrase);
      const end = start + phrase.length;
      const words = phrase.split(/\s+/);
      if (words.length < 2 || claims.isClaimed(f.field, start, end) || FIRST_WORDS.test(words[0]!)) continue;
      // `Chinese NER benchmarks`, `Cross-Color Person ReID benchmarks`: a task's benchmarks, not a named dataset.
      if (matchers.tasks.knows(words.at(-1)!) && !hasNameMarks(words.slice(0, -1).join(' '))) continue;
      const e = draft.datasets.add(phrase, ev(f.field, { start, end }));
      draft.anchor('dataset', f.field, { name: e.name, start, end });
      claims.claim(f.field, start, end);
    }
    for (const name of f.names) {
      const key = normalizeName(name.text);
      if (matchers.notNames.has(key) || matchers.stopPhrases.has(key) || SPLIT_NAME.test(name.text)) continue;
      const evidence: Evidence = ev(f.field, name);
      const known = draft.methods.get(name.text) ?? draft.datasets.get(name.text);
      if (known) {
        // A curated method is an existing one unless the paper introduces it by name (`we propose Hyena`).
        const role = known.canonical && !isDirectProposal(f, name.start) ? 'USED' : (proposalRole(f, name.start, name.end) ?? 'USED');
        (draft.methods.get(name.text) ? draft.methods : draft.datasets).add(name.text, evidence, { role });
        claims.claim(f.field, name.start, name.end);
        continue;
      }
      if (claims.isClaimed(f.field, name.start, name.end) || draft.metrics.has(name.text) || draft.tasks.has(name.text) || draft.concepts.has(name.text))
        continue;
      if (matchers.families.lookup(name.text) || matchers.tasks.lookup(name.text) || matchers.metrics.lookup(name.text)) continue;
      // A task or metric the lists hold in another spelling (`re-ID`, `reID` for `ReID`) is no method.
      if (matchers.tasks.knows(name.text) || matchers.metrics.knows(name.text) || matchers.families.knows(name.text)) continue;
      const role = proposalRole(f, name.start, name.end);
      // A name that modifies a task word (`SOAP classification`, `the Path-X task`) names a task or its data, not a method.
      if (role !== 'PROPOSED' && namesTask(f.text, name.end, matchers.cues.taskHeads)) continue;
      if (
        DATASET_NAME.test(name.text) ||
        isDatasetContext(f.text, name.start, name.end) ||
        inDatasetList(f, name) ||
        isDatasetVariant(draft, name.text) ||
        isListedDatasetSpelling(draft, name.text)
      ) {
        const e = draft.datasets.add(name.text, evidence);
        draft.anchor('dataset', f.field, { name: e.name, start: name.start, end: name.end });
      } else if (role) {
        draft.methods.add(name.text, evidence, { role });
      } else if (
        isModelLike(name.text) ||
        (isCapitalisedCompound(name.text) &&
          f.field === 'abstract' &&
          (METHOD_NOUN_AFTER.test(f.text.slice(name.end, name.end + 30)) ||
            COMPARED_BEFORE.test(f.text.slice(Math.max(sentenceAt(f, name.start).start, name.start - 120), name.start))))
      ) {
        draft.methods.add(name.text, evidence, { role: 'USED' });
      } else {
        continue;
      }
      claims.claim(f.field, name.start, name.end);
    }
  }
  findCapitalisedMethods(draft);
  // After the abstract's names, so the abstract's spelling of the artifact (`Attention Block`) names it.
  const title = draft.fieldOf('title');
  if (title) addTitleArtifact(draft, title);
}

/**
 * Frees `[start, end)` for a longer name: list entities found only inside it (`TREC` and `RAG` in
 * `TREC 2024 RAG Track`) are dropped. False when one of them is also named elsewhere in the paper.
 */
function takeOver(draft: PaperDraft, field: 'title' | 'abstract', start: number, end: number): boolean {
  const inside = [draft.methods, draft.datasets].flatMap((set) =>
    set
      .values()
      .filter((e) => e.evidence.some((x) => x.field === field && x.start < end && x.end > start))
      .map((e) => ({ set, e })),
  );
  // A name the paper also uses on its own elsewhere keeps its reading; the longer name waits.
  if (inside.some(({ e }) => e.evidence.some((x) => x.field !== field || x.start < start || x.end > end))) return false;
  for (const { set, e } of inside) set.delete(e.name);
  return true;
}

/** `RepMode: Learning to …` names the artifact before the colon when it is short and name-like. */
function addTitlePrefix(draft: PaperDraft, f: FieldText): void {
  const name = titlePrefixName(f.text);
  if (!name || draft.datasets.has(name.text) || draft.matchers.notNames.has(normalizeName(name.text))) return;
  const target = /\b(?:dataset|benchmark|corpus)\b/i.test(f.text) || DATASET_NAME.test(name.text) ? draft.datasets : draft.methods;
  target.add(name.text, ev('title', name), { role: 'PROPOSED' });
  draft.claims.claim('title', name.start, name.end);
}

/**
 * The artifact a title opens with (`Pointer Networks for …`) is the paper's proposal. A listed name
 * inside it (`Transformers` in `Extended Mind Transformers`) gives way when the paper names it nowhere else.
 */
function addTitleArtifact(draft: PaperDraft, f: FieldText): void {
  const name = titleArtifactName(f.text, draft.matchers);
  if (!name || draft.claims.isClaimed('title', name.start, name.start + 1)) return;
  takeOver(draft, 'title', name.start, name.end);
  draft.methods.add(name.text, ev('title', name), { role: 'PROPOSED' });
  draft.claims.claim('title', name.start, name.end);
}

/**
 * Multi-word names in the abstract: capitalised words ending in an architecture noun
 * (`Sentence Attention Block`, `Memorizing Transformers`), unless a curated family.
 */
function findCapitalisedMethods(draft: PaperDraft): void {
  for (const f of draft.fields) {
    if (f.field !== 'abstract') continue;
    for (const match of f.text.matchAll(CAPITALISED_METHOD)) {
      // A sentence-initial function word (`In Recurrent Neural Networks`, `The Attention module`) is no part of a name.
      const lead = LEADING_FUNCTION_WORDS.exec(match[0])?.[0] ?? '';
      const phrase = match[0].slice(lead.length);
      if (!/\s/.test(phrase)) continue;
      const start = match.index + lead.length;
      const end = start + phrase.length;
      // A curated name inside the phrase (`Memorizing Transformers`) does not stop it; one at its start does.
      const firstWordEnd = start + phrase.search(/\s/);
      if (
        draft.claims.isClaimed(f.field, start, firstWordEnd) ||
        draft.matchers.families.lookup(phrase) ||
        draft.matchers.stopPhrases.has(normalizeName(phrase))
      )
        continue;
      draft.methods.add(phrase, ev(f.field, { start, end }), { role: proposalRole(f, start, end) ?? 'USED' });
      draft.claims.claim(f.field, start, end);
    }
  }
}

/**
 * Names with digits or inner capitals read as models (`Llama-2`, `RetNet`); bare capitals need
 * more. Capitalised English words joined by hyphens (`Test-Time`, `Multi-View`, `Navier-Stokes`,
 * `One-Size-Fits-All`) are title case, a setting or an equation far more often than a model:
 * they are a method only when a proposal introduces them or a method noun follows.
 */
function isModelLike(name: string): boolean {
  if (isCapitalisedCompound(name)) return false;
  return (
    /\d/.test(name) || /^\p{Lu}\p{Ll}+-\p{Lu}/u.test(name) || /\p{Ll}\p{Lu}/u.test(name) || /^\p{Lu}{2,}\p{Ll}+/u.test(name) || /^[A-Z]{3,}[a-z]?$/.test(name)
  );
}

/** `Test-Time`, `Bottom-Up`, `Navier-Stokes`: capitalised words joined by hyphens (not `Swin-L`, `Conformer-CTC`). */
function isCapitalisedCompound(name: string): boolean {
  return /^\p{Lu}\p{Ll}+(?:-(?:\p{Lu}\p{Ll}+|\p{Ll}+))+$/u.test(name);
}

// A name the paper compares with (`outperforms models like A, Re-Imagen`, `compared to … (Mind-Vis and B)`) is a method.
const COMPARED_BEFORE = /\b(?:outperform\w*|surpass\w*|than|compared (?:to|with)|versus|vs\.?|against|baselines?)\b[^.;:]*$/i;
const METHOD_NOUN_AFTER = /^\s+(?:algorithm|method|model|network|architecture|optimizer|sampler|framework|transformer)s?\b/i;
// After a name, a word that says the name qualifies a task: `Path-X task`, `SOAP classification`.
const TASK_NOUN = /^\s+(?:tasks?|problems?)\b/i;

// `the OBB and HBB tasks`, `A, B or C problems`: a name inside a list a task noun closes.
const LIST_THEN_TASK = /^(?:\s*(?:,\s*(?:and|or)?|and|or|&|\/)\s*[\p{Lu}\d][\p{L}\d+.\-/]*){1,4}\s+(?:tasks?|problems?)\b/u;

function namesTask(text: string, end: number, taskHeads: ReadonlySet<string>): boolean {
  const after = text.slice(end, end + 80);
  if (TASK_NOUN.test(after) || LIST_THEN_TASK.test(after)) return true;
  const next = /^\s+([\p{L}-]+)/u.exec(after)?.[1];
  return next !== undefined && taskHeads.has(next.toLowerCase());
}

/**
 * A listed dataset in a spelling the lists do not hold (`FashionMNIST`, `OpenImages`): a long
 * name-like word only, as short ones (`TaCo` beside `TACO`) collide with other names too often.
 */
function isListedDatasetSpelling(draft: PaperDraft, name: string): boolean {
  return name.length >= 6 && /\p{Ll}\p{Lu}|\d/u.test(name) && draft.matchers.datasets.knows(name) !== undefined;
}

/**
 * A version of a dataset the paper or the lists name (`ImageNet-E`, `Kinetics-400/600/700`,
 * `DreamBench-v2`): the name before a hyphen or slash is a dataset.
 */
function isDatasetVariant(draft: PaperDraft, name: string): boolean {
  for (let i = name.length - 1; i > 1; i--) {
    if (name[i] !== '-' && name[i] !== '/') continue;
    const prefix = name.slice(0, i);
    if (draft.datasets.has(prefix) || draft.matchers.datasets.lookup(prefix)) return true;
  }
  return false;
}

function titlePrefixName(title: string): { text: string; start: number; end: number } | undefined {
  const colon = title.indexOf(': ');
  if (colon <= 0) return undefined;
  const prefix = title.slice(0, colon).trim();
  const words = prefix.split(/\s+/);
  if (words.length > 3 || prefix.length > 40) return undefined;
  if (words.length > 1 && !words.some((w) => hasNameMarks(w))) return undefined;
  if (words.length === 1 && !/^\p{Lu}/u.test(prefix) && !hasNameMarks(prefix)) return undefined;
  return { text: prefix, start: 0, end: prefix.length };
}
