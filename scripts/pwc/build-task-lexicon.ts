import { normalizeName } from '../../src/graph/names.js';
import type { Drop } from './drop.js';
import { buildMergeKey, compareNames, editDistance, isOrdinaryEnglish, pickDisplayName, sortDistinct, splitWords, tidyName, type WordList } from './names.js';
import { splitList, type TsvRow } from './parse-tsv.js';
import { americanize, cleanTaskName, findTaskHead, isTaskHeadWord, type CleanTaskName } from './task-name.js';

/** One task of the shipped list. */
export interface TaskEntry {
  name: string;
  aliases: string[];
  /** Broader tasks, each itself an entry of the list. */
  parents: string[];
  /** Papers with Code's areas: `cv`, `nlp`, `other`. */
  areas: string[];
}

/** The cleaned task list, what was left out, and a look-up from any raw task name to its entry's name. */
export interface TaskLexicon {
  entries: TaskEntry[];
  drops: Drop[];
  /** Rows folded into another row's entry (same name up to case, spacing, spelling or a stripped setting). */
  merged: number;
  resolve: (raw: string) => string | undefined;
}

/**
 * One-word task names that are ordinary English words yet name a task wherever a paper uses them.
 * Reviewed by hand: `Translation`, `Segmentation` or `Clustering` are words of other senses and stay out.
 */
export const ONE_WORD_TASKS: ReadonlySet<string> = new Set(['cryptanalysis', 'imputation', 'lipreading', 'transliteration']);

/**
 * Names that pass the rules yet are not tasks: everyday phrases (`Decision Making`), fields
 * (`Deep Learning`), an algorithm (`Q-Learning`) or a benchmark's setting (`Image-Variation`).
 * Matched in text they would make an entity of ordinary English. Reviewed by hand; compared by task key.
 */
export const NOT_TASKS: ReadonlySet<string> = new Set(
  ['Benchmarking', 'Data Mining', 'Decision Making', 'Deep Learning', 'Image-Variation', 'Q-Learning', 'Self-Learning', 'Text-Variation'].map((name) =>
    buildTaskKey(name),
  ),
);

/** How often a head must lead other names before a rare near-spelling of it counts as a misspelling. */
const COMMON_HEAD = 5;

/**
 * The common head word `head` misspells (`Recogntion` → `recognition`), or undefined: a head that
 * is no English word leads at most two names and is one edit (or two dropped letters: `Dection`)
 * from a head that leads at least five. A prefixed form (`Reranking`, `Relocalization`) is a word of its own.
 */
export function findMisspelledHead(head: string, counts: ReadonlyMap<string, number>, words: WordList): string | undefined {
  if (head.length < 6 || words.has(head) || (counts.get(head) ?? 0) > 2) return undefined;
  for (const [common, count] of counts) {
    if (count < COMMON_HEAD || common === head || head.endsWith(common)) continue;
    const distance = editDistance(head, common);
    if (distance === 1 || (distance === 2 && common.length - head.length === 2)) return common;
  }
  return undefined;
}

/**
 * True when `parent` may stand as a broader task of `child`. A parent with every word of the child
 * and more is narrower, not broader (`Super-Resolution` → `3D Object Super-Resolution`). And the
 * archive fills some rows' parents with its alphabetically first tasks (`10-shot image
 * generation`, `2D Classification`), so a parent whose name starts with a digit must have the
 * child's head and share another word with it, other than a `2D`/`3D`.
 */
export function isPlausibleParent(parent: string, child: string): boolean {
  const parentWords = splitWords(parent);
  const childWords = splitWords(child);
  if (parentWords.length > childWords.length && childWords.every((word) => parentWords.includes(word))) return false;
  if (!/^\d/.test(parent)) return true;
  const head = findTaskHead(parent);
  if (head === undefined || head !== findTaskHead(child)) return false;
  return parentWords.some((word) => word !== head && !/^\d+d$/.test(word) && childWords.includes(word));
}

/** The key under which task names are one task: the merge key with British spellings folded. */
export function buildTaskKey(name: string): string {
  return americanize(buildMergeKey(name));
}

/**
 * True when `name` is a cut-off copy of a longer name in `all`: a prefix of it that stops inside
 * a word (`1 Image, 2*2 Stitchi`) whose last word is neither English nor a task head, or a suffix
 * of it that starts inside a word (`mage-to-Text Retrieval`) with a first word that is not English.
 */
export function isTruncated(name: string, all: readonly string[], words: WordList): boolean {
  const lower = name.toLowerCase();
  const parts = lower.split(/[\s-]+/);
  // Only a cut inside a lower-case run: `3D` before `3DGS` or `NER` before `NeRF` are whole words.
  const cutEnd = /\p{Ll}$/u.test(name) && !words.has(parts.at(-1)!) && !isTaskHeadWord(parts.at(-1)!);
  const cutStart = /^\p{Ll}/u.test(name) && !words.has(parts[0]!);
  if (!cutEnd && !cutStart) return false;
  return all.some((other) => {
    if (other.length <= name.length) return false;
    const otherLower = other.toLowerCase();
    if (cutEnd && otherLower.startsWith(lower) && /\p{Ll}/u.test(other[name.length]!)) return true;
    return cutStart && otherLower.endsWith(lower) && /\p{L}/u.test(other[other.length - name.length - 1]!);
  });
}

interface Group {
  key: string;
  spellings: string[];
  aliases: string[];
  parents: string[];
  areas: Set<string>;
  lines: number[];
}

const AREAS = new Set(['cv', 'nlp', 'other']);

/**
 * Builds the task list from the rows of `tasks.tsv` (task · parents · areas · synonyms): each row
 * cleaned by `cleanTaskName`, rows with one key merged, aliases that another entry also claims or
 * that name another entry dropped, parents kept only when they are entries themselves.
 */
export function buildTaskLexicon(rows: readonly TsvRow[], words: WordList, file = 'tasks.tsv'): TaskLexicon {
  const drops: Drop[] = [];
  const names = rows.map((row) => tidyName(row.cells[0] ?? ''));
  // Abbreviations the archive itself spells out (`Named Entity Recognition (NER)`) may head a name or stand alone.
  const acronyms = new Set<string>();
  for (const name of names) {
    const cleaned = cleanTaskName(name, { words, technical: ONE_WORD_TASKS });
    if (cleaned.ok && cleaned.acronym && !isOrdinaryEnglish(cleaned.acronym, words)) acronyms.add(cleaned.acronym.toLowerCase());
  }
  const rules = { words, technical: ONE_WORD_TASKS, acronyms };
  const cleanedRows: CleanTaskName[] = names.map((name) => cleanTaskName(name, rules));
  const headCounts = new Map<string, number>();
  for (const cleaned of cleanedRows) {
    const head = cleaned.ok ? findTaskHead(cleaned.name) : undefined;
    if (head) headCounts.set(americanize(head), (headCounts.get(americanize(head)) ?? 0) + 1);
  }
  const groups = new Map<string, Group>();
  rows.forEach((row, i) => {
    const raw = names[i]!;
    const drop = (reason: string): void => void drops.push({ file, line: row.line, name: raw, reason });
    if (isTruncated(raw, names, words)) return drop('truncated');
    const cleaned = cleanedRows[i]!;
    if (!cleaned.ok) return drop(cleaned.reason);
    const head = findTaskHead(cleaned.name);
    if (head && findMisspelledHead(americanize(head), headCounts, words)) return drop('misspelt');
    const key = buildTaskKey(cleaned.name);
    if (NOT_TASKS.has(key)) return drop('not a task (reviewed list)');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, spellings: [], aliases: [], parents: [], areas: new Set(), lines: [] }));
    group.spellings.push(cleaned.name);
    group.lines.push(row.line);
    if (cleaned.acronym) group.aliases.push(cleaned.acronym);
    for (const synonym of splitList(row.cells[3] ?? '')) {
      const alias = cleanTaskName(synonym, rules);
      if (alias.ok) group.aliases.push(alias.name, ...(alias.acronym ? [alias.acronym] : []));
      else drops.push({ file, line: row.line, name: tidyName(synonym), reason: `alias: ${alias.reason}` });
    }
    group.parents.push(...splitList(row.cells[1] ?? ''));
    for (const area of splitList(row.cells[2] ?? '')) if (AREAS.has(area.toLowerCase())) group.areas.add(area.toLowerCase());
  });

  // A row that is only another entry's abbreviation (`NER`) is that entry, not a task of its own.
  const claims = new Map<string, Set<string>>();
  const claim = (): void => {
    claims.clear();
    for (const group of groups.values()) {
      for (const alias of group.aliases) {
        const key = buildTaskKey(alias);
        if (key !== group.key) claims.set(key, (claims.get(key) ?? new Set()).add(group.key));
      }
    }
  };
  claim();
  for (const group of [...groups.values()]) {
    const owners = claims.get(group.key);
    if (owners?.size !== 1 || !acronyms.has(group.key)) continue;
    const owner = groups.get([...owners][0]!)!;
    owner.aliases.push(...group.spellings);
    owner.lines.push(...group.lines);
    owner.parents.push(...group.parents);
    for (const area of group.areas) owner.areas.add(area);
    groups.delete(group.key);
  }
  claim();

  const display = new Map([...groups.values()].map((group) => [group.key, pickDisplayName(group.spellings)]));
  const resolve = (raw: string): string | undefined => {
    const cleaned = cleanTaskName(raw, rules);
    if (!cleaned.ok) return undefined;
    const key = buildTaskKey(cleaned.name);
    const owners = claims.get(key);
    return display.get(key) ?? (owners?.size === 1 ? display.get([...owners][0]!) : undefined);
  };

  // An alias is kept only when exactly one entry claims it and it names no entry of its own.
  const entries: TaskEntry[] = [];
  for (const group of groups.values()) {
    const name = display.get(group.key)!;
    const aliases: string[] = [];
    for (const alias of group.aliases) {
      const key = buildTaskKey(alias);
      const reason =
        key === group.key
          ? undefined
          : groups.has(key)
            ? 'alias: names another task'
            : claims.get(key)!.size > 1
              ? 'alias: claimed by several tasks'
              : !alias.includes(' ') && isOrdinaryEnglish(alias, words)
                ? 'alias: ordinary word'
                : undefined;
      if (reason) drops.push({ file, line: group.lines[0]!, name: alias, reason });
      else if (key !== group.key) aliases.push(alias);
    }
    // Other spellings the project's normaliser would not fold into the name (`Modelling`/`Modeling`).
    for (const spelling of group.spellings) if (normalizeName(spelling) !== normalizeName(name)) aliases.push(spelling);
    const parents = group.parents
      .filter((parent) => isPlausibleParent(tidyName(parent), name))
      .map(resolve)
      .filter((parent): parent is string => parent !== undefined && parent !== name);
    entries.push({ name, aliases: sortDistinct(aliases, buildMergeKey(name)), parents: sortDistinct(parents), areas: [...group.areas].sort() });
  }
  entries.sort(compareNames);
  // Every row accepted is a spelling of exactly one entry; the rows beyond one an entry were merged.
  const merged = [...groups.values()].reduce((sum, group) => sum + group.lines.length, 0) - entries.length;
  return { entries, drops, merged, resolve };
}
