import { normalizeName } from '../../src/graph/names.js';
import { cleanBenchmarkName, findVersionBase } from './benchmark-name.js';
import type { Drop } from './drop.js';
import { buildMergeKey, compareNames, isOrdinaryEnglish, pickDisplayName, sortDistinct, tidyName, type WordList } from './names.js';
import { splitList, type TsvRow } from './parse-tsv.js';

/** One benchmark or dataset of the shipped list. */
export interface BenchmarkEntry {
  name: string;
  aliases: string[];
  /** Tasks it is a benchmark for, each an entry of the task list. */
  tasks: string[];
  /** Leaderboard names folded into this entry: its splits, settings and resolutions (`COCO test-dev`). */
  variants?: string[];
  /** The entry this one is a version or size of (`ImageNet-21K` → `ImageNet`). */
  variantOf?: string;
  /** The name or an alias is ordinary English in lower case: match it only as written. */
  caseSensitive?: true;
}

/** The cleaned benchmark list and what was left out. */
export interface BenchmarkLexicon {
  entries: BenchmarkEntry[];
  drops: Drop[];
  /** Rows folded into another row's entry. */
  merged: number;
}

interface Group {
  key: string;
  spellings: string[];
  aliases: Array<{ alias: string; line: number }>;
  variants: string[];
  tasks: string[];
  lines: number[];
}

/**
 * Benchmark names that pass the rules yet are everyday words, not benchmarks (`Evaluate`, `Help`,
 * `Knowledge`): rows where a leaderboard's name field held something else. Reviewed by hand; compared by merge key.
 */
export const NOT_BENCHMARKS: ReadonlySet<string> = new Set(
  ['Evaluate', 'Experimental Results', 'Goal', 'Google', 'Help', 'Knowledge', 'Knowledge-based'].map((name) => buildMergeKey(name)),
);

/**
 * The entry a versioned name belongs to (`ImageNet-21K` → `ImageNet`), from `families` (each
 * entry's name in lower case without separators → the name). The family must be spelt the same up
 * to case (not merely share a key: `ACE 2004` is no version of `ACES`); after a bare number or size
 * suffix it must also match in case and be at least four letters long (`Math23K` is no `MATH`,
 * `HAM10000` no `HAM`).
 */
export function findFamily(name: string, families: ReadonlyMap<string, string>): string | undefined {
  const found = findVersionBase(name);
  if (!found) return undefined;
  const family = families.get(found.family.toLowerCase().replace(/[-\s_]/g, ''));
  if (family === undefined || family === name) return undefined;
  if (found.explicit) return family;
  const bare = (text: string): string => text.replace(/[-\s_]/g, '');
  return bare(family) === bare(found.family) && bare(family).length >= 4 ? family : undefined;
}

/**
 * Builds the benchmark list from the rows of `benchmarks.tsv` (name · tasks): each name cut to its
 * base by `cleanBenchmarkName`, rows with one base merged (their raw names kept as `variants`),
 * tasks kept when `resolveTask` finds them in the task list. A name that is its family's name plus
 * a version or size suffix stays an entry of its own, pointing at the family with `variantOf`.
 * Entries whose name or alias is ordinary English (`Natural Questions`, `ReCoRD`, `Flowers`) are
 * marked `caseSensitive`; an alias claimed by two entries or naming another entry is dropped.
 */
export function buildBenchmarkLexicon(
  rows: readonly TsvRow[],
  words: WordList,
  resolveTask: (raw: string) => string | undefined,
  file = 'benchmarks.tsv',
): BenchmarkLexicon {
  const drops: Drop[] = [];
  const cleanedRows = rows.map((row) => {
    const raw = tidyName(row.cells[0] ?? '');
    return { row, raw, cleaned: cleanBenchmarkName(raw) };
  });
  const keys = new Set(cleanedRows.flatMap(({ cleaned }) => (cleaned.ok ? [buildMergeKey(cleaned.base)] : [])));
  const groups = new Map<string, Group>();
  for (const { row, raw, cleaned } of cleanedRows) {
    // A generic spelling of a real name (`Audio Set` beside `AudioSet`) is that name.
    const base = cleaned.ok ? cleaned.base : cleaned.base !== undefined && keys.has(buildMergeKey(cleaned.base)) ? cleaned.base : undefined;
    if (base === undefined) {
      drops.push({ file, line: row.line, name: raw, reason: cleaned.ok ? 'noise' : cleaned.reason });
      continue;
    }
    // A leaderboard named after its task (`Sentence Compression`) is no benchmark name; one named
    // like a task's abbreviation (`VQA`) is a dataset.
    const task = resolveTask(base);
    if (task !== undefined && buildMergeKey(task) === buildMergeKey(base)) {
      drops.push({ file, line: row.line, name: raw, reason: 'names a task' });
      continue;
    }
    const key = buildMergeKey(base);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, spellings: [], aliases: [], variants: [], tasks: [], lines: [] }));
    group.spellings.push(base);
    group.lines.push(row.line);
    if (cleaned.ok) group.aliases.push(...cleaned.aliases.map((alias) => ({ alias, line: row.line })));
    if (raw !== base) group.variants.push(raw);
    for (const task of splitList(row.cells[1] ?? '')) {
      const resolved = resolveTask(task);
      if (resolved) group.tasks.push(resolved);
    }
  }

  const claims = new Map<string, Set<string>>();
  for (const group of groups.values()) {
    for (const { alias } of group.aliases) {
      const key = buildMergeKey(alias);
      if (key !== group.key) claims.set(key, (claims.get(key) ?? new Set()).add(group.key));
    }
  }
  const display = new Map([...groups.values()].map((group) => [group.key, pickDisplayName(group.spellings)]));
  // A group whose name is ordinary English written in lower case (`fake`, `iris`) would match any text.
  for (const group of [...groups.values()]) {
    const name = display.get(group.key)!;
    const reason = NOT_BENCHMARKS.has(group.key)
      ? 'generic (reviewed list)'
      : name === name.toLowerCase() && isOrdinaryEnglish(name, words)
        ? 'ordinary words in lower case'
        : undefined;
    if (reason === undefined) continue;
    for (const line of group.lines) drops.push({ file, line, name, reason });
    groups.delete(group.key);
  }
  const families = new Map(
    [...groups.keys()].map((key) => [
      display
        .get(key)!
        .toLowerCase()
        .replace(/[-\s_]/g, ''),
      display.get(key)!,
    ]),
  );
  const entries: BenchmarkEntry[] = [];
  for (const group of groups.values()) {
    const name = display.get(group.key)!;
    const aliases: string[] = [];
    for (const { alias, line } of group.aliases) {
      const key = buildMergeKey(alias);
      if (key === group.key) continue;
      if (groups.has(key)) drops.push({ file, line, name: alias, reason: 'alias: names another benchmark' });
      else if (claims.get(key)!.size > 1) drops.push({ file, line, name: alias, reason: 'alias: claimed by several benchmarks' });
      else aliases.push(alias);
    }
    // Spellings the project's normaliser would not fold into the name (`CIFAR10` for `CIFAR-10`).
    const spelled = new Map<string, string[]>();
    for (const spelling of group.spellings) {
      const key = normalizeName(spelling);
      if (key !== normalizeName(name)) spelled.set(key, [...(spelled.get(key) ?? []), spelling]);
    }
    const entry: BenchmarkEntry = {
      name,
      aliases: [...sortDistinct(aliases, group.key), ...[...spelled.values()].map(pickDisplayName)].sort((a, b) => compareNames({ name: a }, { name: b })),
      tasks: sortDistinct(group.tasks),
    };
    const variants = [...new Set(group.variants)].filter((variant) => variant !== name).sort((a, b) => compareNames({ name: a }, { name: b }));
    if (variants.length > 0) entry.variants = variants;
    const familyName = findFamily(name, families);
    if (familyName !== undefined) entry.variantOf = familyName;
    if ([name, ...entry.aliases].some((form) => isOrdinaryEnglish(form, words))) entry.caseSensitive = true;
    entries.push(entry);
  }
  entries.sort(compareNames);
  // Every row accepted is a spelling of exactly one entry; the rows beyond one an entry were merged.
  const merged = [...groups.values()].reduce((sum, group) => sum + group.lines.length, 0) - entries.length;
  return { entries, drops, merged };
}
