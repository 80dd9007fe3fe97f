/**
 * Builds the project's cleaned copy of the Papers with Code taxonomy: reads `tasks.tsv`,
 * `benchmarks.tsv` and `metrics.tsv` from the archive extract (default `../shared/gazetteers/pwc`
 * beside the repository) and writes `loaders/lexicon/pwc/{tasks,benchmarks,metrics}.json`, one
 * entry a line, sorted, so a rebuild from the same input gives the same bytes.
 *
 *   npx tsx scripts/build-pwc-lexicon.ts [--from DIR] [--words FILE] [--report FILE]
 *
 * The cleaning rules are pure functions in `scripts/pwc/`. "Ordinary English" is decided with a
 * real word list, Debian's `wamerican` (`apt-get install -y wamerican`, `/usr/share/dict/words`):
 * it is needed here, at build time only. The generated JSON is what ships, so the word list is not
 * a runtime dependency. `--report` writes every dropped row (file, line, name, reason) as TSV.
 * The derived lists are shared under CC BY-SA 4.0: see `loaders/lexicon/pwc/LICENSE.md`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildBenchmarkLexicon } from './pwc/build-benchmark-lexicon.js';
import { buildMetricLexicon } from './pwc/build-metric-lexicon.js';
import { buildTaskLexicon } from './pwc/build-task-lexicon.js';
import { countByReason, type Drop } from './pwc/drop.js';
import { formatLexicon } from './pwc/format-lexicon.js';
import { buildMetricKey } from './pwc/metric-name.js';
import { parseWordList } from './pwc/names.js';
import { parseTsv } from './pwc/parse-tsv.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function readInput(path: string, hint: string): string {
  if (!existsSync(path)) throw new Error(`${path} not found: ${hint}`);
  return readFileSync(path, 'utf8');
}

function readNames(file: string): string[] {
  const entries = JSON.parse(readFileSync(join(root, 'loaders/lexicon', file), 'utf8')) as Array<{ name: string; aliases?: string[] }>;
  return entries.flatMap((entry) => [entry.name, ...(entry.aliases ?? [])]);
}

function summarize(file: string, read: number, kept: number, merged: number, drops: readonly Drop[]): void {
  const rows = drops.filter((drop) => !drop.reason.startsWith('alias:'));
  console.log(`${file}: ${read} rows read, ${kept} entries kept, ${merged} rows merged into another row's entry, ${rows.length} rows dropped`);
  for (const [reason, count] of countByReason(drops)) console.log(`  ${String(count).padStart(5)}  ${reason}`);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      from: { type: 'string', default: resolve(root, '../shared/gazetteers/pwc') },
      words: { type: 'string', default: '/usr/share/dict/words' },
      report: { type: 'string' },
    },
  });
  const from = resolve(values.from);
  const words = parseWordList(readInput(values.words, "install Debian's word list with `apt-get install -y wamerican`, or pass --words FILE"));
  const hint = "pass --from DIR, the folder holding the archive's tasks.tsv, benchmarks.tsv and metrics.tsv";
  const taskRows = parseTsv(readInput(join(from, 'tasks.tsv'), hint), ['task', 'parents', 'areas', 'synonyms'], 'tasks.tsv');
  const benchmarkRows = parseTsv(readInput(join(from, 'benchmarks.tsv'), hint), ['benchmark', 'tasks'], 'benchmarks.tsv');
  const metricRows = parseTsv(readInput(join(from, 'metrics.tsv'), hint), ['metric', 'tasks'], 'metrics.tsv');

  const tasks = buildTaskLexicon(taskRows, words);
  const benchmarks = buildBenchmarkLexicon(benchmarkRows, words, tasks.resolve);
  const methodKeys = new Set([...readNames('methods.json'), ...readNames('concept-families.json')].map(buildMetricKey));
  const otherKeys = new Set([...tasks.entries, ...benchmarks.entries].flatMap((entry) => [entry.name, ...entry.aliases]).map(buildMetricKey));
  const metrics = buildMetricLexicon(metricRows, { words, methodKeys, otherKeys });

  const out = join(root, 'loaders/lexicon/pwc');
  mkdirSync(out, { recursive: true });
  const outputs: Array<[string, readonly object[]]> = [
    ['tasks.json', tasks.entries],
    ['benchmarks.json', benchmarks.entries],
    ['metrics.json', metrics.entries],
  ];
  for (const [file, entries] of outputs) {
    const text = formatLexicon(entries);
    writeFileSync(join(out, file), text);
    console.log(`wrote loaders/lexicon/pwc/${file}: ${entries.length} entries, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`);
  }
  summarize('tasks.tsv', taskRows.length, tasks.entries.length, tasks.merged, tasks.drops);
  summarize('benchmarks.tsv', benchmarkRows.length, benchmarks.entries.length, benchmarks.merged, benchmarks.drops);
  summarize('metrics.tsv', metricRows.length, metrics.entries.length, metrics.merged, metrics.drops);
  if (values.report) {
    const drops = [...tasks.drops, ...benchmarks.drops, ...metrics.drops];
    const lines = drops.map((drop) => [drop.file, drop.line, drop.name.replace(/[\t\n]/g, ' '), drop.reason].join('\t'));
    writeFileSync(values.report, `file\tline\tname\treason\n${lines.join('\n')}\n`);
    console.log(`wrote ${values.report}: ${drops.length} dropped rows and aliases`);
  }
}

main();
