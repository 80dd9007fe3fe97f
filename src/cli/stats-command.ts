import type { Command } from 'commander';
import type { Config } from '../config.js';
import { describeHolder } from '../store/embedded/data-folder-lock.js';
import { EmbeddedStore } from '../store/embedded/embedded-store.js';
import type { Counts } from '../graph/model.js';
import { describeLoad, type LoadRecord } from '../store/load-record.js';
import { openStore } from '../store/open-store.js';
import type { GraphStore } from '../store/store.js';

/**
 * `kg stats`: node counts per label and relationship counts per type in the configured store. It
 * reads without taking the embedded data folder, so it runs beside the server or a load, and says
 * on stderr what it read: which save, who holds the folder, whether derived edges are pending,
 * the last load and every load that stopped short of its sources.
 */
export function addStatsCommand(program: Command, config: () => Config): void {
  program
    .command('stats')
    .description('print the number of nodes per label and relationships per type in the configured store (reads beside a running server)')
    .addHelpText('after', '\nExit codes: 0 counts printed, 2 bad configuration, 6 the store (Neo4j) could not be reached.')
    .action(async () => {
      const c = config();
      const store = await openStore(c, { access: 'read' });
      try {
        process.stdout.write(formatCounts(await store.counts()));
        process.stderr.write(`kg stats: ${describeRead(store, c)}\n`);
        if (await store.derivedPending()) process.stderr.write(`  ${DERIVED_PENDING}\n`);
        for (const line of describeLoads(await store.loads())) process.stderr.write(`  ${line}\n`);
      } finally {
        await store.close();
      }
    });
}

export const DERIVED_PENDING =
  'derived edges (CITES, BROADER) are pending: papers were written without them (a load is running, or one stopped before deriving them); the next `kg load` or server start derives them.';

/**
 * The loads worth a line: the last one, and every other that is running or stopped short of its
 * sources (interrupted, or superseded by a load of other sources).
 */
export function describeLoads(loads: readonly LoadRecord[]): string[] {
  if (loads.length === 0) return ['no load is recorded in this store'];
  const [last, ...earlier] = loads;
  const open = earlier.filter((l) => l.state === 'running' || l.state === 'interrupted' || l.state === 'superseded');
  return [`last ${describeLoad(last!)}`, ...open.map((l) => `earlier ${describeLoad(l)}`)];
}

/** Where a store's numbers come from, in words. */
export function describeStore(store: GraphStore, config: Pick<Config, 'neo4j' | 'dataDir'>): string {
  return store instanceof EmbeddedStore ? `the embedded store in ${store.dir}` : `Neo4j at ${config.neo4j?.uri ?? '?'}`;
}

function describeRead(store: GraphStore, config: Pick<Config, 'neo4j' | 'dataDir'>): string {
  if (!(store instanceof EmbeddedStore)) return `read ${describeStore(store, config)}`;
  const savedAt = store.savedAt;
  const lines = [savedAt ? `read ${describeStore(store, config)} as saved at ${savedAt.toISOString()}` : `no graph is saved in ${store.dir} yet`];
  const holder = EmbeddedStore.holderOf(store.dir);
  if (holder?.running) lines.push(`${describeHolder(holder)} holds the folder meanwhile: these are the counts of its last save.`);
  else if (holder)
    lines.push(
      `${describeHolder(holder)} ended without releasing the folder (every write it reported done was saved; work it had not finished is not in the store); the next writer takes the folder over.`,
    );
  return lines.join('\n  ');
}

export function formatCounts(counts: Counts): string {
  const width = 14;
  const lines = ['nodes'];
  for (const [label, n] of Object.entries(counts.labels)) lines.push(`  ${label.padEnd(width)}${String(n).padStart(8)}`);
  lines.push('relationships');
  for (const [type, n] of Object.entries(counts.relationships)) lines.push(`  ${type.padEnd(width)}${String(n).padStart(8)}`);
  return `${lines.join('\n')}\n`;
}
