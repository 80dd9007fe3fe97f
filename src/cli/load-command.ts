import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { ExtractionCache } from '../../loaders/extraction-cache.js';
import { loadPapers, type LoadProgress } from '../../loaders/load.js';
import type { Config } from '../config.js';
import type { Counts } from '../store/graph-model.js';
import { openStore } from '../store/open-store.js';
import { exitCodeFor, formatReport } from './format-report.js';

/** `kg load <paths...>`: reads, extracts and writes papers into the configured store. */
export function addLoadCommand(program: Command, config: () => Config): void {
  program
    .command('load')
    .description('read paper sources, extract their entities and load them into the graph store (Neo4j when NEO4J_URI is set, else embedded)')
    .argument('<paths...>', 'files, folders (read recursively) or - for stdin')
    .option('--no-cache', 'extract every paper again instead of reusing cached results')
    .action(async (paths: string[], options: { cache: boolean }) => {
      const c = config();
      const store = await openStore(c);
      const progress = createProgress(process.stderr.isTTY === true);
      try {
        const report = await loadPapers(paths, store, {
          ...c.read,
          ...(options.cache ? { cache: new ExtractionCache(`${c.dataDir}/cache`) } : {}),
          onProgress: progress.update,
        });
        progress.stop();
        process.stderr.write(formatReport('kg load', report.read));
        process.stderr.write(
          `  wrote ${report.papersWritten} papers into the ${store.kind} store ` +
            `(read ${report.seconds.read.toFixed(1)} s, extract ${report.seconds.extract.toFixed(1)} s, write ${report.seconds.write.toFixed(1)} s)\n`,
        );
        process.stdout.write(formatCounts(report.counts));
        process.exitCode = exitCodeFor(report.read);
      } finally {
        progress.stop();
        await store.close();
      }
    });
}

/** `kg stats`: node counts per label and relationship counts per type in the configured store. */
export function addStatsCommand(program: Command, config: () => Config): void {
  program
    .command('stats')
    .description('print the number of nodes per label and relationships per type in the configured store')
    .action(async () => {
      const store = await openStore(config());
      try {
        process.stdout.write(formatCounts(await store.counts()));
      } finally {
        await store.close();
      }
    });
}

export function formatCounts(counts: Counts): string {
  const width = 14;
  const lines = ['nodes'];
  for (const [label, n] of Object.entries(counts.labels)) lines.push(`  ${label.padEnd(width)}${String(n).padStart(8)}`);
  lines.push('relationships');
  for (const [type, n] of Object.entries(counts.relationships)) lines.push(`  ${type.padEnd(width)}${String(n).padStart(8)}`);
  return `${lines.join('\n')}\n`;
}

/** A progress bar on a terminal; plain lines, one per phase change, when not. */
function createProgress(tty: boolean): { update: (p: LoadProgress) => void; stop: () => void } {
  let phase = '';
  if (!tty) {
    return {
      update: (p) => {
        if (p.phase !== phase || (p.phase === 'write' && p.done === p.total)) process.stderr.write(`  ${p.phase}${p.total ? ` ${p.done}/${p.total}` : ''}\n`);
        phase = p.phase;
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar({ format: '  {phase} [{bar}] {value}/{total}', stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update: (p) => {
      if (!started) {
        bar.start(Math.max(p.total, 1), p.done, { phase: p.phase });
        started = true;
      }
      bar.setTotal(Math.max(p.total, 1));
      bar.update(p.done, { phase: p.phase.padEnd(7) });
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}
