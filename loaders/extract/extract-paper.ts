import type { Lexicon, LexiconEntry, MetricEntry } from '../lexicon/read-lexicon.js';
import { normalizeName } from '../normalize.js';
import { findSentenceEnds } from '../sentences.js';
import { chunkNounPhrases, type TaggedTerm } from './chunk-noun-phrases.js';
import { EntitySet, type EntityMention, type Role } from './entity-set.js';
import { fieldsOf, type Evidence, type Field, type PaperText } from './evidence.js';
import { extractLinks, type Link, type Repository } from './extract-links.js';
import { extractResults, type Anchor, type Result } from './extract-results.js';
import { findAcronyms, type AcronymDefinition } from './find-acronyms.js';
import { findNames, type NameCandidate } from './find-names.js';
import { Gazetteer } from './gazetteer.js';
import { tokenizeWords, type Word } from './tokenize-words.js';

/** Everything extracted from one paper's title and abstract, each mention with its evidence. */
export interface PaperEntities {
  methods: EntityMention[];
  datasets: EntityMention[];
  tasks: EntityMention[];
  metrics: Array<EntityMention & { higherIsBetter: boolean | null }>;
  results: Result[];
  repositories: Repository[];
  links: Link[];
  arxivIds: string[];
  concepts: EntityMention[];
  /** Acronym definitions the paper makes, for corpus-wide alias resolution. */
  acronyms: Array<{ short: string; long: string }>;
}

/** Parses a text into tagged sentences; the one compromise parse per abstract is made by the caller. */
export type ParseText = (text: string) => ReadonlyArray<readonly TaggedTerm[]>;

const CAPITALISED_METHOD = /(?<![\p{L}-])(?:\p{Lu}[\p{L}]*(?:-\p{L}+)*\s+){1,4}(?:Networks?|Transformers?|Blocks?|Modules?|Layers?|Encoders?|Decoders?|Machines?|Nets?|Attention|Mechanisms?|Algorithms?|Adapters?|Memory|Autoencoders?|Units?|Machines?)\b/gu;
const MULTIWORD_DATASET = /(?<![\p{L}\d-])((?:\p{Lu}[\p{L}\d+.-]*\s+){1,4}(?:\p{Lu}[\p{L}\d+.-]*|\d{4}))\s+(?:dataset|benchmark|corpus|track|challenge|data)s?\b/gu;
// Names built like datasets: `KernelBench`, `CodeSet`, `HotpotQA`, `LongBench`.
const DATASET_NAME = /(?:Bench|Benchmark|Set|Corpus|QA|Data|DB)(?:-?\d+\w*)?$/;
const DATASET_NOUN = /^(?:datasets?|benchmarks?|corpus|corpora|suites?|testbeds?|challenges?|leaderboards?|collections?)$/i;
const PROPOSE = /\b(?:we|this (?:paper|work|study))\b[^.;]{0,120}?\b(?:propose|introduce|present|develop|design|devise|build|create|construct|curate|collect|release|contribute|establish|formulate|offer|put forward|call|name|dub|term)(?:s|d|ed)?\b/gi;
// Between a proposal verb and a name, these say the name is something the proposal builds on.
const NOT_PROPOSED_GAP = /\b(?:built|based|build|builds|on top of|using|uses|with|than|compared|against|versus|vs|such as|e\.g|like|including|extend\w*|leverag\w*|adopt\w*|employ\w*|upon|from|over)\b/i;
const NAMING = /\b(?:called|named|dubbed|termed|coined|namely|denoted(?: as)?|referred to as)\s*[:"“']?\s*$/i;
const OUR = /\bour\s+(?:\w+\s+){0,2}$/i;
const APPOSITION_NEW = /^\s*[,:(]\s*(?:a|an|the)?\s*(?:novel|new|simple|general|unified|efficient|effective|lightweight|scalable|flexible|principled|first|large[- ]scale|powerful|generic|versatile|plug-and-play|modular|open|comprehensive)\b/i;
const APPOSITION_DATASET = /^\s*[,:(]\s*(?:a|an|the)?\s*(?:[\w-]+\s+){0,4}?(?:dataset|benchmark|corpus|suite|testbed)\b/i;
const LIST_SEPARATOR = /^\s*(?:,\s*(?:and|or)?|and|or|&)\s*$/i;
const EVALUATION_CUE = /\b(?:experiments?|evaluat\w*|results?|achiev\w*|outperform\w*|benchmark\w*|tested|test|accuracy|perplexity|scores?|state-of-the-art|SOTA)\b/i;
const ON_BEFORE = /\b(?:on|across|over)\s+(?:the\s+)?(?:(?:challenging|popular|standard|public|large-scale|widely[- ]used|real-world)\s+)?$/i;
const TASK_HEAD = /^(?:recognition|detection|segmentation|classification|generation|prediction|estimation|retrieval|translation|answering|modeling|modelling|re-identification|reidentification|assessment|captioning|summarization|summarisation|reasoning|recommendation|forecasting|completion|reconstruction|synthesis|tracking|localization|alignment|parsing|understanding|editing|inpainting|matching|planning|control|navigation|manipulation|extraction|labeling|labelling|tagging|verification|diagnosis|relighting|restoration|super-resolution|denoising|compression|search|ranking|generalization|adaptation|learning)$/i;
const ABSTRACT_TASK = /\b(?:task|problem|challenge) of\s+((?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*)|\b((?:[a-z][\w-]*\s+){1,3}[a-z][\w-]*)\s+(?:tasks?|problems?)\b/g;
// Words that make a phrase vague or a clause rather than a task name.
const NOT_TASK_WORD = /^(?:is|are|was|be|a|an|the|this|that|of|to|and|or|for|on|in|with|via|by|from|through|without|under|amid|using|at|as|into|across|over|explicit|global|profound|comprehensive|active|ongoing|diverse|imprecise|robust|faster|human-like|collaborative|universal|conditional|encourage|automate|enabling|enable|meet|improve|improving|achieve|various|different|such|other|many|new|novel|efficient|effective|better|future|further|existing|recent|large-scale|general|specific|downstream|related|key|main|overall|strong|simple|accurate|explicit|implicit|visual|joint|application|applications|beyond|ing)$/i;
// Phrases that end in a task word but name no task.
const GENERIC_TASK = /^(?:(?:the|a|an|this|our|their|its|such|these|deep|machine|model|end-to-end|efficient|effective|better|improved|robust|fast|joint|future|further|downstream|various|different|many|several|new|novel|existing|standard|general|other|more|data|feature|representation|human)\s+)*(?:learning|generalization|adaptation|search|control|understanding|planning|matching|generation|prediction|modeling|modelling|reasoning|ranking|alignment|compression|extraction)$/i;
// A title that starts with its task: `Person Re-Identification without …`, `Image Quality Assessment via …`.
const TITLE_LEAD_TASK = /^((?:(?!(?:for|with|via|using|by|from|through|without|in|under|based|amid|on|of|and|to)\b)[\p{L}\d][\p{L}\d-]*\s+){0,3}(?!(?:for|with|via|using|by|from|through|without|in|under|based|amid|on|of|and|to)\b)[\p{L}\d][\p{L}\d-]*)(?=\s+(?:for|with|via|using|by|from|through|without|in|under|based|amid)\b|\s*[:,?]|$)/iu;
const TITLE_TASK = /\b(?:for|towards?|on|in)\s+((?:[A-Za-z][\w-]*\s+){0,4}?[A-Za-z][\w-]*)(?=\s*(?:$|[:,?]|\s+(?:with|via|using|by|from|through|without|in|under|amid|based)\b))/gi;

/** Compiled matchers for the curated lists, built once and shared by every paper. */
export interface Matchers {
  datasets: Gazetteer<LexiconEntry>;
  methods: Gazetteer<LexiconEntry>;
  metrics: Gazetteer<MetricEntry>;
  tasks: Gazetteer<LexiconEntry>;
  families: Gazetteer<LexiconEntry>;
  stopPhrases: Set<string>;
  notNames: Set<string>;
}

export function buildMatchers(lexicon: Lexicon): Matchers {
  return {
    datasets: new Gazetteer(lexicon.datasets),
    methods: new Gazetteer(lexicon.methods),
    metrics: new Gazetteer(lexicon.metrics),
    tasks: new Gazetteer(lexicon.tasks),
    families: new Gazetteer(lexicon.conceptFamilies),
    stopPhrases: new Set(lexicon.stopPhrases.map(normalizeName)),
    notNames: new Set(lexicon.notNames.map(normalizeName)),
  };
}

interface FieldText {
  field: Field;
  text: string;
  words: Word[];
  names: NameCandidate[];
  acronyms: AcronymDefinition[];
  sentences: Array<{ start: number; end: number }>;
}

/**
 * Extracts a paper's entities. Regular expressions and curated lists run on both fields; the one
 * compromise parse (given as `parse`) runs on the abstract only, for concepts.
 */
export function extractPaper(paper: PaperText, matchers: Matchers, parse: ParseText): PaperEntities {
  const fields: FieldText[] = fieldsOf(paper).map(({ field, text }) => {
    const words = tokenizeWords(text);
    return { field, text, words, names: findNames(words, text), acronyms: findAcronyms(text), sentences: splitSentences(text) };
  });
  const pairs = new Map<string, string>();
  for (const f of fields) {
    for (const a of f.acronyms) {
      pairs.set(normalizeName(a.short), normalizeName(a.long));
      pairs.set(normalizeName(a.long), normalizeName(a.short));
    }
  }
  const methods = new EntitySet(pairs);
  const datasets = new EntitySet(pairs);
  const tasks = new EntitySet(pairs);
  const metrics = new EntitySet(pairs);
  const concepts = new EntitySet(pairs);
  const higherIsBetter = new Map<string, boolean | null>();
  const datasetAnchors = new Map<Field, Anchor[]>();
  const metricAnchors = new Map<Field, Anchor[]>();
  const claimed = new Map<Field, Array<[number, number]>>();
  const claim = (field: Field, start: number, end: number): void => {
    const list = claimed.get(field) ?? [];
    list.push([start, end]);
    claimed.set(field, list);
  };
  const isClaimed = (field: Field, start: number, end: number): boolean => (claimed.get(field) ?? []).some(([s, e]) => start < e && end > s);
  const anchor = (map: Map<Field, Anchor[]>, field: Field, a: Anchor): void => {
    const list = map.get(field) ?? [];
    list.push(a);
    map.set(field, list);
  };

  // 0. Links are claimed first: `github.com/o/CoOp` names a repository, not a method.
  const links = extractLinks(paper);
  for (const item of [...links.repositories, ...links.links]) for (const e of item.evidence) claim(e.field, e.start, e.end);

  // 1. Curated lists: datasets, metrics, methods, tasks and concept families, longest match first.
  for (const f of fields) {
    for (const hit of matchers.datasets.find(f.text, f.words)) {
      if (isClaimed(f.field, hit.start, hit.end)) continue;
      const e = datasets.add(hit.surface, ev(f.field, hit), { canonical: hit.entry.name });
      anchor(datasetAnchors, f.field, { name: e.name, start: hit.start, end: hit.end });
      claim(f.field, hit.start, hit.end);
    }
    for (const hit of matchers.metrics.find(f.text, f.words)) {
      if (isClaimed(f.field, hit.start, hit.end)) continue;
      // Cost measures (`parameters`, `latency`) are metrics only when the text gives a figure.
      if (isCostMetric(hit.entry) && !hasNumberNear(f.text, hit.start, hit.end)) continue;
      const e = metrics.add(hit.surface, ev(f.field, hit), { canonical: hit.entry.name });
      higherIsBetter.set(e.key, hit.entry.higherIsBetter);
      anchor(metricAnchors, f.field, { name: e.name, start: hit.start, end: hit.end });
      claim(f.field, hit.start, hit.end);
    }
    for (const metric of findAtMetrics(f.text)) {
      if (isClaimed(f.field, metric.start, metric.end)) continue;
      const e = metrics.add(metric.name, { field: f.field, start: metric.start, end: metric.end });
      higherIsBetter.set(e.key, true);
      anchor(metricAnchors, f.field, metric);
      claim(f.field, metric.start, metric.end);
    }
    for (const hit of matchers.methods.find(f.text, f.words)) {
      if (isClaimed(f.field, hit.start, hit.end)) continue;
      methods.add(hit.surface, ev(f.field, hit), { role: 'USED', canonical: hit.entry.name });
      claim(f.field, hit.start, hit.end);
    }
    for (const hit of matchers.tasks.find(f.text, f.words)) {
      if (isClaimed(f.field, hit.start, hit.end)) continue;
      tasks.add(hit.entry.name.toLowerCase(), ev(f.field, hit), { canonical: hit.entry.name, written: hit.surface });
    }
    for (const hit of matchers.families.find(f.text, f.words)) {
      if (isClaimed(f.field, hit.start, hit.end)) continue;
      concepts.add(hit.entry.name.toLowerCase(), ev(f.field, hit), { canonical: hit.entry.name, written: hit.surface });
      claim(f.field, hit.start, hit.end);
    }
  }

  // 2. Acronym definitions: a capitalised long form names a method or dataset; a lower-case one
  //    a task or concept (`multi-task learning (MTL)`).
  for (const f of fields) {
    for (const a of f.acronyms) {
      const shortEv: Evidence = { field: f.field, start: a.shortStart, end: a.shortEnd };
      const longEv: Evidence = { field: f.field, start: a.longStart, end: a.longEnd };
      if (matchers.notNames.has(normalizeName(a.short)) && !methods.has(a.short)) continue;
      if (methods.has(a.short) || methods.has(a.long)) {
        methods.add(a.long, longEv);
        methods.add(a.short, shortEv);
      } else if (datasets.has(a.short) || datasets.has(a.long)) {
        datasets.add(a.long, longEv);
        datasets.add(a.short, shortEv);
      } else if (tasks.has(a.long) || concepts.has(a.long) || metrics.has(a.long) || metrics.has(a.short) || !isCapitalised(a.long)) {
        if (!metrics.has(a.long) && !metrics.has(a.short) && !tasks.has(a.long)) concepts.add(a.long.toLowerCase(), longEv, { written: a.long });
      } else {
        const role = proposalRole(f, a.longStart, a.shortEnd + 1) ?? 'USED';
        const target = isDatasetContext(f.text, a.longStart, a.shortEnd + 1) ? datasets : methods;
        target.add(a.long, longEv, { role });
        target.add(a.short, shortEv, { role });
      }
      claim(f.field, a.shortStart, a.shortEnd);
      claim(f.field, a.longStart, a.longEnd);
    }
  }

  // 3. Names not in any list: the title's `Name:` prefix, proposals, dataset patterns, and the
  //    remaining model-like names as methods used.
  for (const f of fields) {
    const titleName = f.field === 'title' ? titlePrefixName(f.text) : undefined;
    if (titleName && !datasets.has(titleName.text) && !matchers.notNames.has(normalizeName(titleName.text))) {
      const target = /\b(?:dataset|benchmark|corpus)\b/i.test(f.text) || DATASET_NAME.test(titleName.text) ? datasets : methods;
      target.add(titleName.text, { field: 'title', start: titleName.start, end: titleName.end }, { role: 'PROPOSED' });
      claim('title', titleName.start, titleName.end);
    }
    // Multi-word dataset names before a dataset noun: `Occluded-PoseTrack ReID benchmark`, `Light Stage data`.
    for (const match of f.text.matchAll(MULTIWORD_DATASET)) {
      const phrase = match[1]!;
      const start = match.index + match[0].indexOf(phrase);
      const end = start + phrase.length;
      const words = phrase.split(/\s+/);
      if (words.length < 2 || isClaimed(f.field, start, end) || /^(?:The|Our|This|These|A|An|We|In|On|For|To)$/.test(words[0]!)) continue;
      const e = datasets.add(phrase, { field: f.field, start, end });
      anchor(datasetAnchors, f.field, { name: e.name, start, end });
      claim(f.field, start, end);
    }
    for (const name of f.names) {
      const key = normalizeName(name.text);
      if (matchers.notNames.has(key) || matchers.stopPhrases.has(key)) continue;
      const evidence: Evidence = { field: f.field, start: name.start, end: name.end };
      const known = methods.get(name.text) ?? datasets.get(name.text);
      if (known) {
        // A curated method is an existing one: a paper that names it near `we propose` builds on it.
        const role = known.canonical ? 'USED' : (proposalRole(f, name.start, name.end) ?? 'USED');
        (methods.get(name.text) ? methods : datasets).add(name.text, evidence, { role });
        claim(f.field, name.start, name.end);
        continue;
      }
      if (isClaimed(f.field, name.start, name.end) || metrics.has(name.text) || tasks.has(name.text) || concepts.has(name.text)) continue;
      if (matchers.families.lookup(name.text) || matchers.tasks.lookup(name.text) || matchers.metrics.lookup(name.text)) continue;
      const role = proposalRole(f, name.start, name.end);
      if (DATASET_NAME.test(name.text) || isDatasetContext(f.text, name.start, name.end) || inDatasetList(f, name)) {
        const e = datasets.add(name.text, evidence);
        anchor(datasetAnchors, f.field, { name: e.name, start: name.start, end: name.end });
      } else if (role) {
        methods.add(name.text, evidence, { role });
      } else if (isModelLike(name.text) && (f.field === 'abstract' || !/^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(name.text))) {
        methods.add(name.text, evidence, { role: 'USED' });
      } else {
        continue;
      }
      claim(f.field, name.start, name.end);
    }
  }

  // 3b. Multi-word names in the abstract: capitalised words ending in an architecture noun
  //     (`Sentence Attention Block`, `Memorizing Transformers`), unless a curated family.
  for (const f of fields) {
    if (f.field !== 'abstract') continue;
    for (const match of f.text.matchAll(CAPITALISED_METHOD)) {
      const start = match.index;
      const end = start + match[0].length;
      // A curated name inside the phrase (`Memorizing Transformers`) does not stop it; one at its start does.
      const firstWordEnd = start + match[0].search(/\s/);
      if (isClaimed(f.field, start, firstWordEnd) || matchers.families.lookup(match[0]) || matchers.stopPhrases.has(normalizeName(match[0]))) continue;
      methods.add(match[0], { field: f.field, start, end }, { role: proposalRole(f, start, end) ?? 'USED' });
      claim(f.field, start, end);
    }
  }

  // 4. Tasks from the title's `for <task>` phrase, when it ends with a task word.
  const addTaskPhrase = (raw: string, field: Field, start: number): void => {
    const phrase = raw.replace(/[\s,.;:]+$/, '');
    const words = phrase.split(/\s+/);
    const last = words.at(-1) ?? '';
    if (words.length < 2 || words.length > 5 || !TASK_HEAD.test(last) || GENERIC_TASK.test(phrase)) return;
    if (words.slice(0, -1).some((w, i) => NOT_TASK_WORD.test(w) && !(i > 0 && w === 'visual'))) return;
    if (words.some((w) => hasNameMarks(w) && !/^(?:\d+D|Re-\w+)$/i.test(w)) || matchers.stopPhrases.has(normalizeName(phrase))) return;
    tasks.add(phrase.toLowerCase(), { field, start, end: start + phrase.length }, { written: phrase });
  };
  for (const f of fields) {
    if (f.field !== 'title') continue;
    for (const match of f.text.matchAll(TITLE_TASK)) {
      const phrase = match[1]!.trim();
      addTaskPhrase(phrase, 'title', match.index + match[0].indexOf(phrase));
    }
    const lead = TITLE_LEAD_TASK.exec(f.text.replace(/^[^:]{1,40}:\s+/, ''));
    if (lead) addTaskPhrase(lead[1]!, 'title', f.text.indexOf(lead[1]!));
  }

  // 4b. Tasks in the abstract: `the task of X`, `X tasks`, `for X` where X ends in a task word,
  //     and noun phrases of the parse below that do (collected there).
  for (const f of fields) {
    if (f.field !== 'abstract') continue;
    for (const match of f.text.matchAll(ABSTRACT_TASK)) {
      const phrase = (match[1] ?? match[2] ?? match[3])!.trim();
      addTaskPhrase(phrase, f.field, match.index + match[0].indexOf(phrase));
    }
  }

  // 5. Results: numbers tied to datasets (and metrics) within a sentence, with the method that
  //    scored them: one the sentence names, else the paper's first proposed method.
  const results: Result[] = [];
  const proposedMethod = methods.values().find((m) => m.role === 'PROPOSED')?.name ?? null;
  for (const f of fields) {
    const anchors = (datasetAnchors.get(f.field) ?? []).map((a) => ({ ...a, name: datasets.get(a.name)?.name ?? a.name }));
    const metricList = (metricAnchors.get(f.field) ?? []).map((a) => ({ ...a, name: metricName(metrics.get(a.name)) }));
    const methodList = methods.values().flatMap((m) => m.evidence.filter((e) => e.field === f.field).map((e) => ({ name: m.name, start: e.start, end: e.end })));
    results.push(...extractResults(f.field, f.text, f.sentences, anchors, metricList, methodList, proposedMethod));
  }

  // 6. Concepts: noun phrases of the one parse of the abstract; those ending in a task word
  //    (`image quality assessment`) are tasks as well.
  const abstract = fields.find((f) => f.field === 'abstract')!;
  for (const phrase of chunkNounPhrases(parse(abstract.text), abstract.text)) {
    addTaskPhrase(phrase.text.replace(LEADING_NOISE, ''), 'abstract', phrase.start + phrase.text.length - phrase.text.replace(LEADING_NOISE, '').length);
    const concept = cleanConcept(phrase.text, matchers);
    if (!concept) continue;
    const start = phrase.start + phrase.text.indexOf(concept.surface);
    const surfaceEnd = start + concept.surface.length;
    if (isClaimed('abstract', start, surfaceEnd) && !concepts.has(concept.name)) continue;
    concepts.add(concept.name, { field: 'abstract', start, end: surfaceEnd }, { written: concept.surface });
  }

  return {
    methods: methods.values(),
    datasets: datasets.values(),
    tasks: tasks.values(),
    metrics: metrics.values().map((m) => ({ ...m, name: metricName(m), aliases: metricName(m) === m.name || m.aliases.includes(m.name) ? m.aliases : [m.name, ...m.aliases], higherIsBetter: higherIsBetter.get(m.key) ?? null })),
    results,
    repositories: links.repositories,
    links: links.links,
    arxivIds: links.arxivIds,
    concepts: concepts.values(),
    acronyms: fields.flatMap((f) => f.acronyms.map((a) => ({ short: a.short, long: a.long }))),
  };
}

function ev(field: Field, hit: { start: number; end: number }): Evidence {
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

/** A metric is shown by its curated name when it has one: `PPL` is reported as `perplexity`. */
function metricName(metric: EntityMention | undefined): string {
  if (!metric) return '';
  return metric.canonical ?? metric.name;
}

const COST_METRIC = /^(?:number of parameters|FLOPs|MACs|latency|memory footprint|training time|throughput|model size|inference speed|speedup|energy)/i;

function isCostMetric(entry: MetricEntry): boolean {
  return entry.higherIsBetter === null || COST_METRIC.test(entry.name);
}

function hasNumberNear(text: string, start: number, end: number): boolean {
  return /\d/.test(text.slice(Math.max(0, start - 30), Math.min(text.length, end + 30)));
}

/** `pass@1`, `Recall@10`, `MRR@10`, `Hits@1`: named measures at a cut-off. */
function findAtMetrics(text: string): Anchor[] {
  return [...text.matchAll(/\b([A-Za-z][A-Za-z-]{1,15}@\d+)\b/g)].map((m) => ({ name: m[1]!, start: m.index, end: m.index + m[1]!.length }));
}

/** A long form written as a name: most of its words capitalised, or odd capitals (`cOrrelating`). */
function isCapitalised(phrase: string): boolean {
  const words = phrase.split(/\s+/).filter((w) => w.length > 3);
  if (words.some((w) => /\p{Ll}\p{Lu}/u.test(w))) return true;
  return words.length > 0 && words.filter((w) => /^\p{Lu}/u.test(w)).length >= Math.ceil(words.length / 2);
}

/** PROPOSED when the name sits in a proposal (`we propose …`, `called X`, `our X`, `X, a novel …`). */
function proposalRole(f: FieldText, start: number, end: number): Role | undefined {
  const sentence = f.sentences.find((s) => start >= s.start && start < s.end) ?? { start: 0, end: f.text.length };
  const before = f.text.slice(sentence.start, start);
  if (NAMING.test(before) || OUR.test(before)) return 'PROPOSED';
  const proposals = [...before.matchAll(PROPOSE)].filter((m) => !/^build/i.test(m[0].split(/\s+/).at(-1) ?? '') || !/^\s+(?:on|upon)\b/i.test(before.slice(m.index + m[0].length)));
  const last = proposals.at(-1);
  if (last) {
    const gap = before.slice(last.index + last[0].length);
    if (gap.split(/\s+/).filter(Boolean).length <= 12 && !/[.;]/.test(gap) && !NOT_PROPOSED_GAP.test(gap)) return 'PROPOSED';
  }
  if (before.trim() === '' && APPOSITION_NEW.test(f.text.slice(end))) return 'PROPOSED';
  return undefined;
}

/** A name followed by `dataset`/`benchmark`, or introduced as one, or evaluated `on` in an evaluation sentence. */
function isDatasetContext(text: string, start: number, end: number): boolean {
  const next = /^\s+([A-Za-z]+)/.exec(text.slice(end))?.[1];
  if (next && DATASET_NOUN.test(next)) return true;
  if (APPOSITION_DATASET.test(text.slice(end))) return true;
  const before = text.slice(Math.max(0, start - 40), start);
  if (ON_BEFORE.test(before)) {
    const sentenceStart = Math.max(text.lastIndexOf('. ', start), 0);
    const sentenceEnd = text.indexOf('. ', end);
    return EVALUATION_CUE.test(text.slice(sentenceStart, sentenceEnd === -1 ? undefined : sentenceEnd));
  }
  return false;
}

/** `X, Y and Z datasets`: every name of a list that ends in a dataset noun. */
function inDatasetList(f: FieldText, name: NameCandidate): boolean {
  const index = f.names.indexOf(name);
  for (let i = index; i < f.names.length; i++) {
    const current = f.names[i]!;
    const rest = f.text.slice(current.end);
    const next = /^\s+([A-Za-z]+)/.exec(rest)?.[1];
    if (next && DATASET_NOUN.test(next)) return i > index || true;
    const following = f.names[i + 1];
    if (!following || !LIST_SEPARATOR.test(f.text.slice(current.end, following.start))) return false;
  }
  return false;
}

/** Names with digits or inner capitals read as models (`Llama-2`, `RetNet`); bare capitals need more. */
function isModelLike(name: string): boolean {
  return /\d/.test(name) || /^\p{Lu}\p{Ll}+-\p{Lu}/u.test(name) || /\p{Ll}\p{Lu}/u.test(name) || /^\p{Lu}{2,}\p{Ll}+/u.test(name) || /^[A-Z]{3,}[a-z]?$/.test(name);
}

/** Any mark of a name at all (inner capital, two capitals, a digit): looser than find-names' `isNameLike`, for titles. */
function hasNameMarks(word: string): boolean {
  return /\p{Ll}\p{Lu}|\p{Lu}{2,}|\d/u.test(word);
}

/** `RepMode: Learning to …` names the artifact before the colon when it is short and name-like. */
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

const LEADING_NOISE = /^(?:(?:the|a|an|our|their|its|this|these|those|such|each|every|all|both|any|many|several|various|different|existing|previous|prior|new|novel|proposed|recent|current|other|same|more|most|further|key|main|first|second|two|three|multiple|large|small|simple|strong|extensive|significant|state-of-the-art|standard|popular|typical|general|specific|certain|powerful|effective|efficient)\s+)+/i;

/** A noun phrase as a concept: determiners and vague adjectives dropped, generic phrases refused. */
function cleanConcept(phrase: string, matchers: Matchers): { name: string; surface: string } | undefined {
  const surface = phrase.replace(LEADING_NOISE, '').replace(/\s*\([^)]*\)?$/, '').trim();
  if (!surface || surface.length < 4 || /\d/.test(surface) && !/[a-z]{3}/i.test(surface)) return undefined;
  const words = surface.split(/\s+/);
  if (words.length > 5) return undefined;
  const key = normalizeName(surface);
  if (matchers.stopPhrases.has(key) || matchers.notNames.has(key)) return undefined;
  // One word is a concept only when it is a curated family or a defined term; most are too vague.
  if (words.length === 1 && !matchers.families.lookup(surface)) return undefined;
  if (words.every((w) => matchers.stopPhrases.has(normalizeName(w)))) return undefined;
  const family = matchers.families.lookup(surface);
  const name = (family?.name ?? surface).toLowerCase();
  return { name, surface };
}
