import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The `kg` command run as a user runs it: a child process, stdout and stderr apart. */
function kg(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kg-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('kg papers', () => {
  it('prints each distinct sample paper once as JSON lines, a summary on stderr, and exits 0', () => {
    const { code, stdout, stderr } = kg(['papers', 'data/papers']);
    expect(code).toBe(0);
    const papers = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; title: string; titleDerived: boolean; abstract: string; sources: unknown[] });
    expect(papers).toHaveLength(441);
    expect(Object.keys(papers[0]!).slice(0, 5)).toEqual(['id', 'title', 'titleDerived', 'abstract', 'sources']);
    expect(new Set(papers.map((p) => p.id)).size).toBe(441);
    expect(stderr).toContain('kg papers: 5 files, 452 records read, 441 papers, 11 duplicates merged, 0 rejected');
  });

  it('exits 3 when some records were rejected, naming file, line and reason', async () => {
    const bad = join(dir, 'bad.jsonl');
    await writeFile(bad, '{"title": "x"}\nnot json\n');
    const { code, stderr } = kg(['papers', 'test/fixtures/formats/arxiv-kaggle.jsonl', bad]);
    expect(code).toBe(3);
    expect(stderr).toContain(`rejected ${bad}:1: no abstract (title: "x")`);
    expect(stderr).toMatch(new RegExp(`rejected ${bad}:2: not valid JSON`));
  });

  it('exits 4 when nothing could be read', async () => {
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '');
    const { code, stdout, stderr } = kg(['papers', empty, join(dir, 'missing.json')]);
    expect(code).toBe(4);
    expect(stdout).toBe('');
    expect(stderr).toContain(`rejected ${empty}:0: empty file`);
    expect(stderr).toContain('missing.json:0: no such file or folder');
  });

  it('reads stdin given as -', () => {
    const { code, stdout } = kg(
      ['papers', '-'],
      JSON.stringify({ id: 'x', title: 'From Stdin', abstract: 'A paper read from standard input. It has two sentences.' }),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ title: 'From Stdin', sources: [{ file: '-', line: 1 }] });
  });

  it('explains itself with --help and fails clearly on a missing argument', () => {
    expect(kg(['papers', '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('files, folders (read recursively) or - for stdin') });
    expect(kg(['--help']).stdout).toContain('papers');
    const missing = kg(['papers']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing required argument 'paths'");
  });

  it('fails at start with the variable name when the configuration is invalid', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'papers', 'data/papers'], {
      encoding: 'utf8',
      env: { ...process.env, KG_MAX_LINE_BYTES: 'lots' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('KG_MAX_LINE_BYTES="lots"');
  });
});
