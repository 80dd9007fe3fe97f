import { normalizeName } from '../../src/graph/names.js';
import type { EntitySet } from './entity-set.js';
import type { Evidence } from './evidence.js';
import { inDatasetList, isDatasetContext } from './dataset-context.js';
import type { AcronymDefinition } from './find-acronyms.js';
import { sentenceAt, type FieldText, type PaperDraft } from './paper-draft.js';
import { proposalRole } from './proposal-role.js';
import { conceptNamed } from './find-concepts.js';
import { isTaskPhrase } from './find-tasks.js';

/**
 * Acronym definitions (`long form (SHORT)`) make one entity of both forms, typed by the paper's
 * own words: its definition wins over a list entry that gives the short form another meaning
 * (`masked autoencoder (MAE)` is a method here, not mean absolute error). A capitalised long form
 * is a dataset in a dataset context, else a method; a lower-case one is a method the paper
 * proposes, a task, or a concept.
 */
export function findAcronymEntities(draft: PaperDraft): void {
  const { matchers, claims } = draft;
  for (const f of draft.fields) {
    for (const a of f.acronyms) {
      const shortEv: Evidence = { field: f.field, start: a.shortStart, end: a.shortEnd };
      const longEv: Evidence = { field: f.field, start: a.longStart, end: a.longEnd };
      if (matchers.notNames.has(normalizeName(a.short)) && !draft.methods.has(a.short)) continue;
      dropContradictedListEntry(draft, a);
      const listed = kindOfPair(draft, a);
      const task = listed === undefined ? definedTask(draft, f, a) : undefined;
      if (listed === undefined && isDefinedMetric(f, a)) {
        // `Knowledge Retention Rate (KRR) to measure …`: the paper's own measure, named by its short form.
        const e = draft.metrics.add(a.short, shortEv);
        draft.metrics.add(a.long, longEv);
        draft.higherIsBetter.set(e.key, null);
        draft.anchor('metric', f.field, { name: e.name, start: a.shortStart, end: a.shortEnd });
      } else if (task) {
        // `Human-Object Interaction (HOI) detection`, `the field of Automatic Machine Learning (AutoML)`: a task, named in lower case.
        draft.tasks.add(task.toLowerCase(), longEv, { written: task });
      } else if (listed === 'method' || listed === 'dataset') {
        const set = listed === 'method' ? draft.methods : draft.datasets;
        set.add(a.long, longEv);
        set.add(a.short, shortEv);
      } else if (listed === 'metric' || listed === 'task' || listed === 'concept') {
        // Already typed by a list; a lower-case long form the lists do not know is still a concept.
        const concept = listed === 'concept' ? conceptNamed(a.long, draft.matchers) : undefined;
        if (concept) draft.concepts.add(concept.name, longEv, { written: a.long });
      } else if (!isCapitalised(a.long)) {
        typeLowerCase(draft, f, a, longEv, shortEv);
      } else if (isGenericModelClass(a.long)) {
        // `Pre-Trained Model (PTM)`: a class of models in capitals, no named one. Its short form is held
        // as a concept so later mentions (`PTMs`) are no names; a one-word concept never leaves the paper.
        const concept = conceptNamed(a.long, draft.matchers);
        if (concept) draft.concepts.add(concept.name, longEv, { written: a.long });
        draft.concepts.add(a.short, shortEv);
      } else if (matchers.cues.phenomenonNouns.has(normalizeName(a.long.trim().split(/\s+/).at(-1)!))) {
        // `the Multi-Person Ambiguity (MPA)`, `Representation Collapse (RC)`: a named phenomenon or problem, no method.
      } else {
        const role = proposalRole(f, a.longStart, a.shortEnd + 1) ?? 'USED';
        const dataset = isDatasetContext(f.text, a.longStart, a.shortEnd + 1) || inDatasetList(f, { start: a.longStart, end: a.shortEnd + 1 });
        const target: EntitySet = dataset ? draft.datasets : draft.methods;
        target.add(a.long, longEv, { role });
        target.add(a.short, shortEv, { role });
        if (dataset) draft.anchor('dataset', f.field, { name: a.short, start: a.longStart, end: a.shortEnd + 1 });
      }
      claims.claim(f.field, a.shortStart, a.shortEnd);
      claims.claim(f.field, a.longStart, a.longEnd);
    }
  }
}

const COMPONENT_AFTER =
  /^\)?\s+(?:module|network|layer|block|unit|mechanism|encoder|decoder|head|loss|algorithm|method|model|approach|technique|framework|system|scheme|estimator|classifier|parser|tagger|architecture)s?\b/i;
// The last word of a long form that names an algorithm or a model by what it is (`least squares estimator`, `discrete Fourier transform`).
const METHOD_HEAD = /\b(?:algorithm|estimator|classifier|parser|tagger|transform|optimizer|sampler|autoencoder|transformer|network|machine)s?$/i;
const FIELD_OR_PROBLEM = /\b(?:field|area|problem|task|paradigm|setting|domain)s?\s+of\s+(?:the\s+)?$/i;
const OWN_WORK = /\b(?:we|our|this (?:paper|work|study))\b/i;
const TASK_NOUN_AFTER = /^\)?\s+(?:tasks?|problems?)\b/i;

/**
 * The task a definition names, or undefined: a long form followed, after its short form, by a task
 * word (`Human-Object Interaction (HOI) detection`), or a capitalised long form that is itself a
 * task phrase (`Active Learning (AL)`) and that the paper does not introduce as its own.
 */
function definedTask(draft: PaperDraft, f: FieldText, a: AcronymDefinition): string | undefined {
  const { cues } = draft.matchers;
  const next = /^\)?\s+([a-z][a-z-]+)\b/.exec(f.text.slice(a.shortEnd, a.shortEnd + 30))?.[1];
  if (next && cues.taskHeads.has(normalizeName(next)) && !cues.techniqueHeads.has(normalizeName(next))) {
    const phrase = `${a.long} ${next}`;
    if (isTaskPhrase(phrase, cues, false)) return phrase;
  }
  if (!isCapitalised(a.long)) return undefined;
  // `the Indirect Object Identification (IOI) task`: the text calls it a task, whoever's work the sentence describes.
  if (TASK_NOUN_AFTER.test(f.text.slice(a.shortEnd, a.shortEnd + 20)) && isTaskPhrase(a.long, cues, true)) return a.long;
  // A technique head (`Contrastive Learning`) names a method as often as a problem: a task only where the text calls it a field or problem.
  const before = f.text.slice(Math.max(0, a.longStart - 40), a.longStart);
  if (!isTaskPhrase(a.long, cues, FIELD_OR_PROBLEM.test(before))) return undefined;
  // A coined component in a proposal (`we propose X, integrated with Knowledge Retrieval (KR)`) is a method.
  const sentence = sentenceAt(f, a.longStart);
  if (proposalRole(f, a.longStart, a.shortEnd + 1) === 'PROPOSED' || OWN_WORK.test(f.text.slice(sentence.start, sentence.end))) return undefined;
  if (isDatasetContext(f.text, a.longStart, a.shortEnd + 1) || inDatasetList(f, { start: a.longStart, end: a.shortEnd + 1 })) return undefined;
  return a.long;
}

// After a definition, a noun that calls it a measure: `… (MC) metric`, `… (SAS) score`.
const MEASURE_AFTER = /^\)?\s+(?:metric|measure|score)s?\b/i;
// The last word of a measure's long form (`Knowledge Retention Rate`, `Mean Pairwise Distance`).
const MEASURE_HEAD = /\b(?:rate|score|accuracy|error|ratio|precision|recall|distance|index|coefficient|gain)$/i;
// Words that make a sentence about measuring (`to measure`, `evaluation metric`, `we quantify`).
const MEASURING = /\b(?:metrics?|measur\w*|evaluat\w*|quantif\w*|assess\w*)\b/i;

/**
 * True for a definition of a measure: a measure noun right after it, or a long form ending in a
 * measure's word next to words about measuring or evaluating (`… Rate (KRR) to measure …`). The guidelines count a measure the
 * abstract names as its evaluation criterion.
 */
function isDefinedMetric(f: FieldText, a: AcronymDefinition): boolean {
  if (MEASURE_AFTER.test(f.text.slice(a.shortEnd, a.shortEnd + 20))) return true;
  if (!MEASURE_HEAD.test(a.long.trim())) return false;
  // Near the definition, not anywhere in its sentence: `learning rate (LR) re-warming … evaluated` is a setting.
  const sentence = sentenceAt(f, a.longStart);
  return MEASURING.test(f.text.slice(Math.max(sentence.start, a.longStart - 40), Math.min(sentence.end, a.shortEnd + 60)));
}

/** The kind the lists already gave either form of the definition, if any. */
function kindOfPair(draft: PaperDraft, a: AcronymDefinition): 'method' | 'dataset' | 'task' | 'metric' | 'concept' | undefined {
  if (draft.methods.has(a.short) || draft.methods.has(a.long)) return 'method';
  if (draft.datasets.has(a.short) || draft.datasets.has(a.long)) return 'dataset';
  if (draft.metrics.has(a.long) || draft.metrics.has(a.short)) return 'metric';
  // A listed task is a task even where this mention qualifies something else (`Continual Learning (CL) algorithms`): one name, one kind.
  if (draft.tasks.has(a.long) || draft.tasks.has(a.short) || draft.matchers.tasks.lookup(a.long)) return 'task';
  // A curated family (`Deep Neural Networks (DNNs)`), even a field name the draft leaves out, is no method.
  // Its short form too, for a long form in a spelling the list lacks (`Convolution neural networks (CNNs)`);
  // a long form written as a name (`Scalable Language Model (SLM)`) is the paper's own, whatever the short form means elsewhere.
  if (draft.concepts.has(a.long) || draft.matchers.families.lookup(a.long)) return 'concept';
  if (draft.matchers.families.lookup(a.short) && !isCapitalised(a.long)) return 'concept';
  return undefined;
}

/**
 * A list matched the short form alone, but the paper defines it as something else: the entry is
 * dropped, so the definition decides (`MAE` listed as mean absolute error, defined as masked autoencoder;
 * `FL` listed as federated learning, defined as feasible learning).
 */
function dropContradictedListEntry(draft: PaperDraft, a: AcronymDefinition): void {
  const m = draft.matchers;
  const lists = [
    [draft.methods, m.methods],
    [draft.datasets, m.datasets],
    [draft.metrics, m.metrics],
    [draft.concepts, m.families],
    [draft.tasks, m.tasks],
  ] as const;
  for (const [set, gazetteer] of lists) {
    const entry = gazetteer.lookup(a.short);
    if (!entry || !set.get(a.short)?.canonical || gazetteer.lookup(a.long) === entry) continue;
    set.delete(a.short);
  }
}

/** `ranking-aware adapter (RAA)` proposed is a method; `keyword spotting (KWS)` a task; else a concept. */
function typeLowerCase(draft: PaperDraft, f: FieldText, a: AcronymDefinition, longEv: Evidence, shortEv: Evidence): void {
  const role = proposalRole(f, a.longStart, a.shortEnd + 1);
  // `a new residual pattern learning (RPL) module`: a component, whatever its head word.
  if (role === 'PROPOSED' || COMPONENT_AFTER.test(f.text.slice(a.shortEnd, a.shortEnd + 30)) || METHOD_HEAD.test(a.long.trim())) {
    draft.methods.add(a.short, shortEv, { role: role ?? proposalRole(f, a.longStart, a.shortEnd + 30) ?? 'USED' });
    draft.methods.add(a.long, longEv, { role: role ?? proposalRole(f, a.longStart, a.shortEnd + 30) ?? 'USED' });
  } else if (isTaskPhrase(a.long, draft.matchers.cues, true)) {
    // Tasks are named by their long form (the short one is not kept: a task list reads as phrases).
    draft.tasks.add(a.long.toLowerCase(), longEv, { written: a.long });
  } else {
    const concept = conceptNamed(a.long, draft.matchers);
    if (concept) draft.concepts.add(concept.name, longEv, { written: a.long });
  }
}

// Words that say only what kind of model something is (`Pre-Trained`, `Large`, `Model`), none naming one.
const GENERIC_MODEL_WORD =
  /^(?:pre-?trained|trained|large|small|deep|neural|language|vision|visual|foundation|generative|base|general|model|network|machine|learning|architecture|system|method|approach|framework)s?$/i;

/** True for a long form made only of words that say what kind of model it is (`Pre-Trained Model`). */
function isGenericModelClass(long: string): boolean {
  return long
    .trim()
    .split(/\s+/)
    .every((w) => GENERIC_MODEL_WORD.test(w));
}

/** A long form written as a name: most of its words capitalised, or odd capitals (`cOrrelating`). */
export function isCapitalised(phrase: string): boolean {
  const words = phrase.split(/\s+/).filter((w) => w.length > 3);
  if (words.some((w) => /\p{Ll}\p{Lu}/u.test(w))) return true;
  return words.length > 0 && words.filter((w) => /^\p{Lu}/u.test(w)).length >= Math.ceil(words.length / 2);
}
