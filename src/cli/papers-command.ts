import type { Command } from 'commander';
import { collectPapers } from '../../loaders/collect-papers.js';
import type { Config } from '../config.js';
import { exitCodeFor, formatReport } from './format-report.js';
import { writeJsonLines } from './write-lines.js';

/** `kg papers <paths...>`: the de-duplicated papers as JSON lines on stdout, a summary on stderr. */
export function addPapersCommand(program: Command, config: () => Config): void {
  program
    .command('papers')
    .description('read paper sources and print each distinct paper once, as JSON lines')
    .argument('<paths...>', 'files, folders (read recursively) or - for stdin')
    .addHelpText(
      'after',
      '\nFormats: plain-text listings or one abstract per line, JSON lines, JSON arrays or API\n' +
        'responses (arXiv, Semantic Scholar, Hugging Face, OpenAlex), arXiv Atom XML.\n' +
        'Exit codes: 0 all read, 3 read with rejections, 4 nothing could be read.',
    )
    .action(async (paths: string[]) => {
      const { papers, report } = await collectPapers(paths, config().read);
      await writeJsonLines(process.stdout, papers);
      process.stderr.write(formatReport('kg papers', report));
      process.exitCode = exitCodeFor(report);
    });
}
