import { hasBalancedParentheses, isAbbreviationOf, isLatin, splitTrailingGroup, tidyName, type WordList } from './names.js';

/** A task name as cleaned, or why the row is left out. */
export type CleanTaskName = { ok: true; name: string; acronym?: string; qualifiers: string[] } | { ok: false; reason: string };

/** Longest task name kept, in words: longer rows are descriptions of one leaderboard, not task names. */
export const MAX_TASK_WORDS = 6;

/**
 * Words that head a task name although they have none of the process endings below: a task is
 * something done (`Style Transfer`, `Image Retrieval`, `Visual Odometry`), so its head names an act.
 */
const TASK_HEADS = new Set([
  'attack',
  'avoidance',
  'capture',
  'constancy',
  'control',
  'correspondence',
  'defense',
  'defence',
  'design',
  'discovery',
  'explainability',
  'fairness',
  'forensics',
  'inference',
  'interpretability',
  'learning-to-rank',
  'odometry',
  'qa',
  'recovery',
  'regression',
  'removal',
  'repair',
  'retrieval',
  'robustness',
  'search',
  'similarity',
  'slam',
  'steganography',
  'surveillance',
  'synthesis',
  'transfer',
  'try-on',
  'try-off',
]);

/**
 * Words with a process ending that name a thing, not an act (`Computer Vision`, `Human Motion`,
 * `Document`): a name headed by one is a topic or an object, not a task. Reviewed against the archive's heads.
 */
const NOT_TASK_HEADS = new Set([
  'action',
  'application',
  'argument',
  'attention',
  'basis',
  'being',
  'building',
  'caption',
  'ceiling',
  'clothing',
  'collection',
  'comment',
  'computing',
  'condition',
  'conversation',
  'crisis',
  'department',
  'dimension',
  'distribution',
  'document',
  'education',
  'element',
  'emotion',
  'emphasis',
  'engineering',
  'environment',
  'equipment',
  'evening',
  'everything',
  'experiment',
  'expression',
  'fashion',
  'foundation',
  'function',
  'government',
  'hearing',
  'hypothesis',
  'degradation',
  'information',
  'institution',
  'instrument',
  'intuition',
  'king',
  'management',
  'meaning',
  'mission',
  'moment',
  'morning',
  'motion',
  'movement',
  'nation',
  'nothing',
  'nursing',
  'nutrition',
  'oasis',
  'opinion',
  'painting',
  'population',
  'position',
  'question',
  'racing',
  'region',
  'relation',
  'religion',
  'ring',
  'segment',
  'sentiment',
  'session',
  'setting',
  'situation',
  'something',
  'spring',
  'statement',
  'station',
  'string',
  'tension',
  'thesis',
  'thing',
  'transition',
  'treatment',
  'version',
  'vision',
  'wing',
]);

/** Input and output kinds that a `X-to-Y` task name converts between (`Text-to-SQL`, `Speech-to-Text`). */
const MODALITIES = new Set([
  '3d',
  'abstract',
  'audio',
  'caption',
  'code',
  'cql',
  'cypher',
  'data',
  'document',
  'face',
  'gql',
  'graph',
  'image',
  'images',
  'label',
  'layout',
  'lip',
  'mesh',
  'motion',
  'music',
  'point',
  'program',
  'scene',
  'sequence',
  'shape',
  'sketch',
  'sparql',
  'speech',
  'sql',
  'table',
  'text',
  'title',
  'video',
  'voice',
]);

/** Words after which the rest of a name only says what the act applies to (`Detection of X`, `Recognition in Y`). */
const PREPOSITIONS = new Set([
  'against',
  'across',
  'as',
  'at',
  'between',
  'beyond',
  'by',
  'for',
  'from',
  'in',
  'into',
  'of',
  'on',
  'over',
  'through',
  'to',
  'under',
  'using',
  'via',
  'with',
  'within',
  'without',
]);

/** British spellings folded into American ones, so `Language Modelling` and `Language Modeling` are one task. */
export function americanize(text: string): string {
  return text
    .replace(/isation/g, 'ization')
    .replace(/modelling/g, 'modeling')
    .replace(/labelling/g, 'labeling')
    .replace(/dialogue/g, 'dialog')
    .replace(/colour/g, 'color')
    .replace(/behaviour/g, 'behavior')
    .replace(/defence/g, 'defense');
}

/** True when one lower-case word can head a task name: a listed act, or a word with a process ending that is not a listed thing. */
export function isTaskHeadWord(word: string): boolean {
  const w = americanize(word.toLowerCase());
  if (TASK_HEADS.has(w)) return true;
  if (NOT_TASK_HEADS.has(w)) return false;
  return w.length >= 6 && /(?:tion|sion|ment|sis|ing)$/.test(w);
}

/**
 * The word that heads a task name: the last word before the first preposition (`Emotion
 * Recognition in Conversation` → `Recognition`), of a hyphenated word its last part
 * (`Super-Resolution` → `Resolution`). A whole `X-to-Y` or `X to Y` between two modalities heads itself;
 * any other `A-to-B` (`Surveillance-to-Booking`) is a benchmark's split and heads nothing.
 */
export function findTaskHead(name: string): string | undefined {
  const tokens = name.toLowerCase().split(' ');
  const isConversion = (i: number): boolean => tokens[i] === 'to' && MODALITIES.has(tokens[i - 1] ?? '') && MODALITIES.has(tokens[i + 1] ?? '');
  if (tokens.length === 3 && isConversion(1)) return name.toLowerCase();
  const cut = tokens.findIndex((token, i) => i > 0 && PREPOSITIONS.has(token) && !isConversion(i));
  const head = tokens[(cut < 0 ? tokens.length : cut) - 1];
  if (!head || TASK_HEADS.has(head)) return head;
  const conversion = /^([a-z0-9]+)-to-([a-z0-9]+)$/.exec(head);
  if (conversion) return MODALITIES.has(conversion[1]!) && MODALITIES.has(conversion[2]!) ? head : undefined;
  return head.split('-').at(-1);
}

/**
 * True when the name is headed by an act (see `findTaskHead` and `isTaskHeadWord`) or by the
 * abbreviation of a task (`Few-shot NER`, `Offline RL`), one of `acronyms` in lower case.
 */
export function hasTaskHead(name: string, acronyms: ReadonlySet<string> = new Set()): boolean {
  const head = findTaskHead(name);
  return head !== undefined && (head.includes('-to-') || head.includes(' to ') || acronyms.has(head) || isTaskHeadWord(head));
}

/** What `cleanTaskName` judges a name by. */
export interface TaskNameRules {
  /** Ordinary English, lower case. */
  words: WordList;
  /** One-word names that are English words but tasks wherever they occur (`transliteration`). */
  technical: ReadonlySet<string>;
  /** Abbreviations of tasks, lower case (`ner`, `rl`): they may head a name or stand alone. */
  acronyms?: ReadonlySet<string>;
}

/**
 * A task name's spelling made readable: a slug (`text-guided-image-editing`, `global-optimization`)
 * spaced out, words glued in camel case (`AbbreviationDetection`) split, and words in a broken
 * mix of cases (`MUlTI`, `ClASSIFICATION`) written with one capital.
 */
export function tidyTaskSpelling(name: string, words: WordList): string {
  if (/^(?:\p{Lu}\p{Ll}+){2,}$/u.test(name)) return name.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  const parts = name.split('-');
  const slug =
    !name.includes(' ') &&
    !/-to-/i.test(name) &&
    (parts.length >= 3 || (name === name.toLowerCase() && parts.every((part) => part.length >= 4 && words.has(part))));
  const spaced = slug ? parts.join(' ') : name;
  const isBroken = (word: string): boolean => (word.match(/\p{Lu}/gu) ?? []).length >= 4 && /\p{Ll}(?=.)/u.test(word);
  return spaced.replace(/[^\s-]+/g, (word) => (isBroken(word) ? word[0]!.toUpperCase() + word.slice(1).toLowerCase() : word));
}

/**
 * Cleans one task name: a trailing abbreviation in parentheses becomes an alias
 * (`Named Entity Recognition (NER)`), any other trailing group is a setting and is stripped
 * (`Natural Language Inference (Few-Shot)`). Rows that are not task names are refused with the
 * reason: archive noise, odd punctuation, more than six words, a head that names no act, or one
 * ordinary English word (`Classification`, `Video`) unless `rules.technical` lists it.
 */
export function cleanTaskName(raw: string, rules: TaskNameRules): CleanTaskName {
  const { words, technical, acronyms } = rules;
  let name = tidyName(raw);
  if (!/\p{L}/u.test(name) || /^\(deleted\b/i.test(name) || /^n\/a$/i.test(name)) return { ok: false, reason: 'noise' };
  if (!isLatin(name)) return { ok: false, reason: 'non-Latin script' };
  if (!hasBalancedParentheses(name)) return { ok: false, reason: 'odd punctuation' };
  let acronym: string | undefined;
  const qualifiers: string[] = [];
  for (let group = splitTrailingGroup(name); group; group = splitTrailingGroup(name)) {
    if (!acronym && qualifiers.length === 0 && isAbbreviationOf(group.inner, group.base)) acronym = group.inner;
    else qualifiers.unshift(group.inner);
    name = group.base;
  }
  // `Video Captioning on MSR-VTT`, `6D Pose Estimation using RGB`, `2-task Classification`: a
  // leaderboard's dataset, input or setting is not part of the task.
  const setting = /^(.+?) (?:on (?=\S*\p{Lu}\S*\p{Lu}|\S*\d)|using |within )(.+)$/u.exec(name);
  if (setting) {
    qualifiers.unshift(setting[2]!);
    name = setting[1]!;
  }
  const count = /^(\d+-(?:tasks?|class(?:es)?|ways?|shots?)) (.+)$/i.exec(name);
  if (count) {
    qualifiers.unshift(count[1]!);
    name = count[2]!;
  }
  if (!/^[\p{L}\p{N}](?:[\p{L}\p{N} ]|['-](?=[\p{L}\p{N}]))*$/u.test(name)) return { ok: false, reason: 'odd punctuation' };
  name = tidyTaskSpelling(name, words);
  const tokens = name.split(' ');
  if (tokens.length > MAX_TASK_WORDS) return { ok: false, reason: 'too long' };
  if (tokens.some((token) => /^(\p{L}{4,})\1$/iu.test(token))) return { ok: false, reason: 'noise' };
  if (!hasTaskHead(name, acronyms)) return { ok: false, reason: 'no task head' };
  const single = name.toLowerCase();
  if (!/[\s-]/.test(single) && words.has(single) && !technical.has(single)) return { ok: false, reason: 'ordinary word' };
  return acronym ? { ok: true, name, acronym, qualifiers } : { ok: true, name, qualifiers };
}
