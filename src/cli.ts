import { Command, CommanderError } from 'commander';
import { addExtractCommand } from './cli/extract-command.js';
import { addLoadCommand } from './cli/load-command.js';
import { addPapersCommand } from './cli/papers-command.js';
import { addStatsCommand } from './cli/stats-command.js';
import { readConfig, type Config } from './config.js';
import { DataFolderBusyError, ExitCode, KgError, StoreError, StoreFailureError } from './errors.js';

/** Builds the `kg` command-line program; config is read lazily so `--help` never needs it. */
export function createProgram(): Command {
  let config: Config | undefined;
  const getConfig = (): Config => (config ??= readConfig());
  const program = new Command('kg').description('Build and query a knowledge graph of research papers.').showHelpAfterError().exitOverride();
  addPapersCommand(program, getConfig);
  addExtractCommand(program, getConfig);
  addLoadCommand(program, getConfig);
  addStatsCommand(program, getConfig);
  return program;
}

/** Runs the program on argv and sets the exit code; expected errors print their message only. */
export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    await createProgram().parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
    } else if (error instanceof StoreError) {
      // Not a usage error: the same command works once the store is back, so scripts may retry on 6.
      process.stderr.write(`kg: ${storeProblem(error)}\n`);
      process.exitCode = ExitCode.STORE_UNAVAILABLE;
    } else if (error instanceof StoreFailureError) {
      // Neo4j refused a query of ours: a bug to report, not a usage error.
      process.stderr.write(`kg: ${error.message}\n`);
      process.exitCode = ExitCode.FAILED;
    } else if (error instanceof KgError) {
      process.stderr.write(`kg: ${error.message}\n`);
      process.exitCode = error instanceof DataFolderBusyError ? ExitCode.DATA_FOLDER_BUSY : ExitCode.USAGE;
    } else {
      process.stderr.write(`kg: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = ExitCode.FAILED;
    }
  }
}

/**
 * A StoreError in one line, with what to check. The driver's connection message is a paragraph of
 * generic advice; its `Caused by:` part (ECONNREFUSED, ENOTFOUND, …) is the useful bit.
 */
export function storeProblem(error: StoreError, uri: string | undefined = process.env['NEO4J_URI']): string {
  let line = error.message.split('\n', 1)[0]!.trim();
  const cause = /^(.*?): Failed to connect to server\..*Caused by: (.+)$/.exec(line);
  if (cause) line = `${cause[1]}: ${cause[2]}`;
  // Query failures do not name the store; connection failures already do.
  const where = uri && !line.includes(uri) ? ` (Neo4j at ${uri})` : '';
  return `${line}${where}; check that Neo4j is running and reachable there, and NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD`;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/src/cli.ts')) {
  await runCli(process.argv);
}
