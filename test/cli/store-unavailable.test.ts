import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envFor, kg, serverRefused } from './processes.js';

/** Every command that opens a store, and the server, exits 6 on a Neo4j nobody listens at, naming the URI. */

const URI = 'bolt://127.0.0.1:1';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-store-unavailable-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('kg against an unreachable Neo4j', () => {
  it.each([[['stats']], [['load', 'test/fixtures/formats/arxiv-kaggle.jsonl']]])('kg %j exits 6 (store unavailable), not 2', async (args) => {
    const { code, stdout, stderr } = await kg(args, envFor(dir, { NEO4J_URI: URI }));
    expect(code).toBe(6);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^kg: cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1: connect ECONNREFUSED 127\.0\.0\.1:1; check that Neo4j is running and reachable there, and NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD$/,
    );
  });
});

describe('the server against an unreachable Neo4j', () => {
  it('exits 6 (store unavailable), naming the URI', async () => {
    const { code, stderr } = await serverRefused(envFor(dir, { NEO4J_URI: URI }));
    expect(code).toBe(6);
    expect(stderr).toContain('cannot reach Neo4j at bolt://127.0.0.1:1');
  });
});
