/**
 * The project's error family. Each failure kind has one class and one code; expected errors reach
 * the user with what to do, anything else is a bug and is reported as such.
 */
export class KgError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The environment holds a value the server cannot run with. */
export class ConfigError extends KgError {
  constructor(message: string) {
    super('CONFIG_INVALID', message);
  }
}

/** A command was called with arguments it cannot use. */
export class UsageError extends KgError {
  constructor(message: string) {
    super('USAGE', message);
  }
}

/** Process exit codes of the `kg` command, documented in the README. */
export const ExitCode = {
  /** Everything read was loaded. */
  OK: 0,
  /** An unexpected failure: a bug. */
  FAILED: 1,
  /** Bad command-line usage or configuration. */
  USAGE: 2,
  /** Papers were loaded, but some records or files were rejected. */
  LOADED_WITH_REJECTIONS: 3,
  /** Nothing could be read: no paper came out of the given paths. */
  NOTHING_READ: 4,
  /** Nothing was written: another process is writing the embedded store's data folder. */
  DATA_FOLDER_BUSY: 5,
  /** The graph store (Neo4j) could not be reached or refused a query: nothing about the input is wrong. */
  STORE_UNAVAILABLE: 6,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The graph store could not be reached or refused a query. */
export class StoreError extends KgError {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super('STORE_UNAVAILABLE', message);
  }
}

/**
 * A search would examine more of the graph than one request may (a path search between far-apart
 * nodes of a large graph): refused rather than left to hold a core past the request's time limit.
 * Its code is the API's QUERY_TOO_COMPLEX, so clients are told to ask for less.
 */
export class SearchTooLargeError extends KgError {
  constructor(message: string) {
    super('QUERY_TOO_COMPLEX', message);
  }
}

/**
 * Another process holds the embedded store's data folder for writing. The message names it (pid,
 * command, since when) and says how to proceed.
 */
export class DataFolderBusyError extends KgError {
  constructor(
    message: string,
    /** The holder in words: `the paper-kg server (pid 12, since …)`. */
    readonly holder: string,
  ) {
    super('DATA_FOLDER_BUSY', message);
  }
}

/**
 * The embedded store's file changed on disk since this process read it: a process that ignores
 * the data-folder lock wrote it. Saving would overwrite that write, so nothing is saved.
 */
export class DataFolderChangedError extends KgError {
  constructor(message: string) {
    super('DATA_FOLDER_CHANGED', message);
  }
}

/**
 * The graph store refused a query for a reason of its own (a bug in our query, a constraint, a
 * corrupt store): retrying will not help. Reported to clients as an internal error, logged whole.
 */
export class StoreFailureError extends KgError {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super('STORE_FAILURE', message);
  }
}
