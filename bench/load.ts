/**
 * `npm run bench:load`: papers per second into each store, for the sample corpus and for a
 * generated corpus of 50,000 papers, with the embedded store's peak memory, beside a lower bound
 * measured in the same run on the same Neo4j: the same nodes and relationships written by bare
 * `UNWIND … CREATE` batches. Targets: the Neo4j store within 2× the lower bound and at least
 * 2,000 papers/s.
 *
 * Uses NEO4J_URI when set, else starts tools/neo4j-local. `--papers N` changes the generated size.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGraphs } from '../loaders/build-graph.js';
import { collectPapers } from '../loaders/collect-papers.js';
import { extractCorpus } from '../loaders/corpus-identity.js';
import { WRITE_BATCH } from '../loaders/load.js';
import { startLocalNeo4j } from '../scripts/start-local-neo4j.js';
import { EmbeddedStore } from '../src/store/embedded/embedded-store.js';
import { TARGET_LABEL, type PaperGraph } from '../src/graph/model.js';
import { Neo4jStore } from '../src/store/neo4j/neo4j-store.js';
import { generateGraphs } from './generate-corpus.js';

const argIndex = process.argv.indexOf('--papers');
const GENERATED = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 50_000;

const local = process.env['NEO4J_URI'] ? undefined : await startLocalNeo4j();
const uri = process.env['NEO4J_URI'] ?? local!.uri;
const neo4j = await Neo4jStore.connect({
  uri,
  user: process.env['NEO4J_USER'] ?? 'neo4j',
  password: process.env['NEO4J_PASSWORD'] ?? '',
  database: process.env['NEO4J_DATABASE'] ?? 'neo4j',
});

async function timed(run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return (performance.now() - start) / 1000;
}

async function loadNeo4j(graphs: readonly PaperGraph[]): Promise<number> {
  await neo4j.clear();
  return timed(async () => {
    for (let i = 0; i < graphs.length; i += WRITE_BATCH) await neo4j.writePapers(graphs.slice(i, i + WRITE_BATCH));
    await neo4j.refreshDerived();
  });
}

/** The lower bound: the same nodes and relationships, created by bare UNWIND … CREATE batches. */
async function loadBare(graphs: readonly PaperGraph[]): Promise<number> {
  await neo4j.clear();
  return timed(async () => {
    const seen = new Set<string>();
    for (let i = 0; i < graphs.length; i += WRITE_BATCH) {
      const batch = graphs.slice(i, i + WRITE_BATCH);
      const nodes = new Map<string, Array<Record<string, unknown>>>();
      const add = (label: string, props: Record<string, unknown>): void => {
        if (seen.has(props['id'] as string)) return;
        seen.add(props['id'] as string);
        const list = nodes.get(label) ?? [];
        list.push(props);
        nodes.set(label, list);
      };
      const rels = new Map<string, Array<{ from: string; to: string }>>();
      const rel = (type: string, from: string, to: string): void => {
        const list = rels.get(type) ?? [];
        list.push({ from, to });
        rels.set(type, list);
      };
      for (const g of batch) {
        add('Paper', { ...g.paper });
        for (const e of g.entities) add(e.label, { id: e.id, name: e.name, aliases: e.aliases });
        for (const r of g.repositories) add('Repository', { ...r });
        for (const l of g.links) add('Link', { ...l });
        for (const r of g.results) add('Result', { id: r.id, value: r.value, kind: r.kind, raw: r.raw });
        for (const e of g.edges) rel(e.type, g.paper.id, e.to);
        for (const r of g.results) {
          rel('REPORTS', g.paper.id, r.id);
          rel('ON', r.id, r.datasetId);
          if (r.metricId) rel('MEASURED_BY', r.id, r.metricId);
          if (r.methodId) rel('SCORED_BY', r.id, r.methodId);
        }
      }
      // One transaction per batch, as the store writes a batch.
      const statements: Array<{ statement: string; parameters: Record<string, unknown> }> = [];
      for (const [label, rows] of nodes) statements.push({ statement: `UNWIND $rows AS row CREATE (n:${label}) SET n = row`, parameters: { rows } });
      const ends: Record<string, [string, string]> = {
        REPORTS: ['Paper', 'Result'],
        ON: ['Result', 'Dataset'],
        MEASURED_BY: ['Result', 'Metric'],
        SCORED_BY: ['Result', 'Method'],
      };
      for (const [type, rows] of rels) {
        const [fromLabel, toLabel] = ends[type] ?? ['Paper', TARGET_LABEL[type as keyof typeof TARGET_LABEL]!];
        statements.push({
          statement: `UNWIND $rows AS row MATCH (a:${fromLabel} {id: row.from}) MATCH (b:${toLabel} {id: row.to}) CREATE (a)-[:${type}]->(b)`,
          parameters: { rows },
        });
      }
      await neo4j.runWrites(statements);
    }
  });
}

async function loadEmbedded(graphs: readonly PaperGraph[]): Promise<{ seconds: number; peakMiB: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'kg-bench-'));
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const store = EmbeddedStore.open(dir);
  const seconds = await timed(async () => {
    for (let i = 0; i < graphs.length; i += WRITE_BATCH) await store.writePapers(graphs.slice(i, i + WRITE_BATCH));
    await store.refreshDerived();
  });
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await store.close();
  await rm(dir, { recursive: true, force: true });
  return { seconds, peakMiB: (peak - base) / 1024 / 1024 };
}

const { papers } = await collectPapers(['data/papers']);
let t = performance.now();
const sample = buildGraphs(extractCorpus(papers));
console.log(`sample corpus: ${sample.length} papers extracted in ${((performance.now() - t) / 1000).toFixed(1)} s (not part of the load figures)`);
t = performance.now();
const generated = generateGraphs(sample, GENERATED, 42);
console.log(
  `generated corpus: ${generated.length} papers (seed 42) in ${((performance.now() - t) / 1000).toFixed(1)} s, ${generated.reduce((n, g) => n + g.edges.length + g.results.length * 3, 0)} relationships\n`,
);

const rate = (n: number, s: number): string => `${(n / s).toFixed(0).padStart(7)} papers/s (${s.toFixed(2)} s)`;
for (const [name, graphs] of [
  ['sample', sample],
  ['generated', generated],
] as const) {
  const bare = await loadBare(graphs);
  const store = await loadNeo4j(graphs);
  const reload = await timed(async () => {
    for (let i = 0; i < graphs.length; i += WRITE_BATCH) await neo4j.writePapers(graphs.slice(i, i + WRITE_BATCH));
    await neo4j.refreshDerived();
  });
  const embedded = await loadEmbedded(graphs);
  console.log(`${name} corpus, ${graphs.length} papers`);
  console.log(`  neo4j lower bound (bare UNWIND … CREATE): ${rate(graphs.length, bare)}`);
  console.log(`  neo4j store (MERGE, replace edges, derive): ${rate(graphs.length, store)}  = ${(store / bare).toFixed(2)}x the lower bound (target <= 2x)`);
  console.log(`  neo4j store, idempotent reload:             ${rate(graphs.length, reload)}`);
  console.log(`  embedded store (incl. index and save):      ${rate(graphs.length, embedded.seconds)}  peak memory +${embedded.peakMiB.toFixed(0)} MiB`);
}

await neo4j.clear();
await neo4j.close();
await local?.stop();
