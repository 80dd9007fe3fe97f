import { readConfig, type Config } from './config.js';
import { ConfigError, DataFolderBusyError, ExitCode, KgError, StoreError } from './errors.js';
import { startApp } from './app.js';
import { createLogger } from './logger.js';

/**
 * `npm start`: serves the configured store over GraphQL — the embedded store with the sample
 * corpus (loaded and cached on first start) unless `NEO4J_URI` points at Neo4j. SIGTERM and
 * Ctrl-C finish the requests in flight, then exit.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`paper-kg: ${error.message}\n`);
      process.exit(ExitCode.USAGE);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let server;
  try {
    server = await startApp({
      port: config.port,
      host: config.host,
      dataDir: config.dataDir,
      corpusPaths: config.corpusPaths,
      corsOrigins: config.corsOrigins,
      corsCredentials: config.corsCredentials,
      debugErrors: config.debugErrors,
      admission: config.admission,
      ...(config.health ? { health: config.health } : {}),
      logger,
      ...(config.neo4j ? { neo4j: config.neo4j } : {}),
      ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    });
  } catch (error) {
    // A busy data folder is an expected refusal: its message says all, no stack trace in the log.
    if (!(error instanceof DataFolderBusyError)) logger.fatal({ err: error }, 'server could not start');
    process.stderr.write(`paper-kg: ${error instanceof KgError ? error.message : (error as Error).stack}\n`);
    process.exit(error instanceof DataFolderBusyError ? ExitCode.DATA_FOLDER_BUSY : error instanceof StoreError ? ExitCode.STORE_UNAVAILABLE : ExitCode.FAILED);
  }
  process.stdout.write(
    `paper-kg: GraphQL at ${server.url}/graphql, playground at ${server.url}/playground, explorer at ${server.url}/explorer (${server.store.kind} store)\n`,
  );
  if (server.healthUrl) process.stdout.write(`paper-kg: liveness at ${server.healthUrl}/healthz (a thread of its own)\n`);
  const stop = async (signal: string): Promise<void> => {
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    await server.close();
    process.exit(ExitCode.OK);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

await main();
