import { isAbsolute, relative } from 'node:path';
import type { ReadinessCheck } from './store.js';

/**
 * A load's record in the store, beside the graph it writes: begun before its first write batch,
 * counted in every batch's own transaction, completed in the transaction that derives its
 * CITES/BROADER edges. What a crash leaves is therefore exact: a record still `running` whose
 * process is gone, with the number of its papers the store holds.
 */
export interface StoredLoad {
  id: string;
  /** What was loaded: absolute paths, `-` for stdin. */
  sources: string[];
  /** Distinct papers the load was to write. */
  papersTotal: number;
  /** Of those, how many the store holds (committed batches). */
  papersWritten: number;
  startedAt: string;
  /** Last sign of life (each batch, and a heartbeat on Neo4j), ISO time. */
  seenAt: string;
  completedAt: string | null;
  /** The process that runs it, to tell a live load from a dead one. */
  pid: number;
  host: string;
  done: boolean;
  /** Set when a later load completed after this one was interrupted. */
  resolvedBy: { id: string; how: 'resumed' | 'superseded' } | null;
}

/**
 * Where a load stands:
 * - `running`: its process is alive;
 * - `completed`: every paper written and the derived edges with them;
 * - `interrupted`: its process is gone (killed, crashed) before it completed — the store holds
 *   `papersWritten` of its papers; nothing later has finished it;
 * - `resumed`: interrupted, then a later load of the same sources completed it;
 * - `superseded`: interrupted, then a later load of other sources completed: the graph is
 *   consistent, but the papers this one had not written are still missing.
 */
export type LoadState = 'running' | 'completed' | 'interrupted' | 'resumed' | 'superseded';

export interface LoadRecord extends StoredLoad {
  state: LoadState;
}

/** How many load records a store keeps (the newest). */
export const LOADS_KEPT = 20;

/** A stored record's state, given whether its process still runs. */
export function judgeLoad(stored: StoredLoad, alive: boolean): LoadRecord {
  const state: LoadState = stored.done ? 'completed' : alive ? 'running' : (stored.resolvedBy?.how ?? 'interrupted');
  return { ...stored, state };
}

/**
 * Whether loading `sources` again writes every paper of a load of `earlier`: each earlier path is
 * one of them or inside one of their folders. Stdin is never covered — what it carried is gone.
 */
export function coversSources(sources: readonly string[], earlier: readonly string[]): boolean {
  return earlier.every((path) => path !== '-' && sources.some((s) => s !== '-' && (s === path || isInside(path, s))));
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** What a completing load of `sources` makes of an interrupted one: resumed when it covered its sources. */
export function resolutionOf(sources: readonly string[], interrupted: StoredLoad): 'resumed' | 'superseded' {
  return coversSources(sources, interrupted.sources) ? 'resumed' : 'superseded';
}

/**
 * What completing `completing` does to the other records: each interrupted one that nothing
 * finished yet is resumed (its sources were loaded again) or superseded. Running ones are left
 * alone: on Neo4j another load may legitimately be writing at the same time.
 */
export function resolveInterrupted(
  completing: Pick<StoredLoad, 'id' | 'sources'>,
  others: readonly LoadRecord[],
): Array<{ id: string; how: 'resumed' | 'superseded' }> {
  return others.filter((l) => l.id !== completing.id && l.state === 'interrupted').map((l) => ({ id: l.id, how: resolutionOf(completing.sources, l) }));
}

/** The sources of a record as a command line takes them. */
export function sourcesText(load: Pick<StoredLoad, 'sources'>): string {
  return load.sources.map((s) => (/[\s'"]/.test(s) ? JSON.stringify(s) : s)).join(' ');
}

/** One line about a load, for `kg stats` and logs. */
export function describeLoad(load: LoadRecord): string {
  const what = `load of ${sourcesText(load)} started ${load.startedAt}`;
  const progress = `${load.papersWritten} of ${load.papersTotal} papers`;
  switch (load.state) {
    case 'running':
      return `${what}: running (pid ${load.pid} on ${load.host}), ${progress} written so far`;
    case 'completed':
      return `${what}: completed ${load.completedAt ?? ''}, ${load.papersTotal} papers`.replace(' ,', ',');
    case 'interrupted':
      return `${what}: interrupted at ${progress} (pid ${load.pid} on ${load.host} ended before it completed); run \`kg load ${sourcesText(load)}\` again to finish it`;
    case 'resumed':
      return `${what}: interrupted at ${progress}, then completed by load ${load.resolvedBy?.id}`;
    case 'superseded':
      return `${what}: interrupted at ${progress}; a later load of other sources (${load.resolvedBy?.id}) completed, so its other papers are still missing: run \`kg load ${sourcesText(load)}\` to add them`;
  }
}

/**
 * The readiness check on loads. An interrupted load makes the store not ready: it holds part of
 * what it was asked to hold, and serving it as if complete is what this marker exists to prevent
 * (issue 12). A running load does not: writing into a live store is ordinary work on Neo4j, and
 * what it has committed is whole papers with their edges.
 */
export function loadCheck(loads: readonly LoadRecord[]): ReadinessCheck {
  const interrupted = loads.filter((l) => l.state === 'interrupted');
  if (interrupted.length === 0) return { name: 'load', ok: true };
  const first = interrupted[0]!;
  const more = interrupted.length > 1 ? ` (and ${interrupted.length - 1} more interrupted load${interrupted.length > 2 ? 's' : ''})` : '';
  return {
    name: 'load',
    ok: false,
    // No paths: the endpoint is open to anyone; `kg stats` names the sources.
    problem: `a load started ${first.startedAt} was interrupted at ${first.papersWritten} of ${first.papersTotal} papers${more}; run the same \`kg load\` again (\`kg stats\` names its sources)`,
  };
}

/**
 * Loads that stopped short and that nothing has finished since: what a server start must not
 * paper over with its sample corpus.
 */
export function interruptedLoads(loads: readonly LoadRecord[]): LoadRecord[] {
  return loads.filter((l) => l.state === 'interrupted');
}
