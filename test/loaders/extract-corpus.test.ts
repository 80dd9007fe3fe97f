import { beforeAll, describe, expect, it } from 'vitest';
import { collectPapers } from '../../loaders/collect-papers.js';
import { extractCorpus } from '../../loaders/corpus-identity.js';
import type { ExtractedPaper } from '../../loaders/extract-corpus.js';
import { normalizeName } from '../../src/graph/names.js';
import type { Paper } from '../../loaders/papers.js';

/** The sample corpus through the real reader and the real extraction. */
const CORPUS = 'data/papers';
let papers: Paper[];
let extracted: ExtractedPaper[];

beforeAll(async () => {
  ({ papers } = await collectPapers([CORPUS]));
  extracted = extractCorpus(papers);
});

const ENTITY_KINDS = ['methods', 'datasets', 'tasks', 'metrics', 'concepts'] as const;
const fieldText = (paper: Paper, field: 'title' | 'abstract') => (field === 'title' ? paper.title : paper.abstract);

/** Papers whose methods include `name` (by name or alias), with the ids they got. */
function methodIds(name: string): Array<{ paper: string; id: string }> {
  const key = normalizeName(name);
  return extracted.flatMap((p) =>
    p.methods.filter((m) => [m.name, ...m.aliases].some((s) => normalizeName(s) === key)).map((m) => ({ paper: p.id, id: m.id })),
  );
}

describe('extractCorpus on the sample corpus', () => {
  it('gives one extracted paper per distinct paper: 441', () => {
    expect(extracted).toHaveLength(441);
    expect(extracted.map((p) => p.id)).toEqual(papers.map((p) => p.id));
  });

  it('reads every GitHub link of the corpus as a valid owner/name repository', () => {
    let links = 0;
    for (const paper of extracted) {
      const repositories = new Set(paper.repositories.map((r) => `${r.owner}/${r.name}`.toLowerCase()));
      for (const text of [paper.title, paper.abstract]) {
        for (const match of text.matchAll(/github\.com\/([A-Za-z0-9][\w-]*)\/([\w.-]+)/gi)) {
          const expected = `${match[1]}/${match[2]!.replace(/\.+$/, '').replace(/\.git$/i, '')}`.toLowerCase();
          expect(repositories, `${paper.id}: ${match[0]}`).toContain(expected);
          links++;
        }
      }
      for (const repo of paper.repositories) {
        expect(repo.owner).toMatch(/^[A-Za-z0-9][\w.-]*$/);
        expect(repo.name).toMatch(/^[A-Za-z0-9][\w.-]*$/);
        expect(repo.name.endsWith('.')).toBe(false);
        expect(repo.url).toBe(`https://github.com/${repo.owner}/${repo.name}`);
      }
    }
    // The corpus has 98 `github.com/` mentions; one names no repository (`https://github.com/`).
    expect(links).toBeGreaterThanOrEqual(95);
  });

  it('makes no repository of a bare github.com/ with no owner', () => {
    const bare = extracted.filter((p) => /github\.com\/(?![A-Za-z0-9])/.test(p.abstract));
    expect(bare.length).toBeGreaterThan(0);
    for (const paper of bare) for (const repo of paper.repositories) expect(paper.abstract).toContain(`github.com/${repo.owner}/`);
  });

  it('takes every github.io page for a project page, never a repository', () => {
    const pages = extracted.flatMap((p) => p.links.filter((l) => /\.github\.io\b/i.test(l.url)));
    expect(pages.length).toBeGreaterThan(0);
    for (const link of pages) expect(link.kind).toBe('project-page');
    for (const paper of extracted) for (const repo of paper.repositories) expect(repo.owner).not.toMatch(/\.github\.io$/i);
  });

  it.each(['LoRA', 'CLIP'])('gives %s one id in every paper that uses it', (name) => {
    const found = methodIds(name);
    expect(new Set(found.map((f) => f.paper)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(found.map((f) => f.id))).toEqual(new Set([`method:${name.toLowerCase()}`]));
  });

  it('builds readable ids: kind, a colon and a hyphenated slug', () => {
    for (const paper of extracted) {
      for (const kind of ENTITY_KINDS) {
        const prefix = kind === 'metrics' ? 'metric' : kind.slice(0, -1);
        for (const entity of paper[kind]) expect(entity.id).toMatch(new RegExp(`^${prefix}:[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)*$`, 'u'));
      }
    }
  });

  it('gives evidence spans that slice to a non-empty part of their field', () => {
    let spans = 0;
    for (const paper of extracted) {
      const items = [...ENTITY_KINDS.flatMap((kind) => paper[kind]), ...paper.repositories, ...paper.links];
      const evidence = [...items.flatMap((item) => item.evidence), ...paper.results.map((r) => r.evidence)];
      for (const e of evidence) {
        const text = fieldText(paper, e.field);
        expect(paper.titleDerived && e.field === 'title').toBe(false);
        expect(e.start).toBeGreaterThanOrEqual(0);
        expect(e.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(e.start, e.end).trim()).not.toBe('');
        spans++;
      }
    }
    expect(spans).toBeGreaterThan(5_000);
  });

  it('gives no paper a method that is also one of its datasets', () => {
    for (const paper of extracted) {
      const datasets = new Set(paper.datasets.flatMap((d) => [d.id.slice('dataset:'.length), normalizeName(d.name)]));
      for (const m of paper.methods) {
        expect(datasets.has(m.id.slice('method:'.length)), `${paper.id}: ${m.name}`).toBe(false);
        expect(datasets.has(normalizeName(m.name)), `${paper.id}: ${m.name}`).toBe(false);
      }
    }
  });

  it('resolves PEFT to the concept parameter-efficient fine-tuning in a paper that only writes PEFT', () => {
    const shortOnly = extracted.filter((p) => /\bPEFT\b/.test(p.abstract) && !/parameter[- ]efficient/i.test(`${p.title} ${p.abstract}`));
    expect(shortOnly.length).toBeGreaterThan(0);
    for (const paper of shortOnly) expect(paper.concepts.map((c) => c.id)).toContain('concept:parameter-efficient-finetuning');
  });

  it('gives the long and the short form of PEFT the same id across papers', () => {
    const withPeft = extracted.filter((p) => /\bPEFT\b/.test(p.abstract));
    expect(withPeft.length).toBeGreaterThan(1);
    const ids = withPeft.map((p) => p.concepts.find((c) => [c.name, ...c.aliases].some((s) => /parameter-efficient|PEFT/i.test(s)))?.id);
    expect(new Set(ids)).toEqual(new Set(['concept:parameter-efficient-finetuning']));
  });
});

describe('extractCorpus on hand-made papers', () => {
  const paper = (id: string, abstract: string): Paper => ({ id, title: abstract, titleDerived: true, abstract, sources: [] });

  it('gives a method defined by an acronym in one paper the id of its short form in another', () => {
    const [a, b] = extractCorpus([
      paper('paper:a', 'We propose a Sparse Mixture Router (SMX) for documents.'),
      paper('paper:b', 'SMX fails on short documents.'),
    ]);
    expect(a?.methods.map((m) => m.id)).toEqual(['method:smx']);
    expect(b?.methods.map((m) => m.id)).toEqual(['method:smx']);
  });

  it('gives two spellings of a concept in two papers one id', () => {
    const [a, b] = extractCorpus([
      paper('paper:a', 'Knowledge-graph embeddings help retrieval.'),
      paper('paper:b', 'We learn a knowledge graph embedding for retrieval.'),
    ]);
    expect(a?.concepts.map((c) => c.id)).toContain('concept:knowledge-graph-embedding');
    expect(b?.concepts.map((c) => c.id)).toContain('concept:knowledge-graph-embedding');
  });

  it('keeps the two meanings of MAE apart: the method a paper defines, the metric another reports', () => {
    const [a, b] = extractCorpus([
      paper('paper:a', 'Masked Autoencoder (MAE) pre-trains vision models; we mix images for MAE.'),
      paper('paper:b', 'Our regressor reaches an MAE of 0.31 on the test set.'),
    ]);
    expect(a?.methods.map((m) => m.id)).toContain('method:masked-autoencoder');
    expect(a?.metrics.map((m) => m.id)).not.toContain('metric:mae');
    expect(b?.metrics.map((m) => m.id)).toContain('metric:mae');
  });

  it('reports a method without a role as USED', () => {
    const [a] = extractCorpus([paper('paper:a', 'We fine-tune CLIP on photos.')]);
    expect(a?.methods).toEqual([expect.objectContaining({ id: 'method:clip', role: 'USED' })]);
  });

  // Doubtful: the README says acronyms are joined to the long form another paper defines, but a
  // short form outside the curated lists is taken for a method (`SMR` reads as a model name),
  // while the defining paper makes it a concept, so the two never meet.
  it('links a non-curated lower-case acronym to the concept another paper defines', () => {
    const [, b] = extractCorpus([
      paper('paper:a', 'We study sparse mixture routing (SMR) for long inputs.'),
      paper('paper:b', 'SMR is costly on long inputs.'),
    ]);
    expect(b?.concepts.map((c) => c.id)).toContain('concept:sparse-mixture-routing');
  });
});
