import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord, type Result } from 'neo4j-driver';
import { SearchTooLargeError, StoreError, StoreFailureError } from '../../errors.js';
import type { LoadStart } from '../../graph/writer.js';
import {
  emptyCounts,
  LABELS,
  labelOfId,
  labelsOfIds,
  TARGET_LABEL,
  RELATIONSHIP_TYPES,
  type Counts,
  type EntityNode,
  type ExtractionRecord,
  type Label,
  RESULT_SETTINGS,
  type PaperGraph,
  type PaperNode,
  type RelationshipType,
  type ResultNode,
  type ResultSetting,
  type Span,
  type StoredExtraction,
} from '../../graph/model.js';
import {
  broaderName,
  compare,
  displayName,
  distinctNodes,
  finishRelated,
  HITS_BY_SCORE,
  idWindow,
  paperOrdering,
  RELATED_BY_SCORE,
  toPapersPage,
} from '../graph-rules.js';
import { indexRead, sliceFromIndex, sliceOrdered, type Slice, type SortKey, type Window } from '../keyset.js';
import { judgeLoad, LOADS_KEPT, resolveInterrupted, type LoadRecord, type StoredLoad } from '../load-record.js';
import { processRunning } from '../process-running.js';
import { RELATING_LABELS, relatednessUnits, relatesPapers, SCORE_UNIT } from '../rank-related.js';
import { SEARCH_CANDIDATES, scoreKeys, searchTerms } from '../rank-search.js';
import type {
  BrowseLabel,
  CountedNode,
  EntityFilter,
  EntityOrder,
  GraphNode,
  GraphStore,
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
import * as cypher from './cypher.js';

/**
 * A running load's heartbeat: how often it says it is alive, and how long without a sign of life
 * makes it interrupted. Neo4j cannot see whether a loader's process lives, and several loads may
 * write at once, so one on another machine is judged by its heartbeat alone (one on this machine
 * also by its pid). The margin covers a loader waiting for another's derivation.
 */
const HEARTBEAT_MS = 10_000;
const STALE_SECONDS = 120;

/** Sees a read statement as it is sent (Neo4jStore.observeReads). */
export type ReadObserver = (statement: string, parameters: Record<string, unknown>) => void;

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/**
 * The production store: Neo4j through neo4j-driver, the only module that talks to it.
 * Parameterised Cypher only; every write batch is one `executeWrite` transaction (retried by the
 * driver on transient errors, all-or-nothing on failure); schema created on connect if missing.
 */
export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j';
  /** Round trips made, for tests that prove batching. */
  roundTrips = 0;
  /** Heartbeats of the loads this process runs, by load id. */
  private readonly heartbeats = new Map<string, NodeJS.Timeout>();
  /** Who is told of each read statement (see observeReads). */
  private readonly readObservers = new Set<ReadObserver>();

  private constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  static async connect(connection: Neo4jConnection): Promise<Neo4jStore> {
    const auth = connection.password ? neo4j.auth.basic(connection.user, connection.password) : undefined;
    const driver = neo4j.driver(connection.uri, auth, {
      disableLosslessIntegers: true,
      maxTransactionRetryTime: 30_000,
      logging: { level: 'error', logger: () => {} },
    });
    const store = new Neo4jStore(driver, connection.database);
    try {
      await driver.verifyConnectivity({ database: connection.database });
      await store.ensureSchema();
    } catch (error) {
      await driver.close();
      throw new StoreError(`cannot reach Neo4j at ${connection.uri}: ${(error as Error).message}`, error);
    }
    return store;
  }

  private async ensureSchema(): Promise<void> {
    for (const statement of cypher.SCHEMA) await this.write((tx) => tx.run(statement));
    await this.write((tx) => tx.run('CALL db.awaitIndexes(300)'));
    const version = await this.read(async (tx) => (await tx.run(cypher.PROPERTIES_VERSION_DONE)).records[0]!.get('version') as number);
    if (version < cypher.PROPERTIES_VERSION) {
      // `IN TRANSACTIONS` needs an auto-commit query: run on a session, as clear() does.
      const session = this.driver.session({ database: this.database });
      try {
        for (const statement of cypher.BACKFILL_PROPERTIES) await session.run(statement);
      } finally {
        await session.close();
      }
    }
  }

  /**
   * Runs a read as one auto-commit query: one network round trip instead of the three messages of
   * an explicit transaction (BEGIN, RUN, COMMIT), which is most of a small read's latency. A read
   * that fails on a transient error is tried once more.
   */
  private async read<T>(work: (tx: ReadRunner) => Promise<T>): Promise<T> {
    this.roundTrips++;
    let healed = false;
    for (let attempt = 1; ; attempt++) {
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
      try {
        return await work({
          run: (query: string, parameters?: Record<string, unknown>, config?: { timeout?: number }) => {
            for (const observe of this.readObservers) observe(query, parameters ?? {});
            return withoutStackTrace(() => session.run(query, parameters, config));
          },
        });
      } catch (error) {
        // The search index is gone (Neo4j restarted on an empty folder): re-created once, then read again.
        if (!healed && /no such fulltext schema index/i.test((error as Error).message ?? '')) {
          healed = true;
          await session.close();
          await this.ensureSchema();
          continue;
        }
        // A transient error (a connection the restart broke) is tried again, twice at most.
        const retriable = (error as { retriable?: boolean }).retriable === true;
        if (!retriable || attempt >= 3) throw translate(error);
      } finally {
        await session.close();
      }
    }
  }

  /**
   * Tells `observer` of every read statement sent, with its parameters, until the returned
   * function is called: how `npm run bench:scale` finds the statements a request runs, to PROFILE
   * them.
   */
  observeReads(observer: ReadObserver): () => void {
    this.readObservers.add(observer);
    return () => void this.readObservers.delete(observer);
  }

  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    this.roundTrips++;
    const session = this.driver.session({ database: this.database });
    try {
      return await session.executeWrite(work);
    } catch (error) {
      throw translate(error);
    } finally {
      await session.close();
    }
  }

  async writePapers(graphs: readonly PaperGraph[], loadId?: string): Promise<void> {
    if (graphs.length === 0) return;
    const rows = cypher.writeRows(graphs);
    await this.write(async (tx) => {
      // The nodes the papers link to before this write lose a paper when it drops them.
      const before = (await tx.run(cypher.LINKED_BEFORE, { ids: rows.paperIds })).records.map((r) => r.get('id') as string);
      const recount = [...groupByLabel([...before, ...rows.linked])].filter((group): group is [BrowseLabel, string[]] => cypher.isBrowseLabel(group[0]));
      // The statements are sent together and run in order on the server: one wait per batch,
      // not one per statement.
      const statements: Array<Promise<unknown>> = [
        tx.run(cypher.COUNT_WRITE),
        tx.run(cypher.DELETE_PAPER_RESULTS, { ids: rows.paperIds }),
        tx.run(cypher.DELETE_PAPER_EDGES, { ids: rows.paperIds }),
        tx.run(cypher.MERGE_PAPERS, { rows: rows.papers }),
      ];
      for (const [label, entities] of rows.entities) if (entities.length > 0) statements.push(tx.run(cypher.mergeEntities(label), { rows: entities }));
      if (rows.extractions.length > 0) statements.push(tx.run(cypher.MERGE_EXTRACTIONS, { rows: rows.extractions }));
      if (rows.withoutExtraction.length > 0) statements.push(tx.run(cypher.DELETE_EXTRACTIONS, { ids: rows.withoutExtraction }));
      if (rows.repositories.length > 0) statements.push(tx.run(cypher.MERGE_REPOSITORIES, { rows: rows.repositories }));
      if (rows.links.length > 0) statements.push(tx.run(cypher.MERGE_LINKS, { rows: rows.links }));
      for (const [type, edges] of rows.edges) if (edges.length > 0) statements.push(tx.run(cypher.createEdges(type, TARGET_LABEL[type]!), { rows: edges }));
      if (rows.results.length > 0) statements.push(tx.run(cypher.CREATE_RESULTS, { rows: rows.results }));
      for (const [label, ids] of recount) statements.push(tx.run(cypher.recountPapers(label), { ids }));
      // In the batch's own transaction: the record counts exactly the papers committed.
      if (loadId) statements.push(tx.run(cypher.COUNT_LOAD_BATCH, { id: loadId, papers: graphs.length }));
      await Promise.all(statements);
    });
  }

  async readExtractions(after: string, limit: number): Promise<StoredExtraction[]> {
    const records = await this.read(async (tx) => (await tx.run(cypher.READ_EXTRACTIONS, { after, limit: neo4j.int(limit) })).records);
    return records.map((r) => ({
      paper: toGraphNode('Paper', r.get('paper') as Record<string, unknown>).node as PaperNode,
      extraction: (r.get('extraction') as ExtractionRecord | null) ?? null,
    }));
  }

  async writeCount(): Promise<number> {
    return (await this.writesSoFar()).written;
  }

  async refreshDerived(completedLoad?: string): Promise<void> {
    // One transaction, holding the :KgState lock from its first statement: no write batch commits
    // meanwhile and no other refresh runs, so it derives from exactly the batches it marks derived.
    await this.write(async (tx) => {
      await tx.run(cypher.LOCK_STATE);
      await tx.run(cypher.DELETE_ORPHANS);
      await tx.run(cypher.DELETE_DERIVED);
      await tx.run(cypher.CREATE_CITES);
      const concepts = (await tx.run('MATCH (c:Concept) RETURN c.name AS name, c.id AS id')).records;
      const byName = new Map(concepts.map((r) => [r.get('name') as string, r.get('id') as string]));
      const pairs = [...byName].flatMap(([name, id]) => {
        const broader = broaderName(name, byName);
        return broader ? [{ from: id, to: byName.get(broader)! }] : [];
      });
      if (pairs.length > 0) await tx.run(cypher.CREATE_BROADER, { rows: pairs });
      for (const label of ['Task', 'Dataset', 'Method', 'Metric'] as const) await tx.run(cypher.createDeclaredBroader(label));
      await tx.run(cypher.MARK_DERIVED);
      // The load is complete exactly when its derived edges are committed.
      if (completedLoad) await this.completeLoad(tx, completedLoad);
    });
    if (completedLoad) this.stopHeartbeat(completedLoad);
  }

  private async completeLoad(tx: ManagedTransaction, id: string): Promise<void> {
    const loads = this.judgeLoads((await tx.run(cypher.listLoads(LOADS_KEPT, STALE_SECONDS))).records);
    const self = loads.find((l) => l.id === id);
    await tx.run(cypher.COMPLETE_LOAD, { id });
    if (self) {
      const rows = resolveInterrupted(self, loads);
      if (rows.length > 0) await tx.run(cypher.RESOLVE_LOADS, { rows, by: id });
    }
    await tx.run(cypher.pruneLoads(LOADS_KEPT));
  }

  async beginLoad(start: LoadStart): Promise<string> {
    const id = `load:${randomUUID()}`;
    await this.write((tx) => tx.run(cypher.BEGIN_LOAD, { id, sources: start.sources, papersTotal: start.papersTotal, pid: process.pid, host: hostname() }));
    // A failed beat is not the load's failure: its next batch meets the same store and says so.
    const beat = setInterval(() => void this.write((tx) => tx.run(cypher.TOUCH_LOAD, { id })).catch(() => {}), HEARTBEAT_MS);
    beat.unref();
    this.heartbeats.set(id, beat);
    return id;
  }

  private stopHeartbeat(id: string): void {
    clearInterval(this.heartbeats.get(id));
    this.heartbeats.delete(id);
  }

  async loads(): Promise<LoadRecord[]> {
    return this.judgeLoads(await this.read(async (tx) => (await tx.run(cypher.listLoads(LOADS_KEPT, STALE_SECONDS))).records));
  }

  /** Load records as read, judged: alive while the heartbeat is fresh and, on this machine, the pid runs. */
  private judgeLoads(records: readonly Neo4jRecord[]): LoadRecord[] {
    return records.map((r) => {
      const how = r.get('resolvedHow') as 'resumed' | 'superseded' | null;
      const stored: StoredLoad = {
        id: r.get('id') as string,
        sources: r.get('sources') as string[],
        papersTotal: r.get('papersTotal') as number,
        papersWritten: r.get('papersWritten') as number,
        startedAt: r.get('startedAt') as string,
        seenAt: r.get('seenAt') as string,
        completedAt: (r.get('completedAt') as string | null) ?? null,
        pid: r.get('pid') as number,
        host: r.get('host') as string,
        done: r.get('done') === true,
        resolvedBy: how ? { id: r.get('resolvedBy') as string, how } : null,
      };
      return judgeLoad(stored, r.get('stale') !== true && processRunning(stored.pid, stored.host));
    });
  }

  async derivedPending(): Promise<boolean> {
    const { written, derived } = await this.writesSoFar();
    return written > derived;
  }

  private async writesSoFar(): Promise<{ written: number; derived: number }> {
    const record = await this.read(async (tx) => (await tx.run(cypher.WRITES_SO_FAR)).records[0]!);
    return { written: record.get('written') as number, derived: record.get('derived') as number };
  }

  async counts(): Promise<Counts> {
    const counts = emptyCounts();
    // One count-store look-up per label and type: constant time, whatever the graph's size.
    const statement = [
      ...LABELS.map((label) => `CALL () { MATCH (n:${label}) RETURN count(n) AS \`${label}\` }`),
      ...RELATIONSHIP_TYPES.map((type) => `CALL () { MATCH ()-[r:${type}]->() RETURN count(r) AS \`${type}\` }`),
      `RETURN ${[...LABELS, ...RELATIONSHIP_TYPES].map((k) => `\`${k}\``).join(', ')}`,
    ].join('\n');
    const record = await this.read(async (tx) => (await tx.run(statement)).records[0]!);
    for (const label of LABELS) counts.labels[label] = record.get(label) as number;
    for (const type of RELATIONSHIP_TYPES) counts.relationships[type] = record.get(type) as number;
    return counts;
  }

  async node(id: string): Promise<GraphNode | null> {
    return (await this.nodes([id]))[0] ?? null;
  }

  async nodes(ids: readonly string[]): Promise<Array<GraphNode | null>> {
    const labels = labelsOfIds(ids);
    if (labels.length === 0) return ids.map(() => null);
    const statement = labels
      .map((label) => `MATCH (n:${label}) WHERE n.id IN $ids RETURN '${label}' AS label, ${cypher.props('n')} AS props`)
      .join(' UNION ALL ');
    const records = await this.read(async (tx) => (await tx.run(statement, { ids: [...new Set(ids)] })).records);
    const found = new Map(
      records.map((r) => {
        const node = toGraphNode(r.get('label') as Label, r.get('props') as Record<string, unknown>);
        return [node.node.id, node];
      }),
    );
    return ids.map((id) => found.get(id) ?? null);
  }

  async paperLinks(paperId: string): Promise<PaperLink[]> {
    return (await this.paperLinksMany([paperId]))[0]!;
  }

  async paperLinksMany(paperIds: readonly string[]): Promise<PaperLink[][]> {
    const records = await this.read(async (tx) => (await tx.run(cypher.PAPER_LINKS, { ids: [...new Set(paperIds)] })).records);
    const byPaper = new Map<string, LinkRow[]>();
    for (const r of records) {
      const list = byPaper.get(r.get('paperId') as string) ?? [];
      list.push(r.get('link') as LinkRow);
      byPaper.set(r.get('paperId') as string, list);
    }
    return paperIds.map((id) => toLinks(byPaper.get(id) ?? []));
  }

  async nodeWith(id: string, include: NodeInclude): Promise<NodeWith | null> {
    const label = labelOfId(id);
    if (!label) return null;
    const parts = {
      links: include.links === true && label === 'Paper',
      papers: include.papers ? windowShape(idWindow(include.papers)) : null,
      leaderboard: include.leaderboard !== undefined && label === 'Dataset',
    };
    const parameters = {
      id,
      ...(include.papers ? windowParameters(idWindow(include.papers)) : {}),
      ...leaderboardParameters(include.leaderboard ?? {}),
    };
    const record = await this.read(async (tx) => (await tx.run(cypher.nodeWith(label, parts), parameters)).records[0]);
    if (!record) return null;
    const view: NodeWith = { node: toGraphNode(label, record.get('props') as Record<string, unknown>), referenced: [] };
    if (parts.links) {
      view.links = toLinks(record.get('links') as LinkRow[]);
      view.referenced = distinctNodes(
        (record.get('referenced') as Array<{ label: Label; props: Record<string, unknown> }>).map((x) => toGraphNode(x.label, x.props)),
      );
    }
    if (parts.papers) view.papers = toPage(record, include.papers!);
    if (parts.leaderboard) view.leaderboard = toLeaderboard(record);
    return view;
  }

  async papersOf(nodeId: string, page: PageArgs): Promise<PapersPage> {
    return (await this.papersOfMany([nodeId], page))[0]!;
  }

  async papersOfMany(nodeIds: readonly string[], page: PageArgs): Promise<PapersPage[]> {
    const byId = new Map<string, PapersPage>();
    for (const [label, ids] of groupByLabel(nodeIds)) {
      const window = idWindow(page);
      const records = await this.read(async (tx) => (await tx.run(cypher.papersOf(label, windowShape(window)), { ids, ...windowParameters(window) })).records);
      for (const r of records) byId.set(r.get('id') as string, toPage(r, page));
    }
    return nodeIds.map((id) => byId.get(id) ?? toPapersPage(sliceOrdered([], { keyOf: () => [], descending: [] }, {})));
  }

  async paperCounts(nodeIds: readonly string[]): Promise<number[]> {
    const counts = new Map<string, number>();
    for (const [label, ids] of groupByLabel(nodeIds)) {
      const records = await this.read(async (tx) => (await tx.run(cypher.paperCounts(label), { ids })).records);
      for (const r of records) counts.set(r.get('id') as string, r.get('count') as number);
    }
    return nodeIds.map((id) => counts.get(id) ?? 0);
  }

  async listEntities(label: BrowseLabel, filter: EntityFilter, order: EntityOrder, window: Window): Promise<Slice<CountedNode>> {
    const words = (filter.text ?? '')
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w.length > 0);
    const source = cypher.entitySource(label, { minPapers: filter.minPapers !== undefined, words: words.length > 0 });
    const slice = await this.readListing(source, cypher.entityListingKeys(order.field, order.descending), window, {
      minPapers: filter.minPapers === undefined ? null : neo4j.int(filter.minPapers),
      words,
    });
    return {
      ...slice,
      items: slice.items.map((row) => ({ node: toGraphNode(label, row['props'] as Record<string, unknown>), paperCount: row['paperCount'] as number })),
    };
  }

  async sharedDatasets(paperIds: readonly string[]): Promise<SharedDataset[]> {
    const ids = [...new Set(paperIds)];
    if (ids.length === 0) return [];
    const record = (await this.read(async (tx) => (await tx.run(cypher.SHARED_DATASETS, { ids })).records))[0];
    if (!record) return [];
    const papers = new Map((record.get('papers') as Array<Record<string, unknown>>).map((p) => [p['id'] as string, toPaper(p)]));
    const shared = record.get('shared') as Array<{
      dataset: Record<string, unknown>;
      results: Array<{ paperId: string; result: Record<string, unknown>; metric: Record<string, unknown> | null }>;
    }>;
    return shared
      .map((s) => ({
        dataset: toEntity('Dataset', s.dataset),
        results: s.results
          .map((x) => ({ paper: papers.get(x.paperId)!, result: toResult(x.result), metric: x.metric ? toEntity('Metric', x.metric) : null }))
          .sort((a, b) => compare(a.paper.id, b.paper.id) || compare(a.result.id, b.result.id)),
      }))
      .sort((a, b) => compare(a.dataset.id, b.dataset.id));
  }

  async relatedPapers(paperId: string, window: Window): Promise<Slice<RelatedPaper>> {
    // The paper's own relating nodes, with their weights; the candidates are scored and windowed in Neo4j.
    const own = (await this.read(async (tx) => (await tx.run(cypher.RELATING_NODES, { id: paperId, labels: RELATING_LABELS })).records)).map((r) => {
      const label = r.get('label') as BrowseLabel;
      const node = toGraphNode(label, r.get('props') as Record<string, unknown>);
      const count = r.get('count') as number;
      return { label, node, count, units: relatednessUnits(label, count) };
    });
    const byLabel = new Map<BrowseLabel, Array<{ id: string; units: number }>>();
    for (const { label, node, units, count } of own) {
      if (relatesPapers(label, count)) byLabel.set(label, [...(byLabel.get(label) ?? []), { id: node.node.id, units }]);
    }
    if (byLabel.size === 0) return sliceOrdered([], RELATED_BY_SCORE, window);
    const read = indexRead(window);
    const statement = cypher.relatedWindow([...byLabel.keys()], {
      backward: read.backward,
      limit: read.limit !== null,
      after: window.after !== undefined,
      before: window.before !== undefined,
    });
    // Cursors carry scores; the database compares their integer units.
    const cursor = (name: 'after' | 'before', key: SortKey | undefined) =>
      key ? { [`${name}0`]: Math.round(Number(key[0]) * SCORE_UNIT), [`${name}1`]: key[1] ?? null } : {};
    const record = (
      await this.read(
        async (tx) =>
          (
            await tx.run(statement, {
              id: paperId,
              ...Object.fromEntries(byLabel),
              ...cursor('after', window.after),
              ...cursor('before', window.before),
              limit: read.limit === null ? null : neo4j.int(read.limit),
            })
          ).records,
      )
    )[0]!;
    const rows = record.get('rows') as Array<{ id: string; units: number; shared: string[] }>;
    const papers = await this.nodes(rows.map((row) => row.id));
    const names = new Map(own.map(({ label, node }) => [node.node.id, { id: node.node.id, label: label as Label, name: displayName(node) }]));
    const related = finishRelated(
      rows.map((row, i) => ({ paper: papers[i]!.node as PaperNode, score: row.units, shared: row.shared.map((id) => names.get(id)!) })),
    );
    return sliceFromIndex(
      related.map((r) => ({ item: r, key: RELATED_BY_SCORE.keyOf(r) })),
      window,
      { atOrBeforeAfter: record.get('atOrBeforeAfter') as boolean, atOrPastBefore: record.get('atOrPastBefore') as boolean },
      record.get('total') as number,
    );
  }

  async shortestPath(fromId: string, toId: string, maxHops: number): Promise<Path | null> {
    const fromLabel = labelOfId(fromId);
    const toLabel = labelOfId(toId);
    if (!fromLabel || !toLabel) return null;
    if (fromId === toId) {
      const node = await this.node(fromId);
      return node ? { nodes: [{ id: fromId, label: node.label, name: displayName(node) }], edges: [] } : null;
    }
    // Neo4j stops the search after PATH_SEARCH_TIMEOUT_MS: it runs in the database, where no budget of ours reaches.
    const records = await this.read(
      async (tx) => (await tx.run(cypher.shortestPaths(fromLabel, toLabel, maxHops), { from: fromId, to: toId }, { timeout: PATH_SEARCH_TIMEOUT_MS })).records,
    ).catch((error: unknown) => {
      if (error instanceof StoreFailureError && /TransactionTimedOut/.test(error.message)) {
        throw new SearchTooLargeError(
          `The path search took longer than ${PATH_SEARCH_TIMEOUT_MS / 1000} s without finishing; ask for fewer hops (maxHops) or nodes closer together.`,
        );
      }
      throw error;
    });
    if (records.length === 0) return null;
    // Of all shortest paths, the lexicographically smallest id sequence: the embedded store's choice too.
    const paths = records.map((r) => ({
      ids: r.get('ids') as string[],
      nodes: r.get('nodes') as Array<{ label: Label; props: Record<string, unknown> }>,
      rels: r.get('rels') as Array<{ from: string; to: string; type: RelationshipType }>,
    }));
    paths.sort((a, b) => compareSequences(a.ids, b.ids));
    const best = paths[0]!;
    const edges = best.ids.slice(1).map((to, i) => {
      const from = best.ids[i]!;
      const candidates = records
        .flatMap((r) => r.get('rels') as Array<{ from: string; to: string; type: RelationshipType }>)
        .filter((e) => (e.from === from && e.to === to) || (e.from === to && e.to === from))
        .sort((a, b) => compare(`${a.type}|${a.from}|${a.to}`, `${b.type}|${b.from}|${b.to}`));
      return candidates[0]!;
    });
    return {
      nodes: best.nodes.map((n) => {
        const node = toGraphNode(n.label, n.props);
        return { id: node.node.id, label: n.label, name: displayName(node) };
      }),
      edges,
    };
  }

  async search(query: string, { labels, window }: { labels?: readonly Label[]; window: Window }): Promise<Slice<SearchHit>> {
    const terms = searchTerms(query);
    if (terms.length === 0) return sliceOrdered([], HITS_BY_SCORE, window);
    const lucene = luceneQuery(terms);
    const wanted = labels && labels.length > 0 ? [...labels] : null;
    // Scored in the database (rank-search.ts scoreHit, as Cypher); the window is cut here.
    const parameters = { query: lucene, labels: wanted, limit: neo4j.int(SEARCH_CANDIDATES), first: neo4j.int(SEARCH_CANDIDATES), ...scoreKeys(query) };
    const records = await this.read(async (tx) => (await tx.run(cypher.SEARCH, parameters)).records);
    const hits = records.map((r) => ({
      id: r.get('id') as string,
      label: r.get('label') as Label,
      name: r.get('name') as string,
      score: r.get('score') as number,
    }));
    return sliceOrdered(hits, HITS_BY_SCORE, window);
  }

  async leaderboard(datasetId: string, filter: LeaderboardFilter = {}): Promise<LeaderboardGroup[]> {
    return (await this.leaderboardMany([datasetId], filter))[0]!;
  }

  async leaderboardMany(datasetIds: readonly string[], filter: LeaderboardFilter = {}): Promise<LeaderboardGroup[][]> {
    const ids = [...new Set(datasetIds)];
    const records = await this.read(async (tx) => (await tx.run(cypher.LEADERBOARD, { ids, ...leaderboardParameters(filter) })).records);
    const byId = new Map(records.map((r) => [r.get('id') as string, toLeaderboard(r)]));
    return datasetIds.map((id) => byId.get(id) ?? []);
  }

  async linked(nodeId: string, type: RelationshipType, direction: 'out' | 'in'): Promise<GraphNode[]> {
    return (await this.linkedMany([nodeId], type, direction))[0]!;
  }

  async linkedMany(nodeIds: readonly string[], type: RelationshipType, direction: 'out' | 'in'): Promise<GraphNode[][]> {
    const labels = labelsOfIds(nodeIds);
    if (labels.length === 0) return nodeIds.map(() => []);
    const pattern = direction === 'out' ? `-[:${type}]->` : `<-[:${type}]-`;
    const statement = labels
      .map((label) => `MATCH (n:${label})${pattern}(m) WHERE n.id IN $ids RETURN DISTINCT n.id AS from, labels(m)[0] AS label, ${cypher.props('m')} AS props`)
      .join(' UNION ');
    const records = await this.read(async (tx) => (await tx.run(statement, { ids: [...new Set(nodeIds)] })).records);
    const byNode = new Map<string, GraphNode[]>();
    for (const r of records) {
      const list = byNode.get(r.get('from') as string) ?? [];
      list.push(toGraphNode(r.get('label') as Label, r.get('props') as Record<string, unknown>));
      byNode.set(r.get('from') as string, list);
    }
    return nodeIds.map((id) => (byNode.get(id) ?? []).sort((a, b) => compare(a.node.id, b.node.id)));
  }

  async listPapers(filter: PaperFilter, order: PaperOrder, window: Window): Promise<PapersPage> {
    const [firstNodeId, ...moreNodeIds] = filter.nodeIds ?? [];
    const firstNode = firstNodeId === undefined ? null : (labelOfId(firstNodeId) ?? null);
    // A node of no known label links to no paper.
    if (firstNodeId !== undefined && !firstNode) return toPapersPage(sliceOrdered([], paperOrdering(order), window));
    const source = cypher.paperSource({
      paperIds: filter.paperIds !== undefined,
      firstNode,
      moreNodes: moreNodeIds.length > 0,
      hasCode: filter.hasCode !== undefined,
    });
    const slice = await this.readListing(source, cypher.PAPER_LISTING_KEYS[order], window, {
      paperIds: filter.paperIds ? [...filter.paperIds] : null,
      firstNodeId: firstNodeId ?? null,
      moreNodeIds,
      hasCode: filter.hasCode ?? null,
    });
    // Only the page's papers are read in full.
    const nodes = await this.nodes(slice.items.map((row) => row['id'] as string));
    return toPapersPage({ ...slice, items: nodes.filter((n): n is GraphNode => n !== null).map((n) => n.node as PaperNode) });
  }

  /** One keyset window of a listing (cypher.ts `listing`), its rows as the source's columns give them. */
  private async readListing(
    source: cypher.ListingSource,
    keys: cypher.ListingKeys,
    window: Window,
    parameters: Record<string, unknown>,
  ): Promise<Slice<Record<string, unknown>>> {
    const statement = cypher.listing(source, keys, windowShape(window));
    const record = (await this.read(async (tx) => (await tx.run(statement, { ...parameters, ...windowParameters(window) })).records))[0]!;
    const rows = (record.get('rows') as Array<Record<string, unknown> & { key: SortKey }>).map((row) => ({ item: row, key: row.key }));
    return sliceFromIndex(
      rows,
      window,
      { atOrBeforeAfter: record.get('atOrBeforeAfter') as boolean, atOrPastBefore: record.get('atOrPastBefore') as boolean },
      record.get('total') as number,
    );
  }

  async checkReady(): Promise<ReadinessCheck[]> {
    const skipped = (name: 'schema' | 'papers'): ReadinessCheck => ({ name, ok: false, problem: 'not checked: the store does not answer' });
    try {
      await this.read((tx) => tx.run('RETURN 1'));
    } catch {
      return [{ name: 'store', ok: false, problem: 'Neo4j does not answer' }, skipped('schema'), skipped('papers')];
    }
    const checks: ReadinessCheck[] = [{ name: 'store', ok: true }];
    try {
      let missing = await this.missingSchema();
      // A Neo4j restarted on an empty folder has none of it: re-created here, as at connect.
      if (missing.length > 0) {
        await this.ensureSchema();
        missing = await this.missingSchema();
      }
      checks.push(missing.length === 0 ? { name: 'schema', ok: true } : { name: 'schema', ok: false, problem: `not online: ${missing.join(', ')}` });
      const papers = (await this.read((tx) => tx.run('RETURN EXISTS { MATCH (:Paper) } AS any'))).records[0]?.get('any') === true;
      checks.push(papers ? { name: 'papers', ok: true } : { name: 'papers', ok: false, problem: 'the store holds no paper' });
    } catch {
      if (checks.length < 2) checks.push({ name: 'schema', ok: false, problem: 'the schema could not be read or created' });
      checks.push({ name: 'papers', ok: false, problem: 'the papers could not be counted' });
    }
    return checks;
  }

  /** Constraints and indexes of cypher.ts SCHEMA that are absent or not online. */
  private async missingSchema(): Promise<string[]> {
    const online = await this.read(async (tx) => {
      const indexes = (await tx.run('SHOW INDEXES YIELD name, state')).records.filter((r) => r.get('state') === 'ONLINE').map((r) => r.get('name') as string);
      const constraints = (await tx.run('SHOW CONSTRAINTS YIELD name')).records.map((r) => r.get('name') as string);
      return new Set([...indexes, ...constraints]);
    });
    return cypher.SCHEMA_NAMES.filter((name) => !online.has(name));
  }

  /** Removes every node and relationship: for tests and benchmarks only. */
  async clear(): Promise<void> {
    // Batched in its own transactions: one transaction for a large graph would exceed the
    // server's transaction memory. `IN TRANSACTIONS` needs an auto-commit query.
    this.roundTrips++;
    const session = this.driver.session({ database: this.database });
    try {
      await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS');
      await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS');
    } catch (error) {
      throw translate(error);
    } finally {
      await session.close();
    }
  }

  /** Runs one Cypher statement with parameters; for the load benchmark's lower bound. */
  async runWrite(statement: string, parameters: Record<string, unknown>): Promise<void> {
    await this.runWrites([{ statement, parameters }]);
  }

  /** Runs statements in order in one write transaction, as `writePapers` runs a batch. */
  async runWrites(statements: ReadonlyArray<{ statement: string; parameters: Record<string, unknown> }>): Promise<void> {
    await this.write(async (tx) => {
      for (const { statement, parameters } of statements) await tx.run(statement, parameters);
    });
  }

  async close(): Promise<void> {
    for (const id of [...this.heartbeats.keys()]) this.stopHeartbeat(id);
    await this.driver.close();
  }
}

/**
 * Runs `start` without capturing stack traces: neo4j-driver records one for every query it
 * starts, to point a later error at its caller, and with source maps on (tsx) that is a tenth of
 * a read's CPU time in the driver. Our errors say which read failed without it.
 */
function withoutStackTrace<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * A driver error as the project's: an outage (no connection, a transient error: retry later) is a
 * StoreError; a query Neo4j itself refuses is a StoreFailureError, which retrying cannot fix.
 */
/** A read's `run`: a transaction's, plus the driver's per-query settings (a timeout). */
interface ReadRunner {
  run(query: string, parameters?: Record<string, unknown>, config?: { timeout?: number }): Result;
}

/**
 * Longest a path search may run in Neo4j, well inside the API's 10-s request limit: Neo4j stops it
 * then and the API answers QUERY_TOO_COMPLEX, instead of the query running on after the client's
 * TIMEOUT answer.
 */
export const PATH_SEARCH_TIMEOUT_MS = 5_000;

function translate(error: unknown): Error {
  if (error instanceof StoreError || error instanceof StoreFailureError) return error;
  const e = error as { code?: string; message?: string; retriable?: boolean };
  const text = `Neo4j query failed${e.code ? ` (${e.code})` : ''}: ${e.message ?? String(error)}`;
  // The server's own refusals have `Neo.ClientError.…`/`Neo.DatabaseError.…` codes; the driver's
  // (no connection, a closed pool, an expired session) and transient ones are outages.
  const refused = /^Neo\.(ClientError|DatabaseError)\./.test(e.code ?? '') && e.retriable !== true;
  return refused ? new StoreFailureError(text, error) : new StoreError(text, error);
}

function compareSequences(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compare(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** A paper → node edge as cypher.ts LINK_MAP returns it. */
interface LinkRow {
  type: RelationshipType;
  label: Label;
  props: Record<string, unknown>;
  fields: string[] | null;
  starts: number[] | null;
  ends: number[] | null;
}

/** A paper's links in the order both stores give them: by type, then target id. */
function toLinks(rows: readonly LinkRow[]): PaperLink[] {
  return rows
    .map((row) => ({ type: row.type, target: toGraphNode(row.label, row.props), evidence: toSpans(row.fields ?? [], row.starts ?? [], row.ends ?? []) }))
    .sort((a, b) => compare(a.type, b.type) || compare(a.target.node.id, b.target.node.id));
}

function toSpans(fields: readonly string[], starts: readonly number[], ends: readonly number[]): Span[] {
  return fields.map((field, i) => ({ field: field as Span['field'], start: starts[i]!, end: ends[i]! }));
}

/** A leaderboard group as cypher.ts LEADERBOARD_GROUPS returns it. */
interface GroupRow {
  metric: Record<string, unknown> | null;
  setting: ResultSetting | null;
  rows: Array<{ paper: Record<string, unknown>; result: Record<string, unknown>; method: Record<string, unknown> | null }>;
}

/** The `leaderboard` column of cypher.ts LEADERBOARD_GROUPS: groups already ranked and cut in Neo4j. */
function toLeaderboard(record: Neo4jRecord): LeaderboardGroup[] {
  return (record.get('leaderboard') as GroupRow[]).map((group) => {
    const metric = group.metric ? toEntity('Metric', group.metric) : null;
    return {
      metric,
      setting: group.setting,
      higherIsBetter: metric?.higherIsBetter ?? null,
      rows: group.rows.map((row) => ({
        paper: toPaper(row.paper),
        result: toResult(row.result),
        metric,
        method: row.method ? toEntity('Method', row.method) : null,
      })),
    };
  });
}

/** The columns of cypher.ts `papersWindow`, for the window `page` asked for. */
function toPage(record: Neo4jRecord, page: PageArgs): PapersPage {
  const papers = (record.get('papers') as Array<Record<string, unknown>>).map(toPaper);
  return toPapersPage(
    sliceFromIndex(
      papers.map((p) => ({ item: p, key: [p.id] })),
      idWindow(page),
      { atOrBeforeAfter: record.get('atOrBeforeAfter') as boolean, atOrPastBefore: record.get('atOrPastBefore') as boolean },
      record.get('total') as number,
    ),
  );
}

/** How a window is read from an index, as the Cypher of a window takes it (cypher.ts WindowShape). */
function windowShape(window: Window): cypher.WindowShape {
  const read = indexRead(window);
  return { backward: read.backward, limit: read.limit !== null, after: window.after !== undefined, before: window.before !== undefined };
}

/** A window's cursors (`after0`, `before0`…) and cut (`limit`) as parameters. */
function windowParameters(window: Window): Record<string, unknown> {
  const read = indexRead(window);
  const cursor = (name: 'after' | 'before', key: SortKey | undefined) => Object.fromEntries((key ?? []).map((value, i) => [`${name}${i}`, value]));
  return { ...cursor('after', window.after), ...cursor('before', window.before), limit: read.limit === null ? null : neo4j.int(read.limit) };
}

/** A leaderboard filter as cypher.ts LEADERBOARD_GROUPS's parameters (absent ones as nulls). */
function leaderboardParameters({ metricId, setting, rowsPerGroup }: LeaderboardFilter): Record<string, unknown> {
  return {
    metricId: metricId ?? null,
    setting: setting ?? null,
    rowsPerGroup: rowsPerGroup === undefined ? null : neo4j.int(rowsPerGroup),
    settings: [...RESULT_SETTINGS],
  };
}

/** Ids grouped by the label their prefix names (unknown prefixes left out): one statement per label. */
function groupByLabel(ids: readonly string[]): Map<Label, string[]> {
  const groups = new Map<Label, string[]>();
  for (const id of new Set(ids)) {
    const label = labelOfId(id);
    if (label) groups.set(label, [...(groups.get(label) ?? []), id]);
  }
  return groups;
}

function toPaper(p: Record<string, unknown>): PaperNode {
  return {
    id: p['id'] as string,
    title: p['title'] as string,
    titleDerived: p['titleDerived'] as boolean,
    abstract: p['abstract'] as string,
    arxivId: (p['arxivId'] as string | undefined) ?? null,
    url: (p['url'] as string | undefined) ?? null,
    published: (p['published'] as string | undefined) ?? null,
    authors: (p['authors'] as string[] | undefined) ?? [],
    sources: (p['sources'] as string[] | undefined) ?? [],
    mentionedArxivIds: (p['mentionedArxivIds'] as string[] | undefined) ?? [],
    codeUrls: (p['codeUrls'] as string[] | undefined) ?? [],
  };
}

function toEntity(label: EntityNode['label'], p: Record<string, unknown>): EntityNode {
  const node: EntityNode = { id: p['id'] as string, label, name: p['name'] as string, aliases: (p['aliases'] as string[] | undefined) ?? [] };
  if (label === 'Metric') node.higherIsBetter = (p['higherIsBetter'] as boolean | undefined) ?? null;
  const broader = p['broader'] as string[] | null | undefined;
  if (broader && broader.length > 0) node.broader = broader;
  return node;
}

function toResult(p: Record<string, unknown>): ResultNode {
  return {
    id: p['id'] as string,
    value: p['value'] as number,
    kind: p['kind'] as ResultNode['kind'],
    raw: p['raw'] as string,
    datasetId: p['datasetId'] as string,
    metricId: (p['metricId'] as string | undefined) ?? null,
    methodId: (p['methodId'] as string | undefined) ?? null,
    setting: (p['setting'] as ResultSetting | undefined) ?? null,
    split: (p['split'] as string | undefined) ?? null,
    evidence: toSpans(
      (p['evidenceFields'] as string[] | undefined) ?? [],
      (p['evidenceStarts'] as number[] | undefined) ?? [],
      (p['evidenceEnds'] as number[] | undefined) ?? [],
    ),
  };
}

function toGraphNode(label: Label, p: Record<string, unknown>): GraphNode {
  switch (label) {
    case 'Paper':
      return { label, node: toPaper(p) };
    case 'Repository':
      return { label, node: { id: p['id'] as string, owner: p['owner'] as string, name: p['name'] as string, url: p['url'] as string } };
    case 'Link':
      return { label, node: { id: p['id'] as string, url: p['url'] as string, kind: p['kind'] as string } };
    case 'Result':
      return { label, node: toResult(p) };
    default:
      return { label, node: toEntity(label, p) };
  }
}

/** The Lucene query of search terms: every term required, each quoted so Lucene syntax in it is taken literally. */
export function luceneQuery(terms: readonly string[]): string {
  return terms.map((t) => `"${t.replace(/["\\]/g, '')}"`).join(' AND ');
}
