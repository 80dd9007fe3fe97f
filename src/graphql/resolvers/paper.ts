import { toConnection, windowOf } from '../connection.js';
import { cursorScope } from '../cursor.js';
import type { Label, RelationshipType } from '../../graph/model.js';
import type { Context } from '../context.js';
import { toEvidence } from '../evidence.js';
import type {
  ConceptMentionResolvers,
  DatasetMentionResolvers,
  LinkMentionResolvers,
  MethodMentionResolvers,
  MetricMentionResolvers,
  PaperResolvers,
  PublicationDateResolvers,
  RepositoryMentionResolvers,
  TaskMentionResolvers,
} from '../generated/resolvers-types.js';
import { checkFirst } from '../limits.js';
import { papersIn } from './node-lists.js';
import { asNodeOf, resultParent, type Mention, type NodeOf, type PaperParent } from './parents.js';

/** A stored date the API can show: `2024`, `2024-03` or `2024-03-14` (older ingests may hold other text). */
const ISO_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** The paper's links of the given types, each as a mention seen from the paper. */
async function mentions(ctx: Context, parent: PaperParent, types: readonly RelationshipType[]): Promise<Mention[]> {
  const links = await ctx.loaders.paperLinks.load(parent.node.id);
  return links.filter((link) => types.includes(link.type)).map((link) => ({ link, paper: parent.node }));
}

export const paperResolvers: PaperResolvers = {
  id: (p) => p.node.id,
  title: (p) => p.node.title,
  titleDerived: (p) => p.node.titleDerived,
  abstract: (p) => p.node.abstract,
  arxivId: (p) => p.node.arxivId,
  url: (p) => p.node.url,
  published: (p) => (p.node.published && ISO_DATE.test(p.node.published) ? p.node.published : null),
  authors: (p) => p.node.authors,
  sources: (p) => p.node.sources,
  // The role arrives as its internal value, the relationship type (codegen.ts `enumValues`).
  methods: (p, { role }, ctx) => mentions(ctx, p, role ? [role] : ['PROPOSES', 'USES']),
  datasets: (p, _, ctx) => mentions(ctx, p, ['EVALUATES_ON']),
  tasks: (p, _, ctx) => mentions(ctx, p, ['ADDRESSES']),
  metrics: (p, _, ctx) => mentions(ctx, p, ['MEASURES']),
  concepts: (p, _, ctx) => mentions(ctx, p, ['MENTIONS']),
  repositories: (p, _, ctx) => mentions(ctx, p, ['HAS_CODE']),
  links: (p, _, ctx) => mentions(ctx, p, ['LINKS_TO']),
  results: async (p, _, ctx) =>
    (await mentions(ctx, p, ['REPORTS'])).flatMap((m) => (m.link.target.label === 'Result' ? [resultParent(m.link.target.node, { paper: p.node })] : [])),
  cites: async (p, { first }, ctx) => {
    const size = checkFirst(first, 20);
    return papersIn((await mentions(ctx, p, ['CITES'])).map((m) => m.link.target)).slice(0, size);
  },
  citedBy: async (p, { first }, ctx) => {
    const size = checkFirst(first, 20);
    return papersIn(await ctx.loaders.linked('CITES', 'in').load(p.node.id)).slice(0, size);
  },
  related: async (p, args, ctx) => {
    const scope = cursorScope('related', p.node.id);
    return toConnection(await ctx.store.relatedPapers(p.node.id, windowOf(args, scope, 10)), scope, args, (r) => r);
  },
};

/** `published` as stored (`2024`, `2024-03`, `2024-03-14`), taken apart. */
export const publicationDateResolvers: PublicationDateResolvers = {
  iso: (date) => date,
  year: (date) => Number(date.slice(0, 4)),
  month: (date) => (date.length >= 7 ? Number(date.slice(5, 7)) : null),
  day: (date) => (date.length >= 10 ? Number(date.slice(8, 10)) : null),
  precision: (date) => (date.length >= 10 ? 'DAY' : date.length >= 7 ? 'MONTH' : 'YEAR'),
};

const evidenceOf = (m: Mention) => m.link.evidence.map((span) => toEvidence(m.paper, span));

/** The node a mention points at; the relationship type fixes its label, so a mismatch is a store bug. */
function targetOf<L extends Label>(m: Mention, label: L): NodeOf<L> {
  const target = asNodeOf(m.link.target, label);
  if (!target) throw new Error(`A ${m.link.type} link of ${m.paper.id} points at a ${m.link.target.label}, not a ${label}.`);
  return target;
}

export const methodMentionResolvers: MethodMentionResolvers = {
  method: (m) => targetOf(m, 'Method'),
  role: (m) => (m.link.type === 'PROPOSES' ? 'PROPOSES' : 'USES'),
  evidence: evidenceOf,
};
export const datasetMentionResolvers: DatasetMentionResolvers = { dataset: (m) => targetOf(m, 'Dataset'), evidence: evidenceOf };
export const taskMentionResolvers: TaskMentionResolvers = { task: (m) => targetOf(m, 'Task'), evidence: evidenceOf };
export const metricMentionResolvers: MetricMentionResolvers = { metric: (m) => targetOf(m, 'Metric'), evidence: evidenceOf };
export const conceptMentionResolvers: ConceptMentionResolvers = { concept: (m) => targetOf(m, 'Concept'), evidence: evidenceOf };
export const repositoryMentionResolvers: RepositoryMentionResolvers = { repository: (m) => targetOf(m, 'Repository'), evidence: evidenceOf };
export const linkMentionResolvers: LinkMentionResolvers = { link: (m) => targetOf(m, 'Link'), evidence: evidenceOf };
