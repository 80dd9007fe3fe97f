import type { EntityLabel, EntityNode, PaperEdge, PaperGraph, RelationshipType, ResultNode, Span } from '../src/store/graph-model.js';
import type { ExtractedPaper, PaperEntity } from './extract-corpus.js';
import { parseRepositoryUrl } from './extract/extract-links.js';
import { buildId, digest, slugify } from './normalize.js';

const ENTITY_KINDS = [
  ['methods', 'Method'],
  ['datasets', 'Dataset'],
  ['tasks', 'Task'],
  ['metrics', 'Metric'],
  ['concepts', 'Concept'],
] as const satisfies ReadonlyArray<readonly [keyof ExtractedPaper, EntityLabel]>;

const EDGE_OF: Record<Exclude<EntityLabel, 'Method'>, RelationshipType> = {
  Dataset: 'EVALUATES_ON',
  Task: 'ADDRESSES',
  Metric: 'MEASURES',
  Concept: 'MENTIONS',
};

/**
 * Turns extracted papers into graph writes. Entity names are decided corpus-wide: the surface
 * form most papers use (ties alphabetical), every other form an alias, so a node's name does
 * not depend on which paper was written first.
 */
export function buildGraphs(papers: readonly ExtractedPaper[]): PaperGraph[] {
  const names = chooseNames(papers);
  return papers.map((paper) => buildGraph(paper, names));
}

function chooseNames(papers: readonly ExtractedPaper[]): Map<string, { name: string; aliases: Set<string> }> {
  const votes = new Map<string, Map<string, number>>();
  const aliases = new Map<string, Set<string>>();
  for (const paper of papers) {
    for (const [key] of ENTITY_KINDS) {
      for (const entity of paper[key] as PaperEntity[]) {
        const tally = votes.get(entity.id) ?? new Map<string, number>();
        tally.set(entity.name, (tally.get(entity.name) ?? 0) + 1);
        votes.set(entity.id, tally);
        const set = aliases.get(entity.id) ?? new Set<string>();
        for (const alias of [entity.name, ...entity.aliases]) set.add(alias);
        aliases.set(entity.id, set);
      }
    }
  }
  const chosen = new Map<string, { name: string; aliases: Set<string> }>();
  for (const [id, tally] of votes) {
    const name = [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const all = aliases.get(id)!;
    all.delete(name);
    chosen.set(id, { name, aliases: all });
  }
  return chosen;
}

/**
 * The repositories the text links to, plus those the source record declares (`githubRepo`,
 * `repo_url`), each declared one with evidence of field `source` pointing at its `codeUrls` index.
 */
function withDeclared(paper: ExtractedPaper): Array<{ owner: string; name: string; url: string; evidence: Span[] }> {
  const byKey = new Map(paper.repositories.map((r) => [`${r.owner}/${r.name}`.toLowerCase(), { ...r, evidence: [...r.evidence] as Span[] }]));
  (paper.codeUrls ?? []).forEach((url, index) => {
    const repo = parseRepositoryUrl(url);
    if (!repo) return;
    const key = `${repo.owner}/${repo.name}`.toLowerCase();
    const evidence: Span = { field: 'source', start: index, end: index };
    const existing = byKey.get(key);
    if (existing) existing.evidence.push(evidence);
    else byKey.set(key, { ...repo, evidence: [evidence] });
  });
  return [...byKey.values()];
}

function buildGraph(paper: ExtractedPaper, names: ReadonlyMap<string, { name: string; aliases: Set<string> }>): PaperGraph {
  const entities: EntityNode[] = [];
  const edges: PaperEdge[] = [];
  const idByName = new Map<string, string>();
  for (const [key, label] of ENTITY_KINDS) {
    for (const entity of paper[key] as Array<PaperEntity & { role?: string; higherIsBetter?: boolean | null }>) {
      const chosen = names.get(entity.id);
      const node: EntityNode = { id: entity.id, label, name: chosen?.name ?? entity.name, aliases: [...(chosen?.aliases ?? entity.aliases)].sort() };
      if (label === 'Metric') node.higherIsBetter = entity.higherIsBetter ?? null;
      const broader = (entity.broader ?? []).filter((id) => id !== entity.id);
      if (broader.length > 0) node.broader = broader;
      entities.push(node);
      idByName.set(`${label}|${entity.name}`, entity.id);
      const type: RelationshipType = label === 'Method' ? (entity.role === 'PROPOSED' ? 'PROPOSES' : 'USES') : EDGE_OF[label];
      edges.push({ type, to: entity.id, evidence: entity.evidence as Span[] });
    }
  }
  const repositories = withDeclared(paper).map((r) => ({
    id: buildId('repository', slugify(`${r.owner}/${r.name}`.toLowerCase())),
    owner: r.owner,
    name: r.name,
    url: r.url,
    evidence: r.evidence,
  }));
  for (const r of repositories) edges.push({ type: 'HAS_CODE', to: r.id, evidence: r.evidence });
  const links = paper.links.map((l) => ({ id: buildId('link', digest(l.url)), url: l.url, kind: l.kind, evidence: l.evidence }));
  for (const l of links) edges.push({ type: 'LINKS_TO', to: l.id, evidence: l.evidence });
  const results: ResultNode[] = [];
  for (const r of paper.results) {
    const datasetId = idByName.get(`Dataset|${r.dataset}`);
    if (!datasetId) continue;
    const metricId =
      r.metric === null
        ? null
        : (idByName.get(`Metric|${r.metric}`) ?? paper.metrics.find((m) => m.name === r.metric || m.aliases.includes(r.metric!))?.id ?? null);
    // Only a method the paper itself links to: a name the corpus linker made a concept is none.
    const methodId = r.method === null ? null : (idByName.get(`Method|${r.method}`) ?? paper.methods.find((m) => m.aliases.includes(r.method!))?.id ?? null);
    // Results without method, setting or split keep the ids they had before these existed.
    const qualifiers = methodId === null && r.setting === null && r.split === null ? '' : `|${methodId}|${r.setting}|${r.split}`;
    const id = buildId('result', digest(`${paper.id}|${datasetId}|${metricId}|${r.value}|${r.kind}${qualifiers}`));
    if (results.some((x) => x.id === id)) continue;
    results.push({
      id,
      value: r.value,
      kind: r.kind,
      raw: r.raw,
      datasetId,
      metricId,
      methodId,
      setting: r.setting,
      split: r.split,
      evidence: [r.evidence as Span],
    });
  }
  return {
    paper: {
      id: paper.id,
      title: paper.title,
      titleDerived: paper.titleDerived,
      abstract: paper.abstract,
      arxivId: paper.arxivId ?? null,
      url: paper.url ?? null,
      published: paper.published ?? null,
      authors: paper.authors ?? [],
      sources: paper.sources.map((s) => `${s.file}:${s.line}`),
      mentionedArxivIds: paper.arxivIds,
      codeUrls: paper.codeUrls ?? [],
    },
    entities,
    repositories: repositories.map(({ evidence: _evidence, ...r }) => r),
    links: links.map(({ evidence: _evidence, ...l }) => l),
    results,
    edges,
  };
}
