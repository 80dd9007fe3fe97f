import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { normalizeName } from '../../../loaders/normalize.js';
import type { EntityNode, Label, PaperNode, RelationshipType, ResultNode, ResultSetting } from '../../store/graph-model.js';
import { displayName } from '../../store/graph-rules.js';
import type { GraphNode, LeaderboardFilter, LeaderboardGroup, NodeInclude, PageArgs, PaperLink, PapersPage } from '../../store/store.js';
import { leaderboardKey, loadNodeWith, papersKey, type Context } from '../context.js';
import { selectedFields } from '../lookahead.js';
import { toEvidence } from '../evidence.js';
import { checkFirst } from '../limits.js';
import { cursorScope, decodeCursor as decodeKeyCursor, encodeCursor as encodeKeyCursor } from '../cursor.js';
import { browseResolvers } from './browse.js';
import { ingestResolver } from './ingest.js';

/**
 * Thin resolvers: arguments → store (through the request's DataLoaders) → API shape. Every
 * object type's parent is the store's `GraphNode` (`{label, node}`), or a mention
 * (`{link, paper}`) for the paper → entity edges that carry evidence.
 */

type Args = Record<string, unknown>;
interface Mention {
  link: PaperLink;
  paper: PaperNode;
}

const KIND_OF_LABEL: Record<Label, string> = {
  Paper: 'PAPER',
  Method: 'METHOD',
  Dataset: 'DATASET',
  Task: 'TASK',
  Metric: 'METRIC',
  Concept: 'CONCEPT',
  Repository: 'REPOSITORY',
  Link: 'LINK',
  Result: 'RESULT',
};
const LABEL_OF_KIND = Object.fromEntries(Object.entries(KIND_OF_LABEL).map(([label, kind]) => [kind, label])) as Record<string, Label>;

const node = <T>(parent: GraphNode): T => parent.node as T;

function encodeCursor(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

function decodeCursor(cursor: unknown, what: string): string | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  const text = Buffer.from(String(cursor), 'base64url').toString('utf8');
  if (!text || encodeCursor(text) !== String(cursor).replace(/=+$/, '')) {
    throw new GraphQLError(`"after" is not a cursor of ${what}: ${JSON.stringify(cursor)}`, { extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' } });
  }
  return text;
}

/** A Relay connection over a page of papers; cursors carry the paper id or its sort key. */
function connection(page: Pick<PapersPage, 'papers' | 'totalCount'>, cursorOf: (paper: PaperNode, index: number) => string, hasNextPage: boolean) {
  const edges = page.papers.map((paper, i) => ({ node: { label: 'Paper', node: paper } as GraphNode, cursor: cursorOf(paper, i) }));
  return { edges, nodes: edges.map((e) => e.node), totalCount: page.totalCount, pageInfo: { hasNextPage, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** The page a `papers(first, after)` field reads: one paper more than asked, to tell if there is a next page. */
function papersPageOf(args: Args): PageArgs {
  const first = checkFirst(args['first'] as number | undefined, 20);
  const after = decodeCursor(args['after'], 'this list of papers');
  return { first, ...(after !== undefined ? { after } : {}) };
}

async function papersConnection(ctx: Context, nodeId: string, args: Args) {
  const pageArgs = papersPageOf(args);
  const page = await ctx.loaders.papersOf.load(papersKey(nodeId, pageArgs));
  return connection(page, (p) => encodeCursor(p.id), page.hasNextPage);
}

async function mentions(ctx: Context, parent: GraphNode, types: readonly RelationshipType[]): Promise<Mention[]> {
  const links = await ctx.loaders.paperLinks.load(parent.node.id);
  return links.filter((link) => types.includes(link.type)).map((link) => ({ link, paper: node<PaperNode>(parent) }));
}

const evidenceOf = (m: Mention) => m.link.evidence.map((span) => toEvidence(m.paper, span));

/** Entities linked to the papers of a node, by label: a method's tasks, a dataset's metrics. */
async function entitiesOfPapers(ctx: Context, nodeId: string, label: Label): Promise<GraphNode[]> {
  const page = await ctx.loaders.papersOf.load(papersKey(nodeId, { first: 100 }));
  const links = await ctx.loaders.paperLinks.loadMany(page.papers.map((p) => p.id));
  const found = new Map<string, GraphNode>();
  for (const list of links) {
    if (list instanceof Error) throw list;
    for (const link of list) if (link.target.label === label) found.set(link.target.node.id, link.target);
  }
  return [...found.values()].sort((a, b) => (a.node.id < b.node.id ? -1 : 1));
}

// Paper fields answered from the paper's links.
const LINK_FIELDS = ['methods', 'datasets', 'tasks', 'metrics', 'concepts', 'repositories', 'links', 'results', 'cites'];

/**
 * A node by id, read together with the parts of it the query goes on to ask for (its links, a
 * page of its papers, a leaderboard): one store round trip for the common request shapes.
 */
async function readNode(ctx: Context, id: string, label: Label, info: GraphQLResolveInfo): Promise<GraphNode | null> {
  const fields = selectedFields(info, label);
  const include: NodeInclude = {};
  if (label === 'Paper' && LINK_FIELDS.some((f) => fields.has(f))) include.links = true;
  const papersArgs = fields.get('papers');
  if (papersArgs) {
    try {
      include.papers = papersPageOf(papersArgs);
    } catch {
      // Bad arguments: the field's own resolver reports them.
    }
  }
  const leaderboardArgs = fields.get('leaderboard');
  if (label === 'Dataset' && leaderboardArgs) include.leaderboard = leaderboardFilterOf(leaderboardArgs);
  const found = Object.keys(include).length > 0 ? await loadNodeWith(ctx.loaders, ctx.store, id, include) : await ctx.loaders.node.load(id);
  return found && found.label === label ? found : null;
}

/** Finds an entity by id, or by a name or alias under the one name normaliser. */
async function findEntity(ctx: Context, label: Label, args: Args, info: GraphQLResolveInfo): Promise<GraphNode | null> {
  if (args['id']) return readNode(ctx, String(args['id']), label, info);
  if (!args['name']) throw new GraphQLError(`Give an "id" or a "name" to look up a ${label.toLowerCase()}.`, { extensions: { code: 'BAD_USER_INPUT' } });
  return findByName(ctx, label, String(args['name']));
}

/** The entity of a label whose name or an alias is `name` under the one name normaliser. */
async function findByName(ctx: Context, label: Label, name: string): Promise<GraphNode | null> {
  const key = normalizeName(name);
  const hits = (await ctx.store.search(name, { labels: [label], window: { first: 50 } })).items;
  const nodes = await ctx.loaders.node.loadMany(hits.map((h) => h.id));
  for (const n of nodes) {
    if (!n || n instanceof Error) continue;
    const names = n.label === 'Repository' ? [`${n.node.owner}/${n.node.name}`, n.node.name] : [displayName(n), ...((n.node as EntityNode).aliases ?? [])];
    if (names.some((candidate) => normalizeName(candidate) === key || candidate.toLowerCase() === name.toLowerCase())) return n;
  }
  return null;
}

/**
 * A result as a parent object. When it came with its paper, metric or method (a paper's results,
 * a leaderboard, sharedBenchmarks) they are answered from here, with no load at all.
 */
type ResultParent = GraphNode & { paper?: PaperNode; metric?: EntityNode | null; method?: EntityNode | null };

/** The store's filter from `leaderboard(metric, setting)`; the setting arrives as its internal value (`ResultSetting` below). */
function leaderboardFilterOf(args: Args): LeaderboardFilter {
  const metric = args['metric'];
  const setting = args['setting'];
  return { ...(metric ? { metricId: String(metric) } : {}), ...(setting ? { setting: setting as ResultSetting } : {}) };
}

/** A leaderboard group as the API shows it, each group's rows cut to `first`. */
function toLeaderboardGroup(group: LeaderboardGroup, first: number) {
  return {
    metric: group.metric ? ({ label: 'Metric', node: group.metric } as GraphNode) : null,
    setting: group.setting,
    higherIsBetter: group.higherIsBetter,
    rows: group.rows.slice(0, first).map((e, i) => ({
      rank: i + 1,
      paper: { label: 'Paper', node: e.paper } as GraphNode,
      method: e.method ? ({ label: 'Method', node: e.method } as GraphNode) : null,
      result: { label: 'Result', node: e.result, paper: e.paper, metric: e.metric, method: e.method } as ResultParent,
    })),
  };
}

function paperOfResult(ctx: Context, r: ResultParent): GraphNode | Promise<GraphNode | undefined> {
  return r.paper ? { label: 'Paper', node: r.paper } : ctx.loaders.linked('REPORTS', 'in').load(r.node.id).then((papers) => papers[0]);
}

const entityFields = {
  name: (p: GraphNode) => displayName(p),
  aliases: (p: GraphNode) => (p.label === 'Repository' ? [] : node<EntityNode>(p).aliases),
  papers: (p: GraphNode, args: Args, ctx: Context) => papersConnection(ctx, p.node.id, args),
  paperCount: (p: GraphNode, _: Args, ctx: Context) => ctx.loaders.paperCount.load(p.node.id),
};

/** A dataset's, method's or metric's family and versions: the BROADER edges the lists declare. */
const variantFields = {
  variantOf: async (p: GraphNode, _: Args, ctx: Context) => (await ctx.loaders.linked('BROADER', 'out').load(p.node.id))[0] ?? null,
  variants: (p: GraphNode, _: Args, ctx: Context) => ctx.loaders.linked('BROADER', 'in').load(p.node.id),
};

async function resolveNodeIdOrName(ctx: Context, label: Label, value: string): Promise<string | null> {
  if (value.includes(':')) return value;
  const found = await findByName(ctx, label, value);
  return found?.node.id ?? null;
}

export const resolvers = {
  Node: { __resolveType: (p: GraphNode) => p.label },
  Entity: { __resolveType: (p: GraphNode) => p.label },

  Query: {
    ...browseResolvers,
    node: (_: unknown, args: Args, ctx: Context) => ctx.loaders.node.load(String(args['id'])),
    paper: (_: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) => readNode(ctx, String(args['id']), 'Paper', info),
    papers: async (_: unknown, args: Args, ctx: Context) => {
      const first = checkFirst(args['first'] as number | undefined, 20);
      const filter = (args['filter'] ?? {}) as Record<string, unknown>;
      const nodeIds: string[] = [];
      for (const [key, label] of [['method', 'Method'], ['dataset', 'Dataset'], ['task', 'Task'], ['concept', 'Concept']] as const) {
        if (filter[key] === undefined || filter[key] === null) continue;
        const id = await resolveNodeIdOrName(ctx, label, String(filter[key]));
        if (!id) return connection({ papers: [], totalCount: 0 }, () => '', false);
        nodeIds.push(id);
      }
      const text = filter['text'] ? String(filter['text']) : undefined;
      const paperIds = text ? (await ctx.store.search(text, { labels: ['Paper'], window: { first: 500 } })).items.map((h) => h.id) : undefined;
      const order = String(args['orderBy'] ?? 'ID').toLowerCase() as 'id' | 'title' | 'published';
      const scope = cursorScope('papers', filter, order);
      const after = decodeKeyCursor(args['after'] as string | undefined, scope, 'after');
      const page = await ctx.store.listPapers({ ...(paperIds ? { paperIds } : {}), nodeIds, ...(typeof filter['hasCode'] === 'boolean' ? { hasCode: filter['hasCode'] } : {}) }, order, { first, ...(after ? { after } : {}) });
      for (const p of page.papers) ctx.loaders.node.prime(p.id, { label: 'Paper', node: p });
      return connection(page, (_, i) => encodeKeyCursor(scope, page.keys[i]!), page.hasNextPage);
    },
    method: (_: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) => findEntity(ctx, 'Method', args, info),
    dataset: (_: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) => findEntity(ctx, 'Dataset', args, info),
    task: (_: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) => findEntity(ctx, 'Task', args, info),
    concept: (_: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) => findEntity(ctx, 'Concept', args, info),
    repository: (_: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) => findEntity(ctx, 'Repository', args, info),
    search: async (_: unknown, args: Args, ctx: Context) => {
      const first = checkFirst(args['first'] as number | undefined, 10);
      const query = String(args['query']).trim();
      if (!query) throw new GraphQLError('"query" must not be empty.', { extensions: { code: 'BAD_USER_INPUT', argumentName: 'query' } });
      const kinds = (args['kinds'] as string[] | undefined) ?? [];
      const hits = (await ctx.store.search(query, { labels: kinds.map((k) => LABEL_OF_KIND[k]!), window: { first } })).items;
      return hits.map((h) => ({ ...h, kind: KIND_OF_LABEL[h.label] }));
    },
    sharedBenchmarks: async (_: unknown, args: Args, ctx: Context) => {
      const ids = args['paperIds'] as string[];
      if (ids.length < 1 || ids.length > 20) throw new GraphQLError(`"paperIds" takes 1 to 20 paper ids; got ${ids.length}.`, { extensions: { code: 'BAD_USER_INPUT' } });
      const shared = await ctx.store.sharedDatasets(ids);
      return shared.map((s) => ({ dataset: { label: 'Dataset', node: s.dataset }, results: s.results.map((r): ResultParent => ({ label: 'Result', node: r.result, paper: r.paper, metric: r.metric })) }));
    },
    connection: async (_: unknown, args: Args, ctx: Context) => {
      const maxHops = Number(args['maxHops'] ?? 4);
      if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 6) throw new GraphQLError(`"maxHops" must be from 1 to 6; got ${args['maxHops']}.`, { extensions: { code: 'BAD_USER_INPUT' } });
      const path = await ctx.store.shortestPath(String(args['from']), String(args['to']), maxHops);
      if (!path) return null;
      return { nodes: path.nodes.map((n) => ({ ...n, kind: KIND_OF_LABEL[n.label] })), edges: path.edges, length: path.edges.length };
    },
    stats: async (_: unknown, __: Args, ctx: Context) => {
      const counts = await ctx.store.counts();
      return {
        nodes: Object.entries(counts.labels).map(([name, count]) => ({ name, count })),
        relationships: Object.entries(counts.relationships).map(([name, count]) => ({ name, count })),
        // A function: graphql-js calls it only when the field is asked for.
        derivedPending: () => ctx.store.derivedPending(),
      };
    },
  },

  Mutation: { ingest: ingestResolver },

  // The enum's internal values are the store's, so arguments arrive and fields leave as `zero-shot`.
  ResultSetting: { ZERO_SHOT: 'zero-shot', FEW_SHOT: 'few-shot', FINE_TUNED: 'fine-tuned', LINEAR_PROBE: 'linear-probe' } satisfies Record<string, ResultSetting>,

  SearchHit: { node: (h: { id: string }, _: Args, ctx: Context) => ctx.loaders.node.load(h.id) },

  Paper: {
    id: (p: GraphNode) => p.node.id,
    title: (p: GraphNode) => node<PaperNode>(p).title,
    titleDerived: (p: GraphNode) => node<PaperNode>(p).titleDerived,
    abstract: (p: GraphNode) => node<PaperNode>(p).abstract,
    arxivId: (p: GraphNode) => node<PaperNode>(p).arxivId,
    url: (p: GraphNode) => node<PaperNode>(p).url,
    published: (p: GraphNode) => node<PaperNode>(p).published,
    authors: (p: GraphNode) => node<PaperNode>(p).authors,
    sources: (p: GraphNode) => node<PaperNode>(p).sources,
    methods: async (p: GraphNode, args: Args, ctx: Context) => {
      const role = args['role'] as string | undefined;
      const types: RelationshipType[] = role === 'PROPOSED' ? ['PROPOSES'] : role === 'USED' ? ['USES'] : ['PROPOSES', 'USES'];
      return mentions(ctx, p, types);
    },
    datasets: (p: GraphNode, _: Args, ctx: Context) => mentions(ctx, p, ['EVALUATES_ON']),
    tasks: (p: GraphNode, _: Args, ctx: Context) => mentions(ctx, p, ['ADDRESSES']),
    metrics: (p: GraphNode, _: Args, ctx: Context) => mentions(ctx, p, ['MEASURES']),
    concepts: (p: GraphNode, _: Args, ctx: Context) => mentions(ctx, p, ['MENTIONS']),
    repositories: (p: GraphNode, _: Args, ctx: Context) => mentions(ctx, p, ['HAS_CODE']),
    links: (p: GraphNode, _: Args, ctx: Context) => mentions(ctx, p, ['LINKS_TO']),
    results: async (p: GraphNode, _: Args, ctx: Context) => (await mentions(ctx, p, ['REPORTS'])).map((m): ResultParent => ({ ...m.link.target, paper: node<PaperNode>(p) })),
    cites: async (p: GraphNode, _: Args, ctx: Context) => (await mentions(ctx, p, ['CITES'])).map((m) => m.link.target),
    citedBy: (p: GraphNode, _: Args, ctx: Context) => ctx.loaders.linked('CITES', 'in').load(p.node.id),
    related: async (p: GraphNode, args: Args, ctx: Context) => {
      const first = checkFirst(args['first'] as number | undefined, 10);
      const related = (await ctx.store.relatedPapers(p.node.id, { first })).items;
      return related.map((r) => ({ paper: { label: 'Paper', node: r.paper }, score: r.score, shared: r.shared.map((s) => ({ ...s, kind: KIND_OF_LABEL[s.label] })) }));
    },
  },

  MethodMention: {
    method: (m: Mention) => m.link.target,
    role: (m: Mention) => (m.link.type === 'PROPOSES' ? 'PROPOSED' : 'USED'),
    evidence: evidenceOf,
  },
  DatasetMention: { dataset: (m: Mention) => m.link.target, evidence: evidenceOf },
  TaskMention: { task: (m: Mention) => m.link.target, evidence: evidenceOf },
  MetricMention: { metric: (m: Mention) => m.link.target, evidence: evidenceOf },
  ConceptMention: { concept: (m: Mention) => m.link.target, evidence: evidenceOf },
  RepositoryMention: { repository: (m: Mention) => m.link.target, evidence: evidenceOf },
  LinkMention: { link: (m: Mention) => m.link.target, evidence: evidenceOf },

  Result: {
    id: (r: GraphNode) => r.node.id,
    paper: (r: ResultParent, _: Args, ctx: Context) => paperOfResult(ctx, r),
    dataset: (r: GraphNode, _: Args, ctx: Context) => ctx.loaders.node.load(node<ResultNode>(r).datasetId),
    metric: (r: ResultParent, _: Args, ctx: Context) => {
      if (r.metric !== undefined) return r.metric ? { label: 'Metric', node: r.metric } : null;
      const metricId = node<ResultNode>(r).metricId;
      return metricId ? ctx.loaders.node.load(metricId) : null;
    },
    method: (r: ResultParent, _: Args, ctx: Context) => {
      if (r.method !== undefined) return r.method ? { label: 'Method', node: r.method } : null;
      // The method is one of the paper's own: a paper read with its links has it primed already.
      const methodId = node<ResultNode>(r).methodId;
      return methodId ? ctx.loaders.node.load(methodId) : null;
    },
    setting: (r: GraphNode) => node<ResultNode>(r).setting,
    split: (r: GraphNode) => node<ResultNode>(r).split,
    value: (r: GraphNode) => node<ResultNode>(r).value,
    kind: (r: GraphNode) => node<ResultNode>(r).kind.toUpperCase(),
    raw: (r: GraphNode) => node<ResultNode>(r).raw,
    evidence: async (r: ResultParent, _: Args, ctx: Context) => {
      const paper = await paperOfResult(ctx, r);
      return paper ? node<ResultNode>(r).evidence.map((span) => toEvidence(paper.node as PaperNode, span)) : [];
    },
  },

  Method: {
    ...variantFields,
    id: (p: GraphNode) => p.node.id,
    ...entityFields,
    proposedBy: (p: GraphNode, _: Args, ctx: Context) => ctx.loaders.linked('PROPOSES', 'in').load(p.node.id),
    usedBy: async (p: GraphNode, args: Args, ctx: Context) => {
      const first = checkFirst(args['first'] as number | undefined, 20);
      const after = decodeCursor(args['after'], 'this list of papers');
      const all = (await ctx.loaders.linked('USES', 'in').load(p.node.id)).map((n) => n.node as PaperNode);
      const start = after ? all.findIndex((x) => x.id > after) : 0;
      const papers = start < 0 ? [] : all.slice(start, start + first);
      return connection({ papers, totalCount: all.length }, (x) => encodeCursor(x.id), start >= 0 && start + first < all.length);
    },
    tasks: (p: GraphNode, _: Args, ctx: Context) => entitiesOfPapers(ctx, p.node.id, 'Task'),
    datasets: (p: GraphNode, _: Args, ctx: Context) => entitiesOfPapers(ctx, p.node.id, 'Dataset'),
  },
  Dataset: {
    id: (p: GraphNode) => p.node.id,
    ...entityFields,
    ...variantFields,
    results: (p: GraphNode, _: Args, ctx: Context) => ctx.loaders.linked('ON', 'in').load(p.node.id),
    leaderboard: async (p: GraphNode, args: Args, ctx: Context) => {
      const first = checkFirst(args['first'] as number | undefined, 20);
      const groups = await ctx.loaders.leaderboard.load(leaderboardKey(p.node.id, leaderboardFilterOf(args)));
      return groups.map((g) => toLeaderboardGroup(g, first));
    },
    tasks: (p: GraphNode, _: Args, ctx: Context) => entitiesOfPapers(ctx, p.node.id, 'Task'),
    metrics: async (p: GraphNode, _: Args, ctx: Context) => {
      const results = await ctx.loaders.linked('ON', 'in').load(p.node.id);
      const ids = [...new Set(results.map((r) => (r.node as ResultNode).metricId).filter((id): id is string => id !== null))].sort();
      return (await ctx.loaders.node.loadMany(ids)).filter((n): n is GraphNode => n !== null && !(n instanceof Error));
    },
  },
  Task: {
    id: (p: GraphNode) => p.node.id,
    ...entityFields,
    broader: (p: GraphNode, _: Args, ctx: Context) => ctx.loaders.linked('BROADER', 'out').load(p.node.id),
    narrower: (p: GraphNode, _: Args, ctx: Context) => ctx.loaders.linked('BROADER', 'in').load(p.node.id),
  },
  Metric: { id: (p: GraphNode) => p.node.id, ...entityFields, ...variantFields, higherIsBetter: (p: GraphNode) => node<EntityNode>(p).higherIsBetter ?? null },
  Concept: {
    id: (p: GraphNode) => p.node.id,
    ...entityFields,
    broader: async (p: GraphNode, _: Args, ctx: Context) => (await ctx.loaders.linked('BROADER', 'out').load(p.node.id))[0] ?? null,
    narrower: (p: GraphNode, _: Args, ctx: Context) => ctx.loaders.linked('BROADER', 'in').load(p.node.id),
    related: async (p: GraphNode, args: Args, ctx: Context) => {
      const first = checkFirst(args['first'] as number | undefined, 10);
      const page = await ctx.loaders.papersOf.load(papersKey(p.node.id, { first: 100 }));
      const links = await ctx.loaders.paperLinks.loadMany(page.papers.map((x) => x.id));
      const weights = new Map<string, { concept: GraphNode; weight: number }>();
      for (const list of links) {
        if (list instanceof Error) throw list;
        for (const link of list) {
          if (link.type !== 'MENTIONS' || link.target.node.id === p.node.id) continue;
          const entry = weights.get(link.target.node.id) ?? { concept: link.target, weight: 0 };
          entry.weight++;
          weights.set(link.target.node.id, entry);
        }
      }
      return [...weights.values()].sort((a, b) => b.weight - a.weight || (a.concept.node.id < b.concept.node.id ? -1 : 1)).slice(0, first);
    },
  },
  Repository: {
    id: (p: GraphNode) => p.node.id,
    ...entityFields,
    owner: (p: GraphNode) => (p.node as { owner: string }).owner,
    repo: (p: GraphNode) => (p.node as { name: string }).name,
    url: (p: GraphNode) => (p.node as { url: string }).url,
  },
  Link: {
    id: (p: GraphNode) => p.node.id,
    url: (p: GraphNode) => (p.node as { url: string }).url,
    kind: (p: GraphNode) => (p.node as { kind: string }).kind,
  },
};
