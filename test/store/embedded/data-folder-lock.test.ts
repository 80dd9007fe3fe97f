import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraphs } from '../../../loaders/build-graph.js';
import { collectPapers } from '../../../loaders/collect-papers.js';
import { extractCorpus } from '../../../loaders/corpus-identity.js';
import { DataFolderBusyError, DataFolderChangedError } from '../../../src/errors.js';
import { EmbeddedStore } from '../../../src/store/embedded/embedded-store.js';
import type { PaperGraph } from '../../../src/graph/model.js';

/** The data-folder lock within one process: the OS lock is per open file, so two stores conflict here too. */

let root: string;
let graphs: PaperGraph[];
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kg-lock-'));
  graphs = buildGraphs(extractCorpus((await collectPapers(['test/fixtures/formats/arxiv-kaggle.jsonl'])).papers));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the embedded data-folder lock', () => {
  it('refuses a second writer, naming the first; a reader opens beside it; closing lets the folder go', async () => {
    const dir = join(root, 'two-writers');
    const first = EmbeddedStore.open(dir, { holder: { role: 'load', command: 'kg load papers.jsonl' } });
    await first.writePapers(graphs);
    await first.refreshDerived();

    let refusal: unknown;
    try {
      EmbeddedStore.open(dir);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataFolderBusyError);
    expect((refusal as Error).message).toContain(`is in use by \`kg load papers.jsonl\` (pid ${process.pid}`);
    expect(EmbeddedStore.holderOf(dir)).toMatchObject({ pid: process.pid, role: 'load', running: true });

    const reader = EmbeddedStore.open(dir, { access: 'read' });
    expect((await reader.counts()).labels.Paper).toBe(graphs.length);
    await expect(reader.writePapers(graphs)).rejects.toThrow('open read-only');
    await reader.close();

    await first.close();
    expect(EmbeddedStore.holderOf(dir)).toBeNull();
    const second = EmbeddedStore.open(dir);
    expect(second.tookOverFrom).toBeNull();
    expect((await second.counts()).labels.Paper).toBe(graphs.length);
    await second.close();
  });

  it('takes over a folder whose holder died holding it, and names that holder', async () => {
    const dir = join(root, 'dead-holder');
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const pid = Number(dead.stdout.trim());
    const first = EmbeddedStore.open(dir);
    await first.close();
    const holder = { pid, host: hostname(), role: 'load', command: 'kg load big.jsonl', since: '2026-01-01T00:00:00.000Z' };
    await writeFile(join(dir, 'lock-holder.json'), JSON.stringify(holder));
    expect(EmbeddedStore.holderOf(dir)).toMatchObject({ pid, running: false });

    const next = EmbeddedStore.open(dir);
    expect(next.tookOverFrom).toMatchObject({ pid, command: 'kg load big.jsonl' });
    expect(EmbeddedStore.holderOf(dir)).toMatchObject({ pid: process.pid, running: true });
    await next.close();
  });

  it('refuses to save over a graph file that a process ignoring the lock replaced', async () => {
    const dir = join(root, 'changed-file');
    const store = EmbeddedStore.open(dir);
    await store.writePapers(graphs.slice(0, 2));
    await store.refreshDerived();
    // Another program's save: a new file in place of the one this store read.
    const theirs = JSON.stringify({ version: 2, graph: { nodes: [], edges: [] }, index: JSON.stringify({}) });
    await writeFile(join(dir, 'graph.json.other'), theirs);
    await rename(join(dir, 'graph.json.other'), join(dir, 'graph.json'));

    await expect(store.writePapers(graphs.slice(2))).rejects.toBeInstanceOf(DataFolderChangedError);
    await expect(store.refreshDerived()).rejects.toThrow('was changed by another process since this one read it; not overwriting it');
    await store.close();
    expect(await readFile(join(dir, 'graph.json'), 'utf8')).toBe(theirs);
  });
});
