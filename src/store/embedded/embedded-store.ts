import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Graph from 'graphology';
import MiniSearch from 'minisearch';
import { DataFolderChangedError } from '../../errors.js';
import {
  emptyCounts,
  type Counts,
  type EntityNode,
  type ExtractionRecord,
  type Label,
  type PaperGraph,
  type PaperNode,
  type RelationshipType,
  type ResultNode,
  type Span,
  type StoredExtraction,
} from '../../graph/model.js';
import { judgeLoad, LOADS_KEPT, resolveInterrupted, type LoadRecord, type StoredLoad } from '../load-record.js';
import { RELATING_LABELS, relatednessUnits, relatesPapers } from '../rank-related.js';
import type { LoadStart } from '../../graph/writer.js';
import { DataFolderLock, type Holder, type HolderRole } from './data-folder-lock.js';
import { smallestShortestPath } from './shortest-path.js';
import { RawLine, readGraphFile, writeGraphFile } from './graph-file.js';
import { scoreTerms, SEARCH_CANDIDATES, searchTerms } from '../rank-search.js';
import { sliceOrdered, type Slice, type Window } from '../keyset.js';
import {
  broaderName,
  compare,
  displayName,
  distinctNodes,
  entityOrdering,
  finishRelated,
  cutLeaderboard,
  groupLeaderboard,
  HITS_BY_SCORE,
  idWindow,
  matchesEntityFilter,
  PAPERS_BY_ID,
  paperOrdering,
  RELATED_BY_SCORE,
  searchTextOf,
  toPapersPage,
} from '../graph-rules.js';
import type {
  BrowseLabel,
  CountedNode,
  EntityFilter,
  EntityOrder,
  GraphNode,
  GraphStore,
  LeaderboardEntry,
  LeaderboardFilter,
  LeaderboardGroup,
  NodeInclude,
  NodeWith,
  PageArgs,
  PaperFilter,
  PaperLink,
  PaperOrder,
  PapersPage,
  Path,
  ReadinessCheck,
  RelatedPaper,
  SearchHit,
  SharedDataset,
} from '../store.js';

type NodeAttributes = GraphNode;
interface EdgeAttributes {
  type: RelationshipType;
  evidence: Span[];
}
interface SearchDocument {
  id: string;
  label: Label;
  name: string;
  text: string;
}

const FILE = 'graph.json';
// 2: the index splits text with rank-search.ts searchTerms (1 used MiniSearch's own tokenizer).
// 3: results carry methodId, setting and split, with SCORED_BY edges to their methods.
// 4: JSON lines (graph-file.ts): one JSON text could not hold 100,000 papers. Version 3 files are read.
const FORMAT_VERSION = 4;

/** A line of a version 4 file after its header: a node, an edge, an extraction record or the index. */
type SavedLine =
  | ['n', string, NodeAttributes]
  | ['e', string, string, string, EdgeAttributes]
  | ['x', string, ExtractionRecord]
  | ['i', Parameters<typeof MiniSearch.loadJS>[0]];

/** A version 4 file's header line. */
interface SavedHeader {
  version: number;
  derivedPending: boolean;
  loads: StoredLoad[];
}

/** A version 3 file: one JSON text. */
interface SavedStore {
  version: number;
  graph: object;
  index: string;
  /** Papers were saved before their CITES/BROADER edges were derived (absent in older files: false). */
  derivedPending?: boolean;
  /** Each paper's extraction record, by paper id (absent in older files: none). */
  extractions?: Record<string, ExtractionRecord>;
  /** The newest loads' records, newest first (absent in older files: none). */
  loads?: StoredLoad[];
}

export interface EmbeddedOpenOptions {
  /**
   * `write` (the default) takes the data folder's lock for as long as the store is open; `read`
   * takes none and refuses writes: a snapshot of the last save, readable beside a running writer.
   */
  access?: 'write' | 'read';
  /** How this writer is named to a process that finds the folder taken. */
  holder?: { role: HolderRole; command: string };
}

/**
 * The default store: an in-process graph (graphology) with a full-text index (MiniSearch),
 * persisted as one JSON file in the data directory, so a restart neither re-extracts nor
 * re-indexes. Answers every question of the store contract exactly as the Neo4j store does.
 * One process writes a data folder at a time (data-folder-lock.ts); readers open it read-only.
 */
export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded';
  private graph = new Graph.MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  private index = createIndex();
  private extractions = new Map<string, ExtractionRecord>();
  /** Paper ids in order, for paging; null when a paper was added or dropped since they were sorted. */
  private paperIds: string[] | null = null;
  /** Write batches since this process opened the store: it is the folder's only writer (the lock). */
  private writes = 0;
  private dirty = false;
  /** Whether CITES/BROADER edges are derived from every paper written. */
  private derivedCurrent = true;
  /** Load records (load-record.ts), newest first, as this process holds them; saved with the graph. */
  private loadRecords: StoredLoad[] = [];
  /** The saved file as this process last read or wrote it (inode, size, mtime); null: no file. */
  private fileSeen: string | null = null;
  private closed = false;

  private constructor(
    readonly dir: string,
    private readonly lock: DataFolderLock | null,
  ) {}

  /**
   * Opens the store in `dir`, loading the persisted graph and index when there is one. For
   * writing, first takes the folder's lock: throws DataFolderBusyError when another process (or
   * another open store) holds it.
   */
  static open(dir: string, options: EmbeddedOpenOptions = {}): EmbeddedStore {
    const lock = options.access === 'read' ? null : DataFolderLock.acquire(dir, options.holder ?? { role: 'other', command: process.argv.slice(1).join(' ') });
    const store = new EmbeddedStore(dir, lock);
    try {
      store.readFile();
    } catch (error) {
      lock?.release();
      throw error;
    }
    return store;
  }

  private readFile(): void {
    const file = join(this.dir, FILE);
    const seen = fileSignature(file);
    if (seen === null) return;
    const { header, records } = readGraphFile(file);
    if (header['version'] === FORMAT_VERSION) {
      const saved = header as unknown as SavedHeader;
      let indexed = false;
      for (const line of records as Generator<SavedLine>) {
        if (line[0] === 'n') this.graph.addNode(line[1], line[2]);
        else if (line[0] === 'e') this.graph.addEdgeWithKey(line[1], line[2], line[3], line[4]);
        else if (line[0] === 'x') this.extractions.set(line[1], line[2]);
        else {
          this.index = MiniSearch.loadJS<SearchDocument>(line[1], INDEX_OPTIONS);
          indexed = true;
        }
      }
      // An index too large for one JSON text was not saved: it is built again from the graph.
      if (!indexed) this.rebuildIndex();
      this.derivedCurrent = saved.derivedPending !== true;
      this.loadRecords = saved.loads ?? [];
      this.fileSeen = seen;
    } else if (header['version'] === 3) {
      const saved = header as unknown as SavedStore;
      this.graph.import(saved.graph as Parameters<typeof this.graph.import>[0]);
      this.index = MiniSearch.loadJSON<SearchDocument>(saved.index, INDEX_OPTIONS);
      this.derivedCurrent = saved.derivedPending !== true;
      this.extractions = new Map(Object.entries(saved.extractions ?? {}));
      this.loadRecords = saved.loads ?? [];
      this.fileSeen = seen;
    } else if (this.lock) {
      // An older format starts an empty store (the server reloads its corpus); the old file is
      // kept beside it, not overwritten, so papers loaded from elsewhere are not lost.
      renameSync(file, join(this.dir, `graph.v${String(header['version'])}.json`));
    }
  }

  /** The process a folder's lock names: its holder, or one that died holding it; null if none. */
  static holderOf(dir: string): (Holder & { running: boolean }) | null {
    const holder = DataFolderLock.readHolder(dir);
    return holder ? { ...holder, running: DataFolderLock.isRunning(holder) } : null;
  }

  /** The holder of this folder before us, when it died holding it (and what it had not saved is lost). */
  get tookOverFrom(): Holder | null {
    return this.lock?.tookOverFrom ?? null;
  }

  /** When the graph file was last saved; null before the first save. */
  get savedAt(): Date | null {
    try {
      return statSync(join(this.dir, FILE)).mtime;
    } catch {
      return null;
    }
  }

  /** Tells processes that find the folder taken where this server listens (holder file). */
  announce(details: { url: string; ingest: boolean }): void {
    this.lock?.announce(details);
  }

  /** True when the store holds no paper (a fresh data directory). */
  isEmpty(): boolean {
    return this.graph.order === 0;
  }

  async writePapers(graphs: readonly PaperGraph[], loadId?: string): Promise<void> {
    this.assertWritable();
    for (const g of graphs) this.writePaper(g);
    this.writes++;
    this.dirty = true;
    this.derivedCurrent = false;
    // Counted in memory; saved with the papers, so a save holds exactly the papers it counts.
    const load = this.loadRecords.find((l) => l.id === loadId);
    if (load) {
      load.papersWritten += graphs.length;
      load.seenAt = new Date().toISOString();
    }
  }

  /**
   * Saves the record at once, so a load killed before its end is seen as interrupted. Its papers
   * are saved with its completion (one save of the whole graph per load, not one per batch): until
   * then the saved graph is the one from before the load.
   */
  async beginLoad(start: LoadStart): Promise<string> {
    this.assertWritable();
    const now = new Date().toISOString();
    const load: StoredLoad = {
      id: `load:${randomUUID()}`,
      sources: [...start.sources],
      papersTotal: start.papersTotal,
      papersWritten: 0,
      startedAt: now,
      seenAt: now,
      completedAt: null,
      pid: process.pid,
      host: hostname(),
      done: false,
      resolvedBy: null,
    };
    this.loadRecords = [load, ...this.loadRecords].slice(0, LOADS_KEPT);
    this.save();
    return load.id;
  }

  async loads(): Promise<LoadRecord[]> {
    const holder = EmbeddedStore.holderOf(this.dir);
    // A reader whose snapshot was replaced since it read it (the writer saved, maybe completed,
    // and let the folder go) cannot tell a finished load from a dead one: it says running.
    const stale = this.lock === null && fileSignature(join(this.dir, FILE)) !== this.fileSeen;
    return this.loadRecords.map((l) => judgeLoad(l, stale || (holder !== null && holder.running && holder.pid === l.pid && holder.host === l.host)));
  }

  /** Marks a load completed, and the interrupted ones before it resumed or superseded. */
  private completeLoad(id: string, loads: readonly LoadRecord[]): void {
    const load = this.loadRecords.find((l) => l.id === id);
    if (!load) return;
    const now = new Date().toISOString();
    Object.assign(load, { done: true, completedAt: now, seenAt: now });
    for (const { id: other, how } of resolveInterrupted(load, loads)) {
      const record = this.loadRecords.find((l) => l.id === other);
      if (record) record.resolvedBy = { id, how };
    }
  }

  async readExtractions(after: string, limit: number): Promise<StoredExtraction[]> {
    this.paperIds ??= this.graph.filterNodes((_id, a) => a.label === 'Paper').sort(compare);
    const ids = this.paperIds;
    // The first id after `after`, by binary search: a walk of the corpus reads each page in O(page).
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(ids[mid]!, after) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return ids
      .slice(lo, lo + limit)
      .map((id) => ({ paper: this.graph.getNodeAttribute(id, 'node') as PaperNode, extraction: this.extractions.get(id) ?? null }));
  }

  async writeCount(): Promise<number> {
    return this.writes;
  }

  async derivedPending(): Promise<boolean> {
    return !this.derivedCurrent;
  }

  /**
   * Refuses a write this store could not save: read-only or closed, or the file changed on disk
   * since it was read (a process that ignored the lock wrote it; saving would overwrite that).
   */
  private assertWritable(): void {
    if (!this.lock || this.closed) throw new Error(`the embedded store in ${this.dir} is ${this.closed ? 'closed' : 'open read-only'}`);
    const file = join(this.dir, FILE);
    if (fileSignature(file) !== this.fileSeen) {
      throw new DataFolderChangedError(
        `${file} was changed by another process since this one read it; not overwriting it. ` +
          'Restart this process to read the new file (and let only processes that take the data-folder lock write it).',
      );
    }
  }

  private writePaper(g: PaperGraph): void {
    const paperId = g.paper.id;
    if (this.graph.hasNode(paperId)) {
      for (const edge of this.graph.outEdges(paperId)) {
        const target = this.graph.target(edge);
        if (this.graph.getEdgeAttribute(edge, 'type') === 'REPORTS') this.graph.dropNode(target);
        else if (this.graph.hasEdge(edge)) this.graph.dropEdge(edge);
      }
    }
    if (!this.graph.hasNode(paperId)) this.paperIds = null;
    this.upsertNode(paperId, { label: 'Paper', node: g.paper });
    if (g.extraction) this.extractions.set(paperId, g.extraction);
    else this.extractions.delete(paperId);
    this.indexNode({ label: 'Paper', node: g.paper });
    for (const entity of g.entities) this.upsertEntity(entity);
    for (const repo of g.repositories) {
      this.upsertNode(repo.id, { label: 'Repository', node: repo });
      this.indexNode({ label: 'Repository', node: repo });
    }
    for (const link of g.links) this.upsertNode(link.id, { label: 'Link', node: link });
    for (const edge of g.edges) this.addEdge(paperId, edge.to, edge.type, edge.evidence);
    for (const result of g.results) {
      this.upsertNode(result.id, { label: 'Result', node: result });
      this.addEdge(paperId, result.id, 'REPORTS', result.evidence);
      this.addEdge(result.id, result.datasetId, 'ON', []);
      if (result.metricId) this.addEdge(result.id, result.metricId, 'MEASURED_BY', []);
      if (result.methodId) this.addEdge(result.id, result.methodId, 'SCORED_BY', []);
    }
  }

  /** An entity's properties are decided corpus-wide by the loader (build-graph.ts): the last write holds them all. */
  private upsertEntity(entity: EntityNode): void {
    const node: EntityNode = { ...entity, aliases: [...entity.aliases] };
    if (entity.label === 'Metric') node.higherIsBetter = entity.higherIsBetter ?? null;
    if (!entity.broader || entity.broader.length === 0) delete node.broader;
    this.upsertNode(entity.id, { label: entity.label, node });
    this.indexNode({ label: entity.label, node });
  }

  private upsertNode(id: string, attributes: NodeAttributes): void {
    this.graph.mergeNode(id, attributes);
    this.graph.replaceNodeAttributes(id, attributes);
  }

  private addEdge(from: string, to: string, type: RelationshipType, evidence: Span[]): void {
    if (!this.graph.hasNode(to)) return;
    this.graph.mergeEdgeWithKey(`${type}|${from}|${to}`, from, to, { type, evidence });
  }

  private indexNode(a: GraphNode): void {
    const document = searchDocumentOf(a);
    if (!document) return;
    if (this.index.has(document.id)) this.index.replace(document);
    else this.index.add(document);
  }

  async refreshDerived(completedLoad?: string): Promise<void> {
    this.assertWritable();
    const loads = completedLoad ? await this.loads() : [];
    // Entities, repositories and links no paper or result points at any more go.
    for (const id of this.graph.nodes()) {
      const { label } = this.graph.getNodeAttributes(id);
      if (label === 'Paper' || label === 'Result') continue;
      const used = this.graph.inEdges(id).some((e) => this.graph.getEdgeAttribute(e, 'type') !== 'BROADER');
      if (!used) {
        this.graph.dropNode(id);
        if (this.index.has(id)) this.index.discard(id);
      }
    }
    for (const edge of this.graph.edges()) {
      const type = this.graph.getEdgeAttribute(edge, 'type');
      if (type === 'CITES' || type === 'BROADER') this.graph.dropEdge(edge);
    }
    const byArxiv = new Map<string, string>();
    const concepts = new Map<string, string>();
    this.graph.forEachNode((id, a) => {
      if (a.label === 'Paper' && a.node.arxivId) byArxiv.set(a.node.arxivId, id);
      if (a.label === 'Concept') concepts.set(a.node.name, id);
    });
    this.graph.forEachNode((id, a) => {
      if (a.label !== 'Paper') return;
      for (const cited of a.node.mentionedArxivIds) {
        const target = byArxiv.get(cited);
        if (target && target !== id) this.addEdge(id, target, 'CITES', []);
      }
    });
    for (const [name, id] of concepts) {
      const broader = broaderName(name, concepts);
      if (broader) this.addEdge(id, concepts.get(broader)!, 'BROADER', []);
    }
    this.graph.forEachNode((id, a) => {
      if (a.label === 'Paper' || a.label === 'Result' || a.label === 'Repository' || a.label === 'Link' || a.label === 'Concept') return;
      for (const to of (a.node as EntityNode).broader ?? []) {
        if (to !== id && this.graph.hasNode(to) && this.graph.getNodeAttribute(to, 'label') === a.label) this.addEdge(id, to, 'BROADER', []);
      }
    });
    this.derivedCurrent = true;
    if (completedLoad) this.completeLoad(completedLoad, loads);
    this.save();
  }

  /**
   * Writes the graph and index to the data directory, atomically (temp file, then rename), so a
   * reader or a crash sees the previous save or this one, never a mix. Papers saved before their
   * derived edges are marked so, and the next load or server start derives them.
   */
  save(): void {
    this.assertWritable();
    // Replaced documents leave dirt in the index; rather than vacuuming (which trips over indexes
    // restored from JSON), a changed index is rebuilt from the graph before it is written.
    if (this.index.dirtCount > 0) this.rebuildIndex();
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, FILE);
    const temp = `${file}.${process.pid}.tmp`;
    const header: SavedHeader = { version: FORMAT_VERSION, derivedPending: !this.derivedCurrent, loads: this.loadRecords };
    writeGraphFile(temp, { header: header as unknown as Record<string, unknown>, records: this.savedLines() });
    renameSync(temp, file);
    this.fileSeen = fileSignature(file);
    this.dirty = false;
  }

  /** The lines of a saved file after its header (graph-file.ts). */
  private *savedLines(): Generator<SavedLine | RawLine> {
    for (const { node, attributes } of this.graph.nodeEntries()) yield ['n', node, attributes];
    for (const { edge, attributes, source, target } of this.graph.edgeEntries()) yield ['e', edge, source, target, attributes];
    for (const [paperId, record] of this.extractions) yield ['x', paperId, record];
    let index: string | null = null;
    try {
      index = JSON.stringify(this.index);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
    if (index !== null) yield new RawLine(`["i",${index}]`);
  }

  private rebuildIndex(): void {
    this.index = createIndex();
    const documents: SearchDocument[] = [];
    this.graph.forEachNode((_, a) => {
      const document = searchDocumentOf(a);
      if (document) documents.push(document);
    });
    this.index.addAll(documents);
  }

  async counts(): Promise<Counts> {
    const counts = emptyCounts();
    this.graph.forEachNode((_, a) => void counts.labels[a.label]++);
    this.graph.forEachEdge((_, a) => void counts.relationships[a.type]++);
    return counts;
  }

  async node(id: string): Promise<GraphNode | null> {
    return this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : null;
  }

  async nodes(ids: readonly string[]): Promise<Array<GraphNode | null>> {
    return ids.map((id) => (this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : null));
  }

  async nodeWith(id: string, include: NodeInclude): Promise<NodeWith | null> {
    const node = await this.node(id);
    if (!node) return null;
    const view: NodeWith = { node, referenced: [] };
    if (include.links && node.label === 'Paper') {
      view.links = await this.paperLinks(id);
      const ids = view.links
        .flatMap((l) => (l.target.label === 'Result' ? [l.target.node.datasetId, l.target.node.metricId] : []))
        .filter((x): x is string => x !== null);
      view.referenced = distinctNodes((await this.nodes(ids)).filter((n): n is GraphNode => n !== null));
    }
    if (include.papers) view.papers = await this.papersOf(id, include.papers);
    if (include.leaderboard && node.label === 'Dataset') view.leaderboard = await this.leaderboard(id, include.leaderboard);
    return view;
  }

  async paperLinks(paperId: string): Promise<PaperLink[]> {
    if (!this.graph.hasNode(paperId)) return [];
    return this.graph
      .outEdges(paperId)
      .map((edge) => {
        const { type, evidence } = this.graph.getEdgeAttributes(edge);
        return { type, target: this.graph.getNodeAttributes(this.graph.target(edge)), evidence };
      })
      .sort((a, b) => compare(a.type, b.type) || compare(a.target.node.id, b.target.node.id));
  }

  async paperLinksMany(paperIds: readonly string[]): Promise<PaperLink[][]> {
    return Promise.all(paperIds.map((id) => this.paperLinks(id)));
  }

  async papersOf(nodeId: string, page: PageArgs): Promise<PapersPage> {
    return toPapersPage(
      sliceOrdered(
        this.paperIdsOf(nodeId).map((id) => this.paperNode(id)),
        PAPERS_BY_ID,
        idWindow(page),
      ),
    );
  }

  async papersOfMany(nodeIds: readonly string[], page: PageArgs): Promise<PapersPage[]> {
    return Promise.all(nodeIds.map((id) => this.papersOf(id, page)));
  }

  async paperCounts(nodeIds: readonly string[]): Promise<number[]> {
    return nodeIds.map((id) => this.paperIdsOf(id).length);
  }

  async listEntities(label: BrowseLabel, filter: EntityFilter, order: EntityOrder, window: Window): Promise<Slice<CountedNode>> {
    const entities = this.graph
      .filterNodes((_, a) => a.label === label)
      .map((id) => ({ node: this.graph.getNodeAttributes(id), paperCount: this.paperIdsOf(id).length }))
      .filter((e) => matchesEntityFilter(e, filter));
    return sliceOrdered(entities, entityOrdering(order), window);
  }

  /** The distinct papers with an edge to a node. */
  private paperIdsOf(nodeId: string): string[] {
    if (!this.graph.hasNode(nodeId)) return [];
    return [...new Set(this.graph.inNeighbors(nodeId))].filter((id) => this.graph.getNodeAttribute(id, 'label') === 'Paper');
  }

  async sharedDatasets(paperIds: readonly string[]): Promise<SharedDataset[]> {
    const unique = [...new Set(paperIds)];
    if (unique.length === 0 || !unique.every((id) => this.graph.hasNode(id))) return [];
    const datasetsOf = (id: string): Set<string> =>
      new Set(
        this.graph
          .outEdges(id)
          .filter((e) => this.graph.getEdgeAttribute(e, 'type') === 'EVALUATES_ON')
          .map((e) => this.graph.target(e)),
      );
    const shared = unique.map(datasetsOf).reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
    return [...shared].sort(compare).map((datasetId) => ({
      dataset: this.graph.getNodeAttributes(datasetId).node as EntityNode,
      results: unique
        .flatMap((paperId) =>
          this.graph
            .outNeighbors(paperId)
            .filter((r) => this.graph.getNodeAttribute(r, 'label') === 'Result' && (this.graph.getNodeAttributes(r).node as ResultNode).datasetId === datasetId)
            .map((r) => {
              const result = this.graph.getNodeAttributes(r).node as ResultNode;
              return { paper: this.paperNode(paperId), result, metric: this.entityOf(result.metricId) };
            }),
        )
        .sort((a, b) => compare(a.paper.id, b.paper.id) || compare(a.result.id, b.result.id)),
    }));
  }

  async relatedPapers(paperId: string, window: Window): Promise<Slice<RelatedPaper>> {
    if (!this.graph.hasNode(paperId)) return sliceOrdered([], RELATED_BY_SCORE, window);
    const related = new Map<string, RelatedPaper>();
    for (const nodeId of new Set(this.graph.outNeighbors(paperId))) {
      const { label, node } = this.graph.getNodeAttributes(nodeId);
      if (!RELATING_LABELS.includes(label)) continue;
      const papers = [...new Set(this.graph.inNeighbors(nodeId))].filter((id) => this.graph.getNodeAttribute(id, 'label') === 'Paper');
      if (!relatesPapers(label, papers.length)) continue;
      const weight = relatednessUnits(label, papers.length);
      for (const other of papers) {
        if (other === paperId) continue;
        const entry = related.get(other) ?? { paper: this.paperNode(other), score: 0, shared: [] };
        entry.score += weight;
        entry.shared.push({ id: nodeId, label, name: displayName({ label, node } as GraphNode) });
        related.set(other, entry);
      }
    }
    return sliceOrdered(finishRelated(related.values()), RELATED_BY_SCORE, window);
  }

  async shortestPath(fromId: string, toId: string, maxHops: number): Promise<Path | null> {
    if (!this.graph.hasNode(fromId) || !this.graph.hasNode(toId)) return null;
    if (fromId === toId) return { nodes: [this.pathNode(fromId)], edges: [] };
    const ids = smallestShortestPath((id) => this.graph.neighbors(id), fromId, toId, maxHops);
    if (!ids) return null;
    const edges = ids.slice(1).map((to, i) => {
      const from = ids[i]!;
      const key = [...this.graph.edges(from, to), ...this.graph.edges(to, from)].sort(compare)[0]!;
      return { from: this.graph.source(key), to: this.graph.target(key), type: this.graph.getEdgeAttribute(key, 'type') };
    });
    return { nodes: ids.map((id) => this.pathNode(id)), edges };
  }

  async search(query: string, { labels, window }: { labels?: readonly Label[]; window: Window }): Promise<Slice<SearchHit>> {
    const wanted = labels && labels.length > 0 ? new Set(labels) : undefined;
    const candidates = this.index.search(query, { combineWith: 'AND', filter: (r) => !wanted || wanted.has(r['label'] as Label) }).slice(0, SEARCH_CANDIDATES);
    // Scored from the index's own record of which field each term matched in: no re-reading of abstracts.
    const terms = searchTerms(query);
    const hits = candidates.map((c) => {
      const a = this.graph.getNodeAttributes(String(c.id));
      const name = displayName(a);
      const fields = c.match;
      return {
        id: a.node.id,
        label: a.label,
        name,
        score: scoreTerms(
          terms,
          (t) => fields[t]?.includes('name') ?? false,
          (t) => fields[t]?.includes('text') ?? false,
          searchTerms(name),
        ),
      };
    });
    return sliceOrdered(hits, HITS_BY_SCORE, window);
  }

  async leaderboard(datasetId: string, { metricId, setting, rowsPerGroup }: LeaderboardFilter = {}): Promise<LeaderboardGroup[]> {
    if (!this.graph.hasNode(datasetId)) return [];
    const entries: LeaderboardEntry[] = [];
    for (const r of this.graph.inNeighbors(datasetId)) {
      const a = this.graph.getNodeAttributes(r);
      if (a.label !== 'Result') continue;
      const result = a.node;
      if ((metricId !== undefined && result.metricId !== metricId) || (setting !== undefined && result.setting !== setting)) continue;
      const paperId = this.graph.inNeighbors(r).find((p) => this.graph.getNodeAttribute(p, 'label') === 'Paper');
      if (!paperId) continue;
      entries.push({ paper: this.paperNode(paperId), result, metric: this.entityOf(result.metricId), method: this.entityOf(result.methodId) });
    }
    return cutLeaderboard(groupLeaderboard(entries), rowsPerGroup);
  }

  async leaderboardMany(datasetIds: readonly string[], filter: LeaderboardFilter = {}): Promise<LeaderboardGroup[][]> {
    return Promise.all(datasetIds.map((id) => this.leaderboard(id, filter)));
  }

  async linked(nodeId: string, type: RelationshipType, direction: 'out' | 'in'): Promise<GraphNode[]> {
    if (!this.graph.hasNode(nodeId)) return [];
    const edges = direction === 'out' ? this.graph.outEdges(nodeId) : this.graph.inEdges(nodeId);
    const ids = new Set(
      edges.filter((e) => this.graph.getEdgeAttribute(e, 'type') === type).map((e) => (direction === 'out' ? this.graph.target(e) : this.graph.source(e))),
    );
    return [...ids].sort(compare).map((id) => this.graph.getNodeAttributes(id));
  }

  async linkedMany(nodeIds: readonly string[], type: RelationshipType, direction: 'out' | 'in'): Promise<GraphNode[][]> {
    return Promise.all(nodeIds.map((id) => this.linked(id, type, direction)));
  }

  async listPapers(filter: PaperFilter, order: PaperOrder, window: Window): Promise<PapersPage> {
    let ids: string[];
    if (filter.paperIds) ids = filter.paperIds.filter((id) => this.graph.hasNode(id));
    else ids = this.graph.filterNodes((_, a) => a.label === 'Paper');
    for (const nodeId of filter.nodeIds ?? []) {
      const linked = this.graph.hasNode(nodeId) ? new Set(this.graph.inNeighbors(nodeId)) : new Set<string>();
      ids = ids.filter((id) => linked.has(id));
    }
    if (filter.hasCode !== undefined) {
      ids = ids.filter((id) => this.graph.outEdges(id).some((e) => this.graph.getEdgeAttribute(e, 'type') === 'HAS_CODE') === filter.hasCode);
    }
    return toPapersPage(
      sliceOrdered(
        [...new Set(ids)].map((id) => this.paperNode(id)),
        paperOrdering(order),
        window,
      ),
    );
  }

  async checkReady(): Promise<ReadinessCheck[]> {
    const papers = this.graph.someNode((_, a) => a.label === 'Paper');
    return [
      { name: 'store', ok: !this.closed, ...(this.closed ? { problem: 'the store is closed' } : {}) },
      { name: 'schema', ok: true },
      { name: 'papers', ok: papers, ...(papers ? {} : { problem: 'the store holds no paper' }) },
    ];
  }

  /** Saves what is not saved yet, then lets the data folder go. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      if (this.dirty) this.save();
    } finally {
      this.closed = true;
      this.lock?.release();
    }
  }

  private entityOf(id: string | null): EntityNode | null {
    return id && this.graph.hasNode(id) ? (this.graph.getNodeAttributes(id).node as EntityNode) : null;
  }

  private paperNode(id: string) {
    const a = this.graph.getNodeAttributes(id);
    if (a.label !== 'Paper') throw new Error(`${id} is not a paper`);
    return a.node;
  }

  private pathNode(id: string): Path['nodes'][number] {
    const a = this.graph.getNodeAttributes(id);
    return { id, label: a.label, name: displayName(a) };
  }
}

// Text is split into terms as the Neo4j store's index gets it (rank-search.ts), so that both
// stores find the same candidates.
const INDEX_OPTIONS = { fields: ['name', 'text'], storeFields: ['label'], idField: 'id', autoVacuum: false, tokenize: (text: string) => searchTerms(text) };

/** What the full-text index holds for a node: papers, entities and repositories; links and results are not searched. */
function searchDocumentOf(a: GraphNode): SearchDocument | undefined {
  if (a.label === 'Link' || a.label === 'Result') return undefined;
  return { id: a.node.id, label: a.label, name: displayName(a), text: searchTextOf(a) };
}

function createIndex(): MiniSearch<SearchDocument> {
  return new MiniSearch<SearchDocument>(INDEX_OPTIONS);
}

/** A file's identity and version as stat gives them: equal strings, same file and contents. */
function fileSignature(file: string): string | null {
  try {
    const stat = statSync(file, { bigint: true });
    return `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
  } catch {
    return null;
  }
}
