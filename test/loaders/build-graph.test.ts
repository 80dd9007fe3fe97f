import { describe, expect, it } from 'vitest';
import { buildGraphs } from '../../loaders/build-graph.js';
import { collectPapers } from '../../loaders/collect-papers.js';
import { extractCorpus } from '../../loaders/corpus-identity.js';

describe('buildGraphs', () => {
  it('keeps a code link the source record declares as a repository with evidence of field source', async () => {
    const { papers } = await collectPapers(['test/fixtures/formats/hf-daily-papers.json']);
    const graphs = buildGraphs(extractCorpus(papers));
    const declared = graphs.filter((g) => g.paper.codeUrls.length > 0);
    expect(declared).toHaveLength(2);
    for (const g of declared) {
      const edge = g.edges.find((e) => e.type === 'HAS_CODE' && e.evidence.some((s) => s.field === 'source'));
      expect(edge).toBeDefined();
      const repo = g.repositories.find((r) => r.id === edge!.to)!;
      const span = edge!.evidence.find((s) => s.field === 'source')!;
      expect(g.paper.codeUrls[span.start]!.toLowerCase()).toContain(`github.com/${repo.owner}/${repo.name}`.toLowerCase());
    }
  });

  it('joins a declared link and the same link in the abstract into one repository with both spans', async () => {
    const papers = extractCorpus([
      {
        id: 'paper:x',
        title: 'T',
        titleDerived: false,
        abstract: 'Code: https://github.com/acme/tool.',
        sources: [],
        codeUrls: ['https://github.com/Acme/tool'],
      },
    ]);
    const [graph] = buildGraphs(papers);
    expect(graph!.repositories).toHaveLength(1);
    expect(
      graph!.edges
        .find((e) => e.type === 'HAS_CODE')!
        .evidence.map((s) => s.field)
        .sort(),
    ).toEqual(['abstract', 'source']);
  });
});
