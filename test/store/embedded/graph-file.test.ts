import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraphs } from '../../../loaders/build-graph.js';
import { collectPapers } from '../../../loaders/collect-papers.js';
import { extractCorpus } from '../../../loaders/corpus-identity.js';
import { EmbeddedStore } from '../../../src/store/embedded/embedded-store.js';
import { RawLine, readGraphFile, writeGraphFile } from '../../../src/store/embedded/graph-file.js';
import type { PaperGraph } from '../../../src/graph/model.js';

let root: string;
let graphs: PaperGraph[];
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kg-graph-file-'));
  graphs = buildGraphs(extractCorpus((await collectPapers(['test/fixtures/formats/arxiv-kaggle.jsonl'])).papers));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** What a client reads of a store: counts, a search, every stored record. */
async function view(store: EmbeddedStore) {
  return { counts: await store.counts(), search: await store.search('learning', { window: { first: 10 } }), records: await store.readExtractions('', 10_000) };
}

describe('the embedded store file (JSON lines)', () => {
  it('writes a header and one line per record, read back one at a time; text with newlines stays on its line', () => {
    const file = join(root, 'lines.json');
    const records = [['n', 'a', { text: 'two\nlines' }], ['e', 'k', 'a', 'b', {}], new RawLine('["i",{"x":1}]')];
    writeGraphFile(file, { header: { version: 9 }, records });
    const read = readGraphFile(file);
    expect(read.header).toEqual({ version: 9 });
    expect([...read.records]).toEqual([
      ['n', 'a', { text: 'two\nlines' }],
      ['e', 'k', 'a', 'b', {}],
      ['i', { x: 1 }],
    ]);
  });

  it('reopens with the same graph, records and search; an index left out of the file is built again', async () => {
    const dir = join(root, 'reopen');
    const store = EmbeddedStore.open(dir);
    await store.writePapers(graphs);
    await store.refreshDerived();
    const before = await view(store);
    await store.close();
    const reopened = EmbeddedStore.open(dir);
    expect(await view(reopened)).toEqual(before);
    await reopened.close();
    // Without its index line (as when the index is too large for one JSON text).
    const file = join(dir, 'graph.json');
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines.at(-1)!.startsWith('["i",')).toBe(true);
    await writeFile(file, `${lines.slice(0, -1).join('\n')}\n`);
    const rebuilt = EmbeddedStore.open(dir);
    expect(await view(rebuilt)).toEqual(before);
    await rebuilt.close();
  });

  it('reads a file of the previous format (one JSON text, version 3) and saves it as lines', async () => {
    const dir = join(root, 'v3');
    const store = EmbeddedStore.open(dir);
    await store.writePapers(graphs);
    await store.refreshDerived();
    const before = await view(store);
    // The previous format, made from the store's own graph and index as version 3 wrote them.
    const internals = store as unknown as { graph: { export(): object }; index: object; extractions: Map<string, unknown> };
    const v3 = {
      version: 3,
      graph: internals.graph.export(),
      index: JSON.stringify(internals.index),
      derivedPending: false,
      extractions: Object.fromEntries(internals.extractions),
      loads: [],
    };
    await store.close();
    await writeFile(join(dir, 'graph.json'), JSON.stringify(v3));
    const reopened = EmbeddedStore.open(dir);
    expect(await view(reopened)).toEqual(before);
    await reopened.writePapers(graphs.slice(0, 1));
    await reopened.refreshDerived();
    await reopened.close();
    expect(JSON.parse((await readFile(join(dir, 'graph.json'), 'utf8')).split('\n')[0]!)).toMatchObject({ version: 4 });
  });
});
