import type { Context } from '../context.js';
import { toEvidence } from '../evidence.js';
import type { ResultResolvers } from '../generated/resolvers-types.js';
import { papersIn } from './node-lists.js';
import { asNodeOf, entityParent, paperParent, type PaperParent, type ResultParent } from './parents.js';

/** The paper that reports a result: the one it came with, else the one REPORTS links it from. */
async function paperOf(ctx: Context, r: ResultParent): Promise<PaperParent> {
  if (r.paper) return paperParent(r.paper);
  const [paper] = papersIn(await ctx.loaders.linked('REPORTS', 'in').load(r.node.id));
  if (!paper) throw new Error(`Result ${r.node.id} has no paper that reports it.`);
  return paper;
}

export const resultResolvers: ResultResolvers = {
  id: (r) => r.node.id,
  paper: (r, _, ctx) => paperOf(ctx, r),
  dataset: async (r, _, ctx) => {
    const dataset = asNodeOf(await ctx.loaders.node.load(r.node.datasetId), 'Dataset');
    if (!dataset) throw new Error(`Result ${r.node.id} is on ${r.node.datasetId}, which is no dataset in the graph.`);
    return dataset;
  },
  metric: async (r, _, ctx) => {
    if (r.metric !== undefined) return r.metric ? entityParent(r.metric) : null;
    return r.node.metricId ? asNodeOf(await ctx.loaders.node.load(r.node.metricId), 'Metric') : null;
  },
  method: async (r, _, ctx) => {
    if (r.method !== undefined) return r.method ? entityParent(r.method) : null;
    // The method is one of the paper's own: a paper read with its links has it primed already.
    return r.node.methodId ? asNodeOf(await ctx.loaders.node.load(r.node.methodId), 'Method') : null;
  },
  setting: (r) => r.node.setting,
  split: (r) => r.node.split,
  value: (r) => r.node.value,
  kind: (r) => r.node.kind,
  raw: (r) => r.node.raw,
  evidence: async (r, _, ctx) => {
    const paper = await paperOf(ctx, r);
    return r.node.evidence.map((span) => toEvidence(paper.node, span));
  },
};
