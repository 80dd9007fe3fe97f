import type { LexiconEntry, MetricEntry } from '../lexicon/read-lexicon.js';
import { normalizeName } from '../../src/graph/names.js';
import type { Field } from './evidence.js';
import type { Anchor } from './extract-results.js';
import { inDatasetList, isDatasetContext } from './dataset-context.js';
import { hasNameMarks } from './find-names.js';
import { isRepresentationPhrase, isUsedAsTool } from './find-tasks.js';
import type { Matchers } from './matchers.js';
import { ev, insideCapitalisedName, sentenceAt, type PaperDraft } from './paper-draft.js';
import { isCategoryMention, isTrainingObjective, qualifiesArtifactAfter } from './task-modifier.js';

const COST_METRIC =
  /^(?:number of parameters|model parameters|parameters|params|FLOPs|MACs|latency|memory footprint|memory consumption|memory usage|training time|throughput|model size|inference speed|inference time|running time|runtime|speedup|energy)/i;

const DATASET_NOUN_AFTER = /^\s+(?:dataset|corpus|benchmark)s?\b/i;

/**
 * Curated lists first, longest match first: datasets, metrics (cost measures only next to a
 * figure), `X@k` measures, methods, tasks and concept families. Each hit claims its span.
 */
export function findListedEntities(draft: PaperDraft): void {
  const { matchers, claims } = draft;
  for (const f of draft.fields) {
    // First, a listed dataset written in lower case (`on cityscapes`, `the permuted MNIST dataset`) is
    // the dataset where the sentence says so: a dataset noun after it, a list a dataset noun opens or
    // closes, an evaluation `on`. Names in capitals only (`MASSIVE`) and one hyphenated word
    // (`e-commerce`) are ordinary words in lower case.
    for (const hit of matchers.datasets.find(f.text, f.words, true)) {
      if (
        !/^\p{Ll}/u.test(hit.surface) ||
        /^[^\s\d]+-[^\s\d]+$/.test(hit.surface) ||
        draft.datasets.has(hit.surface) ||
        claims.isClaimed(f.field, hit.start, hit.end)
      )
        continue;
      if (!isDatasetContext(f.text, hit.start, hit.end) && !inDatasetList(f, hit)) continue;
      const e = draft.datasets.add(hit.surface, ev(f.field, hit), { canonical: hit.entry.name, broader: broaderOf(hit.entry) });
      draft.anchor('dataset', f.field, { name: e.name, start: hit.start, end: hit.end });
      claims.claim(f.field, hit.start, hit.end);
    }
    const datasetHits = matchers.datasets.find(f.text, f.words);
    for (const [i, hit] of datasetHits.entries()) {
      if (claims.isClaimed(f.field, hit.start, hit.end)) continue;
      // `ImageNet ILSVRC-2012`: a family's name and one of its releases written side by side name one dataset.
      const next = datasetHits[i + 1];
      if (
        next &&
        f.text.slice(hit.end, next.start) === ' ' &&
        familyOf(next.entry) === familyOf(hit.entry) &&
        !claims.isClaimed(f.field, next.start, next.end)
      ) {
        const span = { start: hit.start, end: next.end };
        const specific = next.entry.variantOf ? next.entry : hit.entry;
        const e = draft.datasets.add(f.text.slice(span.start, span.end), ev(f.field, span), {
          broader: broaderOf(specific).length ? broaderOf(specific) : [specific.name],
        });
        draft.anchor('dataset', f.field, { name: e.name, ...span });
        claims.claim(f.field, span.start, span.end);
        continue;
      }
      const version = versionAfter(f.text, hit.end);
      const end = hit.end + version.length;
      // `MS MARCO V2.1` is its own version of MS MARCO, not MS MARCO itself.
      const e = version
        ? draft.datasets.add(f.text.slice(hit.start, end), ev(f.field, { start: hit.start, end }), { broader: [hit.entry.name] })
        : draft.datasets.add(hit.surface, ev(f.field, hit), { canonical: hit.entry.name, broader: broaderOf(hit.entry) });
      draft.anchor('dataset', f.field, { name: e.name, start: hit.start, end });
      claims.claim(f.field, hit.start, end);
    }
    const metricHits = matchers.metrics.find(f.text, f.words);
    for (const hit of metricHits) {
      if (claims.isClaimed(f.field, hit.start, hit.end)) continue;
      // `pass@1 accuracy`, `63.9 mAP accuracy`: the word after a measure's name is its head noun, not a second measure.
      const before = f.text.slice(Math.max(0, hit.start - 20), hit.start);
      if (/[A-Za-z]@\d+\s+$/.test(before) || metricHits.some((h) => h !== hit && h.end < hit.start && /^\s+$/.test(f.text.slice(h.end, hit.start)))) continue;
      // Cost measures, and names with an everyday or another technical meaning (`Return`, `MAE`),
      // are metrics only next to a figure.
      if (isCostMetric(hit.entry) && !hasNumberNear(f.text, hit.start, hit.end)) continue;
      // A size next to them (`AR models from 127M to 7B`) is no score: these need a figure of their own.
      if ((hit.entry.caseSensitive || hit.entry.ambiguous || isWordLikeMetric(hit)) && !hasFigureNear(f.text, hit.start, hit.end)) continue;
      if (isTaskAbbreviation(draft, hit.surface) && !hasFigureNear(f.text, hit.start, hit.end)) continue;
      // A plain word in a title (`… and Recall`, `Factual Recall`) is the word, not the measure.
      if (f.field === 'title' && /^\p{L}+$/u.test(hit.surface) && !hasNameMarks(hit.surface)) continue;
      // The abstract repeating such a title word (`explore, select, derive, and recall`) means the word too, unless a figure says otherwise.
      if (f.field === 'abstract' && isPlainTitleWord(draft, hit.surface) && !hasFigureNear(f.text, hit.start, hit.end)) continue;
      // `AR(p) processes`, `F(x)`: a function's name in notation, not a measure.
      if (/^\(\w{1,3}\)/.test(f.text.slice(hit.end, hit.end + 5))) continue;
      // `recall and reasoning tasks`, `edit distance algorithms`: the name qualifies a task or a method.
      if (QUALIFIES_NOUN_AFTER.test(f.text.slice(hit.end, hit.end + 50))) continue;
      // `click-through rate prediction`, `error correction`: a task word after the name makes it the task's object, not a measure.
      const nextWord = /^[ -]([\p{L}-]+)/u.exec(f.text.slice(hit.end, hit.end + 30))?.[1];
      if (nextWord && matchers.cues.taskHeads.has(normalizeName(nextWord)) && !matchers.cues.techniqueHeads.has(normalizeName(nextWord))) continue;
      const e = draft.metrics.add(hit.surface, ev(f.field, hit), { canonical: hit.entry.name, broader: broaderOf(hit.entry) });
      draft.higherIsBetter.set(e.key, hit.entry.higherIsBetter);
      draft.anchor('metric', f.field, { name: e.name, start: hit.start, end: hit.end });
      claims.claim(f.field, hit.start, hit.end);
    }
    for (const metric of findAtMetrics(f.text)) {
      if (claims.isClaimed(f.field, metric.start, metric.end)) continue;
      const e = draft.metrics.add(metric.name, ev(f.field, metric));
      draft.higherIsBetter.set(e.key, true);
      draft.anchor('metric', f.field, metric);
      claims.claim(f.field, metric.start, metric.end);
    }
    for (const hit of matchers.methods.find(f.text, f.words)) {
      if (claims.isClaimed(f.field, hit.start, hit.end)) continue;
      if (f.field === 'title' && isTitleCaseHead(f.text, hit, matchers.cues)) continue;
      // A listed method's name on a dataset (`the Dreamer dataset`) names the data there.
      if (DATASET_NOUN_AFTER.test(f.text.slice(hit.end, hit.end + 30))) {
        const e = draft.datasets.add(hit.surface, ev(f.field, hit));
        draft.anchor('dataset', f.field, { name: e.name, start: hit.start, end: hit.end });
        claims.claim(f.field, hit.start, hit.end);
        continue;
      }
      const version = versionAfter(f.text, hit.end) || checkpointSizeAfter(f.text, hit.end);
      const end = hit.end + version.length;
      if (version) draft.methods.add(f.text.slice(hit.start, end), ev(f.field, { start: hit.start, end }), { role: 'USED', broader: [hit.entry.name] });
      else draft.methods.add(hit.surface, ev(f.field, hit), { role: 'USED', canonical: hit.entry.name, broader: broaderOf(hit.entry) });
      claims.claim(f.field, hit.start, end);
    }
    // A family's name holds a task's words (`masked image modeling`): the longer name wins.
    const familyHits = matchers.families.find(f.text, f.words);
    for (const hit of matchers.tasks.find(f.text, f.words)) {
      if (claims.isClaimed(f.field, hit.start, hit.end)) continue;
      if (familyHits.some((h) => h.start <= hit.start && h.end >= hit.end && h.end - h.start > hit.end - hit.start)) continue;
      if (isTrainingObjective(f.text, sentenceAt(f, hit.start).start, hit.start)) continue;
      if (isUnsupportedShortForm(draft, f.field, f.text, hit)) continue;
      // `sentence embeddings`, `graph embedding baselines`: the representation a model outputs, not a task.
      if (isRepresentationPhrase(hit.surface, f.text.slice(hit.end, hit.end + 20), matchers.cues)) continue;
      // Inside a longer name (`Wiki Link Prediction`), a technique the paper uses (`with meta-learning`), or
      // a qualifier of a model or a component (`text-to-image models`, `metric learning loss`), or the kind of
      // problem another task is (`X is a metric learning task`), or the paper's own step (`this pruning`): no task.
      if (/\p{Lu}[\p{L}\d-]*\s+$/u.test(f.text.slice(Math.max(0, hit.start - 30), hit.start)) && /^\p{Lu}/u.test(hit.surface)) continue;
      if (
        isUsedAsTool(f, hit.start, hit.end) ||
        /\b(?:this|these)\s+$/i.test(f.text.slice(Math.max(0, hit.start - 7), hit.start)) ||
        qualifiesArtifactAfter(f.text, hit.end, matchers.cues) ||
        isCategoryMention(f.text, hit.start, hit.end)
      )
        continue;
      // The paper's own spelling when it writes the listed phrase (`continual pre-training`), else the list's name.
      const name = normalizeName(hit.surface) === normalizeName(hit.entry.name) ? hit.surface.toLowerCase() : hit.entry.name.toLowerCase();
      // `biomedical named entity recognition`, `zero-shot QA`: a domain or setting adjective right before
      // the listed task narrows it; the paper's narrower task is the one it names (acronym expanded, as above).
      const modifier = taskModifierBefore(f.text, hit.start, f.field, matchers.cues);
      if (modifier !== undefined && !matchers.tasks.lookup(`${modifier.word} ${hit.surface}`) && mostlyNarrowed(draft, hit.surface, modifier.word)) {
        const span = { start: modifier.start, end: hit.end };
        draft.tasks.add(`${modifier.word} ${name}`.toLowerCase(), ev(f.field, span), {
          written: f.text.slice(span.start, span.end),
          broader: [hit.entry.name],
        });
        claims.claim(f.field, span.start, span.end);
        continue;
      }
      draft.tasks.add(name, ev(f.field, hit), { canonical: hit.entry.name, written: hit.surface, broader: broaderOf(hit.entry) });
    }
    for (const hit of familyHits) {
      if (claims.isClaimed(f.field, hit.start, hit.end)) continue;
      if (matchers.cues.hubConcepts.has(normalizeName(hit.entry.name))) {
        // A field name (`deep learning`) is claimed but links nothing: every paper would share it.
        claims.claim(f.field, hit.start, hit.end);
        continue;
      }
      // `Masked Autoencoder (MAE)`, `Dynamic Self-Attention Network`: a family's words inside a longer name are that name's, not a concept.
      if (f.field === 'abstract' && insideCapitalisedName(f.text, hit.start, hit.end)) continue;
      draft.concepts.add(hit.entry.name.toLowerCase(), ev(f.field, hit), { canonical: hit.entry.name, written: hit.surface });
      claims.claim(f.field, hit.start, hit.end);
    }
  }
}

/**
 * A listed method written as a plain word (`Adapters`, `Attention`) that ends a title-case phrase
 * of the title (`Sparse Mirrored Adapters Improve …`): the head of the paper's own description or
 * of a compound name (`Memorizing Transformers`), not the listed method itself. An evaluative word
 * before it (`Efficient Transformers`) leaves the listed name.
 */
function isTitleCaseHead(text: string, hit: { start: number; surface: string }, cues: Matchers['cues']): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(hit.surface)) return false;
  const before = /(\p{Lu}[\p{Ll}-]+)\s+$/u.exec(text.slice(Math.max(0, hit.start - 30), hit.start))?.[1];
  if (!before) return false;
  const key = normalizeName(before);
  return !cues.notConceptWords.has(key) && !cues.leadingNoise.has(key) && !cues.notTaskWords.has(key);
}

const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|several|many|multiple)$/i;
// Adjective endings of domain and setting words (`biomedical`, `generative`, `multilingual`); `-able`
// words judge more often than they narrow (`comparable`, `inevitable`, `promptable`).
const ADJECTIVE_ENDING = /(?:al|ic|ive|ous|ary)$/i;
// Compounds that say how a method works or how much, not which problem: `training-free`, `two-stage`, `top-20`, `off-the-shelf`.
const METHOD_COMPOUND = /(?:^|-)(?:free|based|aware|stage|step|shelf|level|layer|wise|like|style|\d+\w*|one|two|three|four|five)$|\d/i;

/**
 * True when at least as many mentions of a listed task in the paper carry the narrowing word as
 * not: a paper that mostly writes the bare task (`brain decoding` twice beside one `multi-modal
 * brain decoding`) studies the bare one.
 */
function mostlyNarrowed(draft: PaperDraft, surface: string, word: string): boolean {
  const re = new RegExp(`(?<![\\p{L}\\d-])${surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d-])`, 'giu');
  let narrowed = 0;
  let bare = 0;
  for (const f of draft.fields)
    for (const m of f.text.matchAll(re)) {
      if (f.text.slice(Math.max(0, m.index - word.length - 1), m.index).toLowerCase() === `${word.toLowerCase()} `) narrowed++;
      else bare++;
    }
  return narrowed >= bare;
}

/**
 * The one word right before a listed task that narrows it to a domain or a setting: a hyphenated
 * compound (`zero-shot`, `open-domain`, `task-agnostic`) or an adjective (`biomedical`,
 * `controllable`), in lower case in the abstract, not a vague or evaluative word (`efficient`,
 * `downstream`, `novel`), and not a verb form.
 */
function taskModifierBefore(text: string, start: number, field: Field, cues: Matchers['cues']): { word: string; start: number } | undefined {
  const m = /(?<![\p{L}\d-])([\p{L}][\p{L}\d]*(?:-[\p{L}\d]+)*) $/u.exec(text.slice(Math.max(0, start - 40), start));
  if (!m) return undefined;
  const word = m[1]!;
  if (field === 'abstract' && !/^\p{Ll}/u.test(word)) return undefined;
  const key = normalizeName(word);
  if (cues.leadingNoise.has(key) || cues.notTaskWords.has(key) || cues.genericTaskModifiers.has(key) || cues.notConceptWords.has(key)) return undefined;
  if (/(?:ing|ed|ly)$/i.test(word) || cues.taskHeads.has(key)) return undefined;
  if (NUMBER_WORD.test(word) || METHOD_COMPOUND.test(word)) return undefined;
  const compound = /^[\p{L}\d]+(?:-[\p{L}\d]+)+$/u.test(word);
  if (!compound && !ADJECTIVE_ENDING.test(word)) return undefined;
  return { word, start: start - m[0].length };
}

/** The family an entry belongs to: the entry it is a variant of, else itself. */
function familyOf(entry: LexiconEntry): string {
  return entry.variantOf ?? entry.name;
}

/** What a list entry says is broader: a task's parents, the family of a version. */
function broaderOf(entry: LexiconEntry): string[] {
  return [...(entry.parents ?? []), ...(entry.variantOf ? [entry.variantOf] : [])];
}

/** A version written after a name (` V2.1`, `-v2`, ` v1.5`), or ''. */
function versionAfter(text: string, end: number): string {
  return /^(?:[ -]?[vV]\d+(?:\.\d+)*)(?![\w.-]*\w)/.exec(text.slice(end))?.[0] ?? '';
}

/**
 * A checkpoint's size written after a model's name (` 410M`, `-7B`, ` 1.5B`): `Pythia 410M` is one
 * checkpoint of Pythia. Not a count of parameters said as such (`BERT 110M parameters`).
 */
function checkpointSizeAfter(text: string, end: number): string {
  const m = /^[ -]\d+(?:\.\d+)?[MB](?![\p{L}\d])/u.exec(text.slice(end));
  if (!m || /^\s+(?:parameters?|params|tokens|words|images|samples|examples)\b/i.test(text.slice(end + m[0].length))) return '';
  return m[0];
}

/** True for the name of a cost measure (`latency`, `FLOPs`, `speedup`): figures of it are no results. */
export function isCostMetricName(name: string): boolean {
  return COST_METRIC.test(name);
}

/** A metric that measures cost, not quality: a mention counts only next to a figure. */
function isCostMetric(entry: MetricEntry): boolean {
  return entry.higherIsBetter === null || COST_METRIC.test(entry.name);
}

// After a metric's name, a noun it qualifies (`recall tasks`, `AR models`, `MAE pre-training`): then it names a task or a method, not a measure.
const QUALIFIES_NOUN_AFTER =
  /^(?:\s*(?:,|and|or)\s+[\p{L}-]+)*\s+(?:tasks?|problems?|algorithms?|methods?|models?|architectures?|pre-?training|fine-?tuning|backbones?|encoders?)\b/u;

/**
 * Metric names that read as ordinary words, so count only next to a figure: one or two capitals
 * (`HR` for hit rate, beside `HR domain`), and a leaderboard's title-case name written in plain
 * lower case (`Task Accuracy` in `downstream task accuracy`, `Task Completion` in `for task completion`).
 */
function isWordLikeMetric(hit: { entry: MetricEntry; surface: string }): boolean {
  if (/^\p{Lu}{1,2}$/u.test(hit.surface)) return true;
  return /^\p{Lu}\p{Ll}+(?:[\s-]+\p{Lu}\p{Ll}+)+$/u.test(hit.entry.name) && /^[\p{Ll}\s-]+$/u.test(hit.surface);
}

/** A short capital form a task list also holds (`ASR`: attack success rate or speech recognition). */
function isTaskAbbreviation(draft: PaperDraft, surface: string): boolean {
  return /^\p{Lu}{2,5}s?$/u.test(surface) && draft.matchers.tasks.knows(surface) !== undefined;
}

/** A number standing alone (`12.5`, `30%`), not a digit inside a name (`E2E`, `T5`). */
function hasFigureNear(text: string, start: number, end: number): boolean {
  // An enumerator (`(2)`) is no figure.
  return /(?<![\p{L}\d.(])\d+(?:\.\d+)?(?![\p{L}\d)])/u.test(text.slice(Math.max(0, start - 30), Math.min(text.length, end + 30)));
}

/** True when the title holds this plain word as a word (`Explore, Select, Derive, and Recall`). */
function isPlainTitleWord(draft: PaperDraft, surface: string): boolean {
  return /^\p{L}+$/u.test(surface) && !hasNameMarks(surface) && draft.titleKey.includes(` ${normalizeName(surface)} `);
}

function hasNumberNear(text: string, start: number, end: number): boolean {
  // An enumerator (`(2) an inference time sampler`) is no figure.
  return /\d/.test(text.slice(Math.max(0, start - 30), Math.min(text.length, end + 30)).replace(/\(?\b\d\)/g, ''));
}

/** `pass@1`, `Recall@10`, `MRR@10`, `Hits@1`: named measures at a cut-off. */
function findAtMetrics(text: string): Anchor[] {
  return [...text.matchAll(/\b([A-Za-z][A-Za-z-]{1,15}@\d+)\b/g)].map((m) => ({ name: m[1]!, start: m.index, end: m.index + m[1]!.length }));
}

/**
 * A task's short form in capitals (`IR`, `SER`, `ASR`) means other things too (infrared, a coined
 * method, an image reward): it never counts where the paper defines it as something else, and in
 * the abstract only with a supporting cue: the paper's definition of it, the long form written
 * somewhere in the paper, or a task noun after it in its sentence (`on QA and NLI tasks`).
 */
function isUnsupportedShortForm(
  draft: PaperDraft,
  field: Field,
  text: string,
  hit: { start: number; end: number; surface: string; entry: LexiconEntry },
): boolean {
  if (!/^\p{Lu}{2,4}s?$/u.test(hit.surface)) return false;
  // The paper's own definition decides: `Feasible Learning (FL)` is no federated learning.
  const long = draft.pairs.get(normalizeName(hit.surface));
  if (long !== undefined) return draft.matchers.tasks.lookup(long) !== hit.entry;
  if (field === 'title') return false;
  const paper = ` ${draft.fields.map((f) => normalizeName(f.text)).join(' ')} `;
  if ([hit.entry.name, ...hit.entry.aliases].some((n) => n.length > 5 && paper.includes(` ${normalizeName(n)} `))) return false;
  return !/^[^.;]{0,60}?\b(?:tasks?|problems?|benchmarks?)\b/i.test(text.slice(hit.end));
}
