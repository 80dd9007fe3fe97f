import { collectPapers } from '../loaders/collect-papers.js';
import { formatReport } from './cli/format-report.js';
import { readConfig } from './config.js';
import { ConfigError } from './errors.js';
import { createLogger } from './logger.js';

/**
 * `npm start`: reads the configured corpus (the sample corpus by default) and reports what it
 * loaded. The GraphQL server will be started from here once the API exists.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`paper-kg: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const started = performance.now();
  const { report } = await collectPapers(config.corpusPaths, config.read);
  logger.info(
    { files: report.files.length, records: report.records, papers: report.papers, duplicatesMerged: report.duplicatesMerged, rejected: report.rejections.length, ms: Math.round(performance.now() - started) },
    'corpus loaded',
  );
  process.stdout.write(formatReport('paper-kg', report));
}

await main();
