import { ENTITY_KINDS, paperRelationship, type EntityNode, type PaperEdge, type PaperGraph, type ResultNode, type Span } from '../src/graph/model.js';
import type { ExtractedPaper, PaperEntity } from './extract-corpus.js';
import { parseRepositoryUrl } from './extract/extract-links.js';
import { buildId, digest, slugify } from '../src/graph/ids.js';

/**
 * Turns extracted papers into graph writes. An entity's properties are decided corpus-wide, so
 * that they do not depend on which paper was written first: its name is the surface form most
 * papers use (ties alphabetical), every other form an alias (sorted); a metric's direction is
 * the one most papers give; broader ids are every one any paper's lists declare (sorted).
 */
export function buildGraphs(papers: readonly ExtractedPaper[]): PaperGraph[] {
  const tally = new EntityPropsTally();
  for (const paper of papers) tally.add(paper);
  const props = tally.chosen();
  return papers.map((paper) => buildGraph(paper, props));
}

/** An entity's corpus-wide properties, as every paper of the corpus votes them (EntityPropsTally). */
export interface EntityProps {
  name: string;
  aliases: string[];
  higherIsBetter: boolean | null;
  broader: string[];
}

interface EntityVotes {
  names: Map<string, number>;
  aliases: Set<string>;
  up: number;
  down: number;
  broader: Set<string>;
}

/** The votes of a corpus's papers on each entity's properties, fed one paper at a time; holds one tally per entity. */
export class EntityPropsTally {
  private readonly votes = new Map<string, EntityVotes>();

  add(paper: ExtractedPaper): void {
    for (const { list } of ENTITY_KINDS) {
      for (const entity of paper[list] as Array<PaperEntity & { higherIsBetter?: boolean | null }>) {
        let tally = this.votes.get(entity.id);
        if (!tally) {
          tally = { names: new Map(), aliases: new Set(), up: 0, down: 0, broader: new Set() };
          this.votes.set(entity.id, tally);
        }
        tally.names.set(entity.name, (tally.names.get(entity.name) ?? 0) + 1);
        for (const alias of [entity.name, ...entity.aliases]) tally.aliases.add(alias);
        if (entity.higherIsBetter === true) tally.up++;
        if (entity.higherIsBetter === false) tally.down++;
        for (const b of entity.broader ?? []) if (b !== entity.id) tally.broader.add(b);
      }
    }
  }

  chosen(): Map<string, EntityProps> {
    const chosen = new Map<string, EntityProps>();
    for (const [id, tally] of this.votes) {
      const name = [...tally.names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
      const aliases = [...tally.aliases].filter((alias) => alias !== name).sort();
      chosen.set(id, {
        name,
        aliases,
        higherIsBetter: tally.up === 0 && tally.down === 0 ? null : tally.up >= tally.down,
        broader: [...tally.broader].sort(),
      });
    }
    return chosen;
  }
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

/** One paper's graph, its entities with the properties the corpus chose (EntityPropsTally). */
export function buildGraph(paper: ExtractedPaper, props: ReadonlyMap<string, EntityProps>): PaperGraph {
  const entities: EntityNode[] = [];
  const edges: PaperEdge[] = [];
  const idByName = new Map<string, string>();
  for (const { list, label } of ENTITY_KINDS) {
    for (const entity of paper[list] as Array<PaperEntity & { role?: string }>) {
      const chosen = props.get(entity.id)!;
      const node: EntityNode = { id: entity.id, label, name: chosen.name, aliases: chosen.aliases };
      if (label === 'Metric') node.higherIsBetter = chosen.higherIsBetter;
      if (chosen.broader.length > 0) node.broader = chosen.broader;
      entities.push(node);
      idByName.set(`${label}|${entity.name}`, entity.id);
      const type = paperRelationship(label, entity.role === 'PROPOSED' ? 'PROPOSED' : 'USED');
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
