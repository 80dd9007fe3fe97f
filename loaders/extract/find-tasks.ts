import { normalizeName } from '../../src/graph/names.js';
import type { Field } from './evidence.js';
import type { CueWords } from './matchers.js';
import type { NounPhrase } from './chunk-noun-phrases.js';
import type { EntityMention } from './entity-set.js';
import { isPlural } from './find-concepts.js';
import { hasNameMarks } from './find-names.js';
import { sentenceAt, type FieldText, type PaperDraft } from './paper-draft.js';
import { isDirectProposal } from './proposal-role.js';
import { isCategoryMention, isTrainingObjective } from './task-modifier.js';
import { titleTaskPhrases } from './title-task-phrases.js';

const TASK_OF = /\b(?:task|problem|challenge) of\s+["“']?((?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*)/g;
// `A, B and C tasks`: a word a task noun (`tasks`, `problems`, `challenges`, `benchmarks`) closes.
const TASK_NOUN_AFTER = /(?<![\p{L}\d-])(\p{Ll}[\p{L}\d-]*)\s+(?:tasks?|problems?|challenges|benchmarks)\b/gu;

// A title that starts with its task: `Person Re-Identification without …`, `Image Quality Assessment via …`.
const TITLE_LEAD_TASK =
  /^((?:(?!(?:for|with|via|using|by|from|through|without|in|under|based|amid|on|of|and|to)\b)[\p{L}\d][\p{L}\d-]*\s+){0,3}(?!(?:for|with|via|using|by|from|through|without|in|under|based|amid|on|of|and|to)\b)[\p{L}\d][\p{L}\d-]*)(?=\s+(?:for|with|via|using|by|from|through|without|in|under|based|amid)\b|\s*[:,?]|$)/iu;
// `we study X`, `this paper addresses the problem of X`: the problem the paper takes on.
const STUDY_CUE =
  /\b(?:[Ww]e|[Tt]his (?:paper|work|study)|[Oo]ur work)\s+(?:\w+ly\s+)?(?:study|studies|address|addresses|tackle|tackles|focus on|focuses on|investigate|investigates|consider|considers|explore|explores|examine|examines|revisit|revisits)\s+(?:the\s+(?:problem|task|challenge)\s+of\s+)?(?:the\s+)?((?:(?!(?:for|with|via|using|by|from|through|in|under|on|where|which|that|and|to|as|of)\b)[a-z][\w-]*\s+){0,4}[a-z][\w-]*)(?=\s*(?:[,.;:(]|\s(?:for|with|via|using|by|from|through|in|under|on|where|which|that|and|to|as)\b))/g;
// `we propose a framework for X`, `this paper presents a method towards X`: the problem the proposal serves.
const PROPOSAL_FOR =
  /\b(?:[Ww]e|[Tt]his (?:paper|work|study)|[Oo]ur work)\s+(?:\w+ly\s+)?(?:propose|proposes|present|presents|introduce|introduces|develop|develops|design|designs)\b[^.;:]{0,80}?\b(?:for|towards)\s+(?:the\s+(?:task|problem)\s+of\s+)?((?:[\p{Ll}\d][\p{L}\d-]*\s+){0,4}[\p{Ll}\d][\p{L}\d-]*)/gu;
// `outperforms other methods for X`, `a framework to X`: the problem a method serves, whoever proposed it.
const ARTIFACT_FOR =
  /\b(?:methods?|approach(?:es)?|models?|frameworks?|algorithms?|techniques?|systems?|architectures?|pipelines?|baselines?)\s+(?:for|towards)\s+(?:the\s+(?:task|problem)\s+of\s+)?((?:[\p{Ll}\d][\p{L}\d-]*\s+){0,4}[\p{Ll}\d][\p{L}\d-]*)/gu;
// Adverb endings: `efficiently`, `jointly`, `reportedly`.
const ADVERB = /(?:ally|ently|antly|ily|ely|fully|ously|ively|ably|edly)$/i;
const TITLE_SERVES_TASK = /^\s+(?:for|towards?)\s/i;
const TITLE_TASK =
  /\b(?:for|towards?|on|in)\s+((?:[A-Za-z][\w-]*\s+){0,4}?[A-Za-z][\w-]*)(?=\s*(?:$|[:,?]|\s+(?:with|via|using|by|from|through|without|in|under|amid|based)\b))/gi;

/**
 * True for a phrase that names a task: two to five words ending in a task word (`person
 * re-identification`, `image quality assessment`), no vague or clause word before it, not a
 * generic phrase (`deep learning`). `techniques` admits heads that name techniques as often as
 * problems (`continual learning`): taken where the text calls it a task, not from any noun phrase.
 */
export function isTaskPhrase(phrase: string, cues: CueWords, techniques: boolean): boolean {
  const words = phrase.split(/\s+/);
  // `query/collection understanding`: a slash joins two phrases, and neither is written out.
  if (words.length < 2 || words.length > 5 || words.some((w) => w.includes('/'))) return false;
  const last = words.at(-1)!;
  const head = normalizeName(last);
  if (!cues.taskHeads.has(head) || (!techniques && cues.techniqueHeads.has(head))) return false;
  // Task names are mass nouns (`link prediction`); a plural head reads as outputs (`good predictions`).
  if (/[^s]s$/i.test(last) && head !== last.toLowerCase()) return false;
  const modifiers = words.slice(0, -1).map((w) => normalizeName(w));
  if (cues.genericTaskHeads.has(head) && modifiers.every((m) => cues.genericTaskModifiers.has(m))) return false;
  if (modifiers.some((m) => cues.notTaskWords.has(m))) return false;
  // A plural before the head reads as a clause (`images informs …`, `responses matching`).
  if (words.slice(0, -1).some(isPlural)) return false;
  // An adverb (`data-efficiently learning control`) belongs to a clause, not to a task's name.
  if (words.slice(0, -1).some((w) => ADVERB.test(w) && !/^(?:family|assembly|supply|early|only)$/i.test(w))) return false;
  return !words.some((w) => hasNameMarks(w) && !/^(?:\d+D|Re-\w+)$/i.test(w));
}

/** True for a phrase whose head names techniques as often as problems (`representation learning`). */
function isTechniqueHeaded(phrase: string, cues: CueWords): boolean {
  return cues.techniqueHeads.has(normalizeName(phrase.trim().split(/\s+/).at(-1)!));
}

// A task noun right after a phrase: the text itself calls it a task (`text embedding tasks`).
const CALLED_TASK_AFTER = /^\s+(?:tasks?|problems?|challenges?)\b/i;

/**
 * True for a phrase headed by a noun for what a model outputs or holds (`sentence embeddings`, `a
 * 3D shape representation`, `major image`): a representation, not a task, unless the text right
 * after it calls it one (`text embedding tasks`).
 */
export function isRepresentationPhrase(phrase: string, textAfter: string, cues: CueWords): boolean {
  const head = normalizeName(phrase.trim().split(/\s+/).at(-1) ?? '');
  return cues.representationHeads.has(head) && !CALLED_TASK_AFTER.test(textAfter);
}

/** `both`, `several`, `Unveiling`: a word that opens a clause or quantifies, before a phrase of two more words. */
function isLeadingVagueOrVerb(word: string, cues: CueWords): boolean {
  const key = normalizeName(word);
  if (/^(?:both|either|all|several|various|many|multiple|different|such|these|those)$/.test(key)) return true;
  return (
    /ing$/.test(key) &&
    !cues.taskHeads.has(key) &&
    !cues.conceptHeads.has(key) &&
    !/^(?:learning|training|modeling|modelling|reasoning|understanding|matching|ranking|planning|tracking|parsing|editing|tagging|labeling|labelling|spotting|counting)$/.test(
      key,
    )
  );
}

/** Adds a task phrase found by a pattern, when it reads as one. */
function addTaskPhrase(draft: PaperDraft, raw: string, field: Field, start: number, techniques: boolean): boolean {
  // `for both continual pre-training`, `for Unveiling Parameter-Efficient Fine-Tuning`: a vague word or the
  // clause's verb before a task is no part of its name.
  const first = /^(\S+)\s+(?=\S+\s+\S)/.exec(raw);
  if (first && isLeadingVagueOrVerb(first[1]!, draft.matchers.cues))
    return addTaskPhrase(draft, raw.slice(first[0].length), field, start + first[0].length, techniques);
  const phrase = raw.replace(/[\s,.;:]+$/, '');
  if (!isTaskPhrase(phrase, draft.matchers.cues, techniques) || draft.matchers.stopPhrases.has(normalizeName(phrase))) return false;
  const text = draft.fieldOf(field)?.text ?? '';
  if (isRepresentationPhrase(phrase, text.slice(start + phrase.length, start + phrase.length + 20), draft.matchers.cues)) return false;
  if (field === 'abstract') {
    const f = draft.fieldOf('abstract')!;
    if (isUsedAsTool(f, start) || isTrainingObjective(f.text, sentenceAt(f, start).start, start)) return false;
  }
  // A name is one kind: a phrase the lists hold as a method, dataset, metric or concept family is not a task.
  const m = draft.matchers;
  if (m.methods.lookup(phrase) || m.datasets.lookup(phrase) || m.metrics.lookup(phrase) || draft.methods.has(phrase)) return false;
  // A field's name (`natural language processing`) is no concept, so it may be the problem a paper takes on.
  const family = m.families.lookup(phrase);
  if (family && !m.cues.hubConcepts.has(normalizeName(family.name))) return false;
  draft.tasks.add(phrase.toLowerCase(), { field, start, end: start + phrase.length }, { written: phrase });
  return true;
}

/**
 * A task phrase found anywhere in the title, unless it ends in a task the paper already has
 * (`object discovery` before `Unsupervised Object Discovery`): the longer one would only add qualifiers.
 */
function addTitleTask(draft: PaperDraft, phrase: string, start: number): void {
  const words = [...phrase.matchAll(/\S+/g)];
  for (let i = 0; i < words.length - 1; i++) {
    const suffix = phrase.slice(words[i]!.index);
    if (draft.tasks.has(suffix)) return;
  }
  addTaskPhrase(draft, phrase, 'title', start, true);
}

/**
 * The longest prefix of a capture after `the task of` that reads as a task (`the task of image
 * captioning in the wild` gives `image captioning`). True when one was taken.
 */
function addLongestPrefix(draft: PaperDraft, raw: string, field: Field, start: number): boolean {
  const words = [...raw.matchAll(/\S+/g)];
  for (let n = Math.min(words.length, 5); n >= 2; n--) {
    const last = words[n - 1]!;
    if (addTaskPhrase(draft, raw.slice(0, last.index + last[0].length), field, start, true)) return true;
  }
  return false;
}

const NUMBER_WORD = /^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?)$/i;

/**
 * Where the task phrase that ends at `end` begins: words are taken back from its head while they
 * can modify a task name, stopping at a clause or vague word (`we`, `on`, `several`), a number
 * (`six text classification tasks`), a verb form (`tackling`, `utilize`) or a capitalised word
 * in mid-sentence. At most five words.
 */
function taskPhraseStart(text: string, end: number, cues: CueWords): number {
  const words = [...text.slice(0, end).matchAll(/[^\s,;:()]+/g)];
  let start = words.at(-1)?.index ?? end;
  for (let i = words.length - 2; i >= 0 && words.length - i <= 5; i--) {
    const word = words[i]!;
    const key = normalizeName(word[0]);
    // A separator between this word and the next ends the phrase.
    if (/[,;:()]/.test(text.slice(word.index + word[0].length, words[i + 1]!.index))) break;
    if (cues.notTaskWords.has(key) || cues.leadingNoise.has(key) || NUMBER_WORD.test(key)) break;
    if (/ing$/.test(key) && !cues.taskHeads.has(key) && !cues.conceptHeads.has(key)) break;
    if (/(?:ize|ise|ify)$/.test(key)) break;
    // A capital in mid-sentence starts a name (`on the Informer forecasting tasks`), not a task's word.
    if (/^\p{Lu}/u.test(word[0]) && !/^\d+D$/.test(word[0]) && !/(?:^|[.!?]\s+)$/.test(text.slice(0, word.index))) break;
    start = word.index;
  }
  return start;
}

/**
 * The tasks of a list a task noun closes (`image captioning, visual grounding and video
 * retrieval tasks`), taken from the noun back: each item must be a task phrase, and the list ends
 * at the first item with other words before its phrase (`we evaluate on A and B tasks`) or at the
 * first that is none. A list after `is a` or `as a` is the kind of problem the sentence's subject
 * is (`X is a metric learning task`), skipped.
 */
function addListedBefore(draft: PaperDraft, f: FieldText, end: number): void {
  const sentence = sentenceAt(f, Math.max(0, end - 1));
  let at = end;
  for (;;) {
    const start = taskPhraseStart(f.text.slice(0, at), at, draft.matchers.cues);
    if (start >= at || start < sentence.start) return;
    if (at === end && isCategoryMention(f.text, start, at)) return;
    if (!addTaskPhrase(draft, f.text.slice(start, at), f.field, start, true)) return;
    // The next item back: `A, B and C`, `A and B`, `A, and B`, `A or B`.
    const joint = /(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/.exec(f.text.slice(Math.max(sentence.start, start - 8), start));
    if (!joint) return;
    at = start - joint[0].length;
  }
}

// A technique the sentence uses rather than a problem it studies: `using X`, `combined with X`, `utilize X`;
// not the problem it is used in (`exploit uncertainty in X`).
const USED_AS_TOOL =
  /\b(?:us(?:e|es|ed|ing)|with|via|by|through|employ\w*|leverag\w*|adopt\w*|apply\w*|applied|utili[sz]\w*|exploit\w*|incorporat\w*|conjunction with|combin\w+ with|based on)\s+(?:(?!(?:in|on|for|to|into|across)\s)\w+\s+){0,2}$/i;

// `X was used to label the data`, `X is applied`: the passive says the same.
const USED_AFTER = /^\s+(?:is|are|was|were|ha(?:s|ve|d) been)\s+(?:\w+ly\s+)?(?:used|employed|adopted|applied|leveraged|utili[sz]ed)\b/i;

/** True when the words before `start` (or, given `end`, a passive after it) use the mention as a tool (`with meta-learning`). */
export function isUsedAsTool(f: FieldText, start: number, end = start): boolean {
  return USED_AS_TOOL.test(f.text.slice(Math.max(sentenceAt(f, start).start, start - 40), start)) || USED_AFTER.test(f.text.slice(end, end + 40));
}

/** Tasks from the title (`for <task>`, a leading task) and the abstract (`the task of X`, `X tasks`). */
export function findTasks(draft: PaperDraft): void {
  for (const f of draft.fields) {
    if (f.field === 'title') {
      for (const match of f.text.matchAll(TITLE_TASK)) {
        const phrase = match[1]!.trim();
        addTaskPhrase(draft, phrase, 'title', match.index + match[0].indexOf(phrase), true);
      }
      const lead = TITLE_LEAD_TASK.exec(f.text.replace(/^[^:]{1,40}:\s+/, ''));
      // `Part-Based Representation Learning for Person Re-Identification`: a technique head that leads a
      // title serving another task is the means, not the problem.
      const means =
        lead && TITLE_SERVES_TASK.test(f.text.slice(f.text.indexOf(lead[1]!) + lead[1]!.length)) && isTechniqueHeaded(lead[1]!, draft.matchers.cues);
      if (lead && !means) {
        // `Sharpening Crop Disease Classification with …`: a verb that opens the title is the paper's act, not the task's word.
        const verb = /^(\p{L}+ing)\s+(?=\S+\s+\S)/u.exec(lead[1]!);
        const cues = draft.matchers.cues;
        const strip =
          verb && !cues.taskHeads.has(normalizeName(verb[1]!)) && !cues.conceptHeads.has(normalizeName(verb[1]!)) && !isTechniqueHeaded(lead[1]!, cues);
        const phrase = strip ? lead[1]!.slice(verb[0].length) : lead[1]!;
        addTaskPhrase(draft, phrase, 'title', f.text.indexOf(phrase), true);
      }
      for (const candidate of titleTaskPhrases(f.text, draft.matchers.cues)) addTitleTask(draft, candidate.phrase, candidate.start);
    } else {
      for (const match of f.text.matchAll(TASK_OF)) addLongestPrefix(draft, match[1]!, f.field, match.index + match[0].indexOf(match[1]!));
      for (const match of f.text.matchAll(TASK_NOUN_AFTER)) addListedBefore(draft, f, match.index + match[1]!.length);
      for (const match of f.text.matchAll(PROPOSAL_FOR)) addLongestPrefix(draft, match[1]!, f.field, match.index + match[0].length - match[1]!.length);
      for (const match of f.text.matchAll(ARTIFACT_FOR)) addLongestPrefix(draft, match[1]!, f.field, match.index + match[0].length - match[1]!.length);
      for (const match of f.text.matchAll(STUDY_CUE)) {
        const phrase = match[1]!;
        addTaskPhrase(draft, phrase, f.field, match.index + match[0].length - phrase.length, true);
      }
    }
  }
}

/**
 * A noun phrase of the abstract that names a task (`image quality assessment`); true when taken.
 * A phrase the title repeats is the paper's subject, so technique heads count there too
 * (`continual learning` in a title about continual learning).
 */
export function addNounPhraseTask(draft: PaperDraft, phrase: NounPhrase, noiseLength: number): boolean {
  const text = phrase.text.slice(noiseLength);
  // Capitalised words in mid-sentence (`results on Wiki Link Prediction`) name a benchmark, not a task.
  const abstract = draft.fieldOf('abstract')!;
  const midSentence = !/(?:^|[.!?:]\s+)$/.test(abstract.text.slice(Math.max(0, phrase.start + noiseLength - 3), phrase.start + noiseLength));
  if (midSentence && text.split(/\s+/).every((w) => /^\p{Lu}/u.test(w))) return false;
  // `a superficial understanding`, `an accurate prediction`: a task's name is a mass noun, so one
  // with an indefinite article is an act or an output, not the name of a problem.
  if (/\b(?:an?|one)\s+$/i.test(abstract.text.slice(Math.max(0, phrase.start - 4), phrase.start))) return false;
  // `we present evidence-aware transfer learning for X`: what the paper proposes is its method, not its problem.
  if (isDirectProposal(abstract, phrase.start + noiseLength)) return false;
  const inTitle = draft.titleKey.includes(` ${normalizeName(text)} `);
  // With no cue word, a noun phrase is a task only where the paper speaks of its own work or its
  // evaluation, or the title names it: background (`deep detectors commonly crop images`) and
  // asides (`useful for failure diagnosis`) name problems the paper does not take on.
  const sentence = sentenceAt(abstract, phrase.start);
  if (!inTitle && !isAboutOwnWork(abstract.text.slice(sentence.start, sentence.end), proposedNames(draft))) return false;
  return addTaskPhrase(draft, text, 'abstract', phrase.start + noiseLength, inTitle);
}

/** The names and aliases of the methods the paper proposes. */
function proposedNames(draft: PaperDraft): string[] {
  return draft.methods
    .values()
    .filter((m) => m.role === 'PROPOSED')
    .flatMap((m) => [m.name, ...m.aliases])
    .filter((n) => n.length > 1);
}

/**
 * True for a sentence about the paper's own work or its evaluation: first person, `this paper`,
 * experiments, or the paper's proposed method by name (`CoCa achieves … on A and B`).
 */
function isAboutOwnWork(sentence: string, proposed: readonly string[]): boolean {
  return OWN_OR_EVALUATION_STRICT.test(sentence) || proposed.some((name) => sentence.includes(name));
}

// Words that tie a sentence to the paper's own work or its evaluation, in the passive too (`a parser
// … is presented`), not to a field's habits: `datasets`, `results` and `state-of-the-art` praise
// others' work as often (`domains such as A and B have popularized large datasets`).
const OWN_OR_EVALUATION_STRICT =
  /\b(?:we|our|us|this (?:paper|work|study|article)|here|the proposed|experiments?|evaluat\w*|outperform\w*|(?:is|are) (?:presented|proposed|described|introduced))\b/i;
// An enumeration of examples before a mention: `tasks such as A, B and C`, `as varied as A and B`.
const EXAMPLES_BEFORE = /\b(?:such as|including|e\.g\.|like|ranging from|as varied as|spanning)\b[^.;]*$/i;

const CONCESSIVE_START = /^\s*(?:Despite|Although|While|Though|Even though|Whereas)\b[^,;]*,/i;
const GAP =
  /\b(?:however|but|still|struggl\w*|poor\w*|remains?|challeng\w*|limit\w*|lack\w*|fail\w*|difficult\w*|unsatisfactor\w*|under-?explored|insufficient\w*|suboptimal|unclear|hinder\w*|bottlenecks?)\b/i;

/**
 * True for a task the paper mentions only as motivation: every mention sits in an enumeration of
 * examples (`tasks such as A, B and C`) in a sentence that says nothing of the paper's own work,
 * its evaluation or its proposed method, and states no gap outside a concessive clause, and the title does not name it.
 * Background lists are not the problems studied.
 */
export function isMotivationOnly(draft: PaperDraft, task: EntityMention): boolean {
  const proposed = proposedNames(draft);
  return task.evidence.every((e) => {
    if (e.field !== 'abstract') return false;
    const f = draft.fieldOf('abstract')!;
    const sentence = sentenceAt(f, e.start);
    const text = f.text.slice(sentence.start, sentence.end);
    if (isAboutOwnWork(text, proposed)) return false;
    if (!EXAMPLES_BEFORE.test(f.text.slice(sentence.start, e.start))) return false;
    // `Despite progress on A and B, models still struggle with tasks such as C`: A and B are background,
    // C is the gap the paper takes on. Outside a concessive clause, a stated gap keeps the examples.
    const concessive = CONCESSIVE_START.exec(text)?.[0].length ?? 0;
    return e.start - sentence.start < concessive || !GAP.test(text.slice(concessive));
  });
}
