import { normalizeName } from '../../src/graph/names.js';
import type { Drop } from './drop.js';
import { buildMetricKey, cleanMetricName, hasMetricTerm, inferHigherIsBetter, isCoinedName } from './metric-name.js';
import { compareNames, pickDisplayName, tidyName, type WordList } from './names.js';
import type { TsvRow } from './parse-tsv.js';

/** One metric of the shipped list. */
export interface MetricEntry {
  name: string;
  aliases: string[];
  /** From the name's pattern (see `inferHigherIsBetter`); null when the name does not say. */
  higherIsBetter: boolean | null;
  /** The name or an alias is one ordinary English word (`Return`, `Reward`): match it only as written. */
  caseSensitive?: true;
  /** The name or an alias also names a method (`MAE`, the masked autoencoder): match it only with a supporting cue. */
  ambiguous?: true;
}

/** The cleaned metric list and what was left out. */
export interface MetricLexicon {
  entries: MetricEntry[];
  drops: Drop[];
  /** Rows folded into another row's entry. */
  merged: number;
}

/** What else the project names, so that a model, dataset or task in the metric column is not taken for a metric. */
export interface MetricContext {
  words: WordList;
  /** Merge keys of methods and concept families (`buildMetricKey` of each name and alias). */
  methodKeys: ReadonlySet<string>;
  /** Merge keys of benchmarks and tasks. */
  otherKeys: ReadonlySet<string>;
}

/**
 * Metric names too generic to be an entity by themselves: the bare kind of a measurement
 * (`Score`, `Error`, `Time`, `Success`) says nothing about which metric. Reviewed by hand; compared by metric key.
 */
export const GENERIC_METRICS: ReadonlySet<string> = new Set(
  [
    'Average',
    'Avg',
    'Count',
    'Error',
    'Index',
    'Loss',
    'Mean',
    'Measure',
    'Metric',
    'Overall',
    'Percentage',
    'Performance',
    'Quality',
    'Rate',
    'Ratio',
    'Result',
    'Score',
    'Size',
    'Speed',
    'Success',
    'Time',
    'Total',
    'Value',
  ].map((name) => buildMetricKey(name)),
);

/** Coined short names in the metric column that are models, data or settings, not metrics. Reviewed by hand; compared by metric key. */
export const NOT_METRICS: ReadonlySet<string> = new Set(
  [
    'API',
    'BERT',
    'CNN',
    'CPU',
    'GPU',
    "Hub5'00",
    'LEDGAR',
    'LLM',
    'LSTM',
    'NER',
    'NLP',
    'OP',
    'OUT-OF-DOMAIN',
    'POS',
    'RE',
    'RNN',
    'SwitchBoard',
    'Text2Mol',
    'VLM',
  ].map((name) => buildMetricKey(name)),
);

/** Metric names that are also methods although the method list may not say so. */
export const AMBIGUOUS_METRICS: ReadonlySet<string> = new Set(['MAE'].map((name) => buildMetricKey(name)));

/**
 * English words that, in a paper, are the metric wherever they occur (`accuracy`, `recall`): they
 * need no capital. Any other one-word metric that is an English word is marked `caseSensitive`.
 */
const METRIC_WORDS: ReadonlySet<string> = new Set(['accuracy', 'latency', 'perplexity', 'precision', 'recall', 'sensitivity', 'specificity']);

interface Group {
  key: string;
  spellings: string[];
  aliases: Array<{ alias: string; line: number }>;
  lines: number[];
}

/**
 * Builds the metric list from the rows of `metrics.tsv` (name · tasks): each name cut to its base
 * by `cleanMetricName`, kept when it reads as a metric (a metric pattern or a measurement word, or
 * a coined short name that the project does not know as a method, dataset or task), rows with one
 * key merged, and a row that is only another row's abbreviation (`WER` beside `Word Error Rate
 * (WER)`) folded into it, the most written spelling becoming the name.
 */
export function buildMetricLexicon(rows: readonly TsvRow[], context: MetricContext, file = 'metrics.tsv'): MetricLexicon {
  const { words, methodKeys, otherKeys } = context;
  const drops: Drop[] = [];
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const raw = tidyName(row.cells[0] ?? '');
    const drop = (reason: string): void => void drops.push({ file, line: row.line, name: raw, reason });
    const cleaned = cleanMetricName(raw);
    if (!cleaned.ok) {
      drop(cleaned.reason);
      continue;
    }
    const key = buildMetricKey(cleaned.base);
    if (GENERIC_METRICS.has(key)) {
      drop('generic word');
      continue;
    }
    const known = hasMetricTerm(cleaned.base);
    if (!known && (!isCoinedName(cleaned.base) || NOT_METRICS.has(key))) {
      drop('not a metric name');
      continue;
    }
    // `RACE-h`: a benchmark's part, named by the benchmark before the hyphen.
    const family = buildMetricKey(cleaned.base.split('-')[0]!);
    if (!known && (otherKeys.has(key) || methodKeys.has(key) || (cleaned.base.includes('-') && otherKeys.has(family)))) {
      drop('names a dataset, task or method');
      continue;
    }
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, spellings: [], aliases: [], lines: [] }));
    group.spellings.push(cleaned.base);
    group.lines.push(row.line);
    group.aliases.push(...cleaned.aliases.map((alias) => ({ alias, line: row.line })));
  }

  const claims = new Map<string, Set<string>>();
  const claim = (): void => {
    claims.clear();
    for (const group of groups.values()) {
      for (const { alias } of group.aliases) {
        const key = buildMetricKey(alias);
        if (key !== group.key) claims.set(key, (claims.get(key) ?? new Set()).add(group.key));
      }
    }
  };
  claim();
  // `WER` beside `Word Error Rate (WER)`: one metric, named as the leaderboards write it most.
  for (const group of [...groups.values()]) {
    const owners = claims.get(group.key);
    if (owners?.size !== 1) continue;
    const owner = groups.get([...owners][0]!);
    if (!owner || owner === group) continue;
    owner.spellings.push(...group.spellings);
    owner.aliases.push(...group.aliases);
    owner.lines.push(...group.lines);
    groups.delete(group.key);
  }
  claim();

  const entries: MetricEntry[] = [];
  for (const group of groups.values()) {
    const name = pickDisplayName(group.spellings);
    const forms = new Map<string, string[]>();
    const addForm = (form: string): void => {
      const key = normalizeName(form);
      if (key && key !== normalizeName(name)) forms.set(key, [...(forms.get(key) ?? []), form]);
    };
    for (const spelling of group.spellings) addForm(spelling);
    for (const { alias, line } of group.aliases) {
      const key = buildMetricKey(alias);
      if (key !== group.key && groups.has(key)) drops.push({ file, line, name: alias, reason: 'alias: names another metric' });
      else if (key !== group.key && (claims.get(key)?.size ?? 0) > 1) drops.push({ file, line, name: alias, reason: 'alias: claimed by several metrics' });
      // A two- or three-letter alias that is an English word (`LA`, `UA`) would match ordinary text.
      else if (alias.length <= 3 && words.has(alias.toLowerCase())) drops.push({ file, line, name: alias, reason: 'alias: ordinary word' });
      else addForm(alias);
    }
    const aliases = [...forms.values()].map(pickDisplayName).sort((a, b) => compareNames({ name: a }, { name: b }));
    const entry: MetricEntry = {
      name,
      aliases,
      higherIsBetter: [name, ...aliases].map(inferHigherIsBetter).find((direction) => direction !== null) ?? null,
    };
    const all = [name, ...aliases];
    if (all.some((form) => !/[\s\d]/.test(form) && words.has(form.toLowerCase()) && !METRIC_WORDS.has(form.toLowerCase()))) entry.caseSensitive = true;
    if (all.some((form) => methodKeys.has(buildMetricKey(form)) || AMBIGUOUS_METRICS.has(buildMetricKey(form)))) entry.ambiguous = true;
    entries.push(entry);
  }
  entries.sort(compareNames);
  // Every row accepted is a spelling of exactly one entry; the rows beyond one an entry were merged.
  const merged = [...groups.values()].reduce((sum, group) => sum + group.lines.length, 0) - entries.length;
  return { entries, drops, merged };
}
