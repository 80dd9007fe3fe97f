import type { Counts, PaperGraph, StoredExtraction } from './model.js';

/** What a load tells the store as it begins writing (src/store/load-record.ts). */
export interface LoadStart {
  /** What it loads: absolute paths, `-` for stdin (loaders/read/read-sources.ts recordedSources). */
  sources: string[];
  /** Distinct papers it is to write. */
  papersTotal: number;
}

/**
 * What a load needs of a store: the loaders write graph values through it and read back the
 * records identity is linked from, without knowing which store it is (src/store implements it).
 */
export interface GraphWriter {
  /**
   * Writes papers with their nodes and edges. Each paper's previous edges and results are
   * replaced, so a re-run is idempotent and a changed paper leaves no stale edge. With `loadId`,
   * the papers are counted in that load's record as part of the same write.
   */
  writePapers(graphs: readonly PaperGraph[], loadId?: string): Promise<void>;
  /**
   * Stored papers with the extraction records they were written with, in id order: a page of at
   * most `limit`, of the ids after `after` ('' for the first page). Loads walk the whole corpus
   * this way, a page at a time.
   */
  readExtractions(after: string, limit: number): Promise<StoredExtraction[]>;
  /**
   * How many write batches the store has committed, by any process: a loader that finds it moved
   * past its own writes knows another wrote meanwhile and re-derives identity.
   */
  writeCount(): Promise<number>;
  /**
   * Re-derives CITES and BROADER edges and drops entities no paper points at any more. With
   * `completedLoad`, marks that load completed as part of the same write, and the loads found
   * interrupted meanwhile resumed (it loaded their sources) or superseded.
   */
  refreshDerived(completedLoad?: string): Promise<void>;
  /**
   * Records, durably and before its first batch, that a load begins writing; returns the id its
   * batches and its completion name. A load whose process dies reads as interrupted from then on.
   */
  beginLoad(start: LoadStart): Promise<string>;
  /**
   * True when papers were written that `refreshDerived` has not covered yet: a load is running,
   * or one stopped between its papers and its derived edges (the next load or start finishes it).
   */
  derivedPending(): Promise<boolean>;
  counts(): Promise<Counts>;
}
