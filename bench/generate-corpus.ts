import { digest } from '../loaders/normalize.js';
import type { EntityNode, LinkNode, PaperEdge, PaperGraph, RepositoryNode, ResultNode, Span } from '../src/store/graph-model.js';

/**
 * A large synthetic corpus for load benchmarks, deterministic by seed: each generated paper
 * recombines sentences of sample-corpus abstracts, entities (methods, datasets, tasks, metrics,
 * concepts) drawn from the sample corpus with their real frequency skew, and repositories and
 * links made from sample owners and names. The shape (entities per paper, sharing between
 * papers, results per paper) follows the sample corpus.
 */
export function generateGraphs(sample: readonly PaperGraph[], count: number, seed: number): PaperGraph[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sentences = sample.flatMap((g) => g.paper.abstract.split(/(?<=[.!?])\s+(?=[A-Z])/)).filter((s) => s.length > 40);
  const titles = sample.filter((g) => !g.paper.titleDerived).map((g) => g.paper.title);
  // Entity pools keep one entry per mention, so frequent entities stay frequent.
  const pool = sample.flatMap((g) =>
    g.edges.filter((e) => e.type !== 'HAS_CODE' && e.type !== 'LINKS_TO').map((e) => ({ edge: e, entity: g.entities.find((x) => x.id === e.to)! })),
  );
  const owners = sample.flatMap((g) => g.repositories.map((r) => r.owner));
  const repoNames = sample.flatMap((g) => g.repositories.map((r) => r.name));
  const linkKinds = sample.flatMap((g) => g.links.map((l) => l.kind));
  const edgesPerPaper = sample.map((g) => g.edges.filter((e) => e.type !== 'HAS_CODE' && e.type !== 'LINKS_TO').length);
  const resultsPerPaper = sample.map((g) => g.results.length);
  const hasCode = sample.filter((g) => g.repositories.length > 0).length / sample.length;
  const hasLink = sample.filter((g) => g.links.length > 0).length / sample.length;

  const graphs: PaperGraph[] = [];
  for (let i = 0; i < count; i++) {
    const abstract = Array.from({ length: 4 + Math.floor(random() * 6) }, () => pick(sentences)).join(' ');
    const title = `${pick(titles).split(':')[0]}: ${pick(titles).split(':').at(-1)!.trim()}`;
    const id = `paper:gen-${seed}-${i}`;
    const span = (): Span => {
      const start = Math.floor(random() * Math.max(1, abstract.length - 20));
      return { field: 'abstract', start, end: start + 5 + Math.floor(random() * 15) };
    };
    const entities = new Map<string, EntityNode>();
    const edges: PaperEdge[] = [];
    const n = pick(edgesPerPaper);
    for (let k = 0; k < n; k++) {
      const { edge, entity } = pick(pool);
      if (entities.has(entity.id)) continue;
      entities.set(entity.id, entity);
      edges.push({ type: edge.type, to: entity.id, evidence: [span()] });
    }
    const repositories: RepositoryNode[] = [];
    if (random() < hasCode) {
      const owner = pick(owners);
      const name = `${pick(repoNames)}-${i % 997}`;
      const repo = { id: `repository:${digest(`${owner}/${name}`)}`, owner, name, url: `https://github.com/${owner}/${name}` };
      repositories.push(repo);
      edges.push({ type: 'HAS_CODE', to: repo.id, evidence: [span()] });
    }
    const links: LinkNode[] = [];
    if (random() < hasLink) {
      const url = `https://project-${digest(`${seed}-${i}`, 8)}.github.io/`;
      const link = { id: `link:${digest(url)}`, url, kind: pick(linkKinds) };
      links.push(link);
      edges.push({ type: 'LINKS_TO', to: link.id, evidence: [span()] });
    }
    const datasets = [...entities.values()].filter((e) => e.label === 'Dataset');
    const metrics = [...entities.values()].filter((e) => e.label === 'Metric');
    const results: ResultNode[] = [];
    if (datasets.length > 0) {
      for (let k = pick(resultsPerPaper); k > 0; k--) {
        const dataset = pick(datasets);
        const metric = metrics.length > 0 ? pick(metrics) : null;
        const value = Math.round(random() * 1000) / 10;
        results.push({
          id: `result:${digest(`${id}|${k}|${value}`)}`,
          value,
          kind: random() < 0.2 ? 'delta' : 'score',
          raw: `${value} on ${dataset.name}`,
          datasetId: dataset.id,
          metricId: metric?.id ?? null,
          methodId: null,
          setting: null,
          split: null,
          evidence: [span()],
        });
      }
    }
    graphs.push({
      paper: {
        id,
        title,
        titleDerived: false,
        abstract,
        arxivId: null,
        url: null,
        published: null,
        authors: [],
        sources: [`generated:${i + 1}`],
        mentionedArxivIds: [],
        codeUrls: [],
      },
      entities: [...entities.values()],
      repositories,
      links,
      results,
      edges,
    });
  }
  return graphs;
}

/** A small, fast, seedable PRNG: the same seed gives the same corpus on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
