import cliProgress from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { ExtractionCache } from '../../loaders/extraction-cache.js';
import { defaultWorkers } from '../../loaders/extract-pool.js';
import { loadPapers, WRITE_BATCH, type LoadProgress } from '../../loaders/load.js';
import type { Config } from '../config.js';
import { describeHolder } from '../store/embedded/data-folder-lock.js';
import { EmbeddedStore } from '../store/embedded/embedded-store.js';
import { describeLoad, interruptedLoads } from '../store/load-record.js';
import { openStore } from '../store/open-store.js';
import { exitCodeFor, formatReport } from './format-report.js';
import { describeStore, formatCounts } from './stats-command.js';

/**
 * `kg load <paths...>`: reads, extracts and writes papers into the configured store. On the
 * embedded store it holds the data folder from start to end (one writer at a time) and exits 5,
 * writing nothing, when another process holds it, unless `--wait` lets it queue. It says which
 * interrupted loads it found, and whether it resumed them (same sources) or only superseded them.
 */
export function addLoadCommand(program: Command, config: () => Config): void {
  program
    .command('load')
    .description('read paper sources, extract their entities and load them into the graph store (Neo4j when NEO4J_URI is set, else embedded)')
    .argument('<paths...>', 'files, folders (read recursively) or - for stdin')
    .option('--no-cache', 'extract every paper again instead of reusing cached results')
    .option('--workers <n>', 'worker threads that extract papers (default: one per core; 1 extracts in the main thread)', parseWorkers, defaultWorkers())
    .option(
      '--wait <seconds>',
      'when another process writes the embedded data folder, wait up to this long for it instead of stopping at once',
      parseSeconds,
      0,
    )
    .option('--batch-size <papers>', 'papers per write transaction', parseBatchSize, WRITE_BATCH)
    .addHelpText(
      'after',
      '\nExit codes: 0 all loaded, 3 loaded with rejections, 4 nothing could be read,\n5 nothing written: another process (the server, another load) writes the embedded data folder,\n6 the store (Neo4j) could not be reached.',
    )
    .action(async (paths: string[], options: { cache: boolean; wait: number; workers: number; batchSize: number }) => {
      const c = config();
      const store = await openStore(c, {
        access: 'write',
        holder: { role: 'load', command: `kg load ${paths.join(' ')}`.slice(0, 300) },
        waitSeconds: options.wait,
        onWait: (busy) => process.stderr.write(`kg load: ${c.dataDir} is in use by ${busy.holder}; waiting up to ${options.wait} s for it\n`),
      });
      const progress = createProgress(process.stderr.isTTY === true);
      try {
        if (store instanceof EmbeddedStore && store.tookOverFrom) {
          process.stderr.write(
            `kg load: took over ${c.dataDir} from ${describeHolder(store.tookOverFrom)}, which ended without releasing it (every write it reported done was saved; work it had not finished is not in the store)\n`,
          );
        }
        if (await store.derivedPending())
          process.stderr.write('kg load: derived edges (CITES, BROADER) were pending from an earlier load; this load derives them\n');
        const interrupted = interruptedLoads(await store.loads());
        for (const load of interrupted) process.stderr.write(`kg load: found a ${describeLoad(load)}\n`);
        const report = await loadPapers(paths, store, {
          ...c.read,
          ...(options.cache ? { cache: new ExtractionCache(`${c.dataDir}/cache`) } : {}),
          workers: options.workers,
          batchSize: options.batchSize,
          onProgress: progress.update,
        });
        progress.stop();
        if (interrupted.length > 0) {
          const now = new Map((await store.loads()).map((l) => [l.id, l]));
          for (const load of interrupted) {
            const after = now.get(load.id);
            if (after?.state === 'resumed')
              process.stderr.write(`kg load: resumed the interrupted load of ${load.startedAt}: its sources are loaded in full\n`);
            else if (after) process.stderr.write(`kg load: ${describeLoad(after)}\n`);
          }
        }
        process.stderr.write(formatReport('kg load', report.read));
        process.stderr.write(
          `  wrote ${report.papersWritten} papers into ${describeStore(store, c)} ` +
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

function parseBatchSize(value: string): number {
  const papers = Number(value);
  if (!Number.isInteger(papers) || papers < 1) throw new InvalidArgumentError(`"${value}" is not a number of papers (1 or more).`);
  return papers;
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new InvalidArgumentError(`"${value}" is not a number of seconds (0 or more).`);
  return seconds;
}

/** A progress bar on a terminal; plain lines when not, one per phase change and one per write batch committed. */
function createProgress(tty: boolean): { update: (p: LoadProgress) => void; stop: () => void } {
  let phase = '';
  if (!tty) {
    return {
      update: (p) => {
        // Each committed batch gets its line: a log then shows how far a load that died had come.
        if (p.phase !== phase || p.phase === 'write') process.stderr.write(`  ${p.phase}${p.total ? ` ${p.done}/${p.total}` : ''}\n`);
        phase = p.phase;
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: '  {phase} [{bar}] {value}/{total}', stream: process.stderr, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
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

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError(`--workers must be a whole number from 1 to 64; got "${value}".`);
  return n;
}
