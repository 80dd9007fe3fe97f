import type { Command } from 'commander';
import { collectPapers } from '../../loaders/collect-papers.js';
import { extractCorpus } from '../../loaders/corpus-identity.js';
import { ExtractionCache } from '../../loaders/extraction-cache.js';
import type { Config } from '../config.js';
import { exitCodeFor, formatReport } from './format-report.js';
import { writeJsonLines } from './write-lines.js';

/** `kg extract <paths...>`: each distinct paper once with its entities, as JSON lines on stdout. */
export function addExtractCommand(program: Command, config: () => Config): void {
  program
    .command('extract')
    .description('read paper sources, extract methods, datasets, tasks, metrics, results, code links and concepts, print one JSON line per paper')
    .argument('<paths...>', 'files, folders (read recursively) or - for stdin')
    .option('--no-cache', 'extract every paper again instead of reusing cached results')
    .action(async (paths: string[], options: { cache: boolean }) => {
      const { read, dataDir } = config();
      const { papers, report } = await collectPapers(paths, read);
      const cache = options.cache ? new ExtractionCache(`${dataDir}/cache`) : undefined;
      const started = performance.now();
      const extracted = extractCorpus(papers, cache);
      const seconds = (performance.now() - started) / 1000;
      await writeJsonLines(process.stdout, extracted);
      process.stderr.write(formatReport('kg extract', report));
      process.stderr.write(
        `  extracted ${extracted.length} papers in ${seconds.toFixed(2)} s` + (cache ? ` (cache: ${cache.hits} reused, ${cache.misses} extracted)` : '') + '\n',
      );
      process.exitCode = exitCodeFor(report);
    });
}
