import { GraphQLError } from 'graphql';
import { loadRawPapers } from '../../../loaders/load.js';
import type { RawPaper } from '../../../loaders/read/raw-paper.js';
import type { Context } from '../context.js';
import { LIMITS } from '../limits.js';

interface PaperInput {
  title?: string | null;
  abstract: string;
  url?: string | null;
  arxivId?: string | null;
  published?: string | null;
  authors?: string[] | null;
}

/** `Mutation.ingest`: the loader pipeline on posted papers, behind the API key. */
export async function ingestResolver(_: unknown, args: { papers: PaperInput[] }, ctx: Context) {
  if (!ctx.ingestEnabled) throw new GraphQLError('Ingestion is disabled: the server has no API key (set KG_API_KEY to enable it).', { extensions: { code: 'FORBIDDEN' } });
  if (!ctx.apiKeyValid) throw new GraphQLError('Ingestion needs the API key in the "x-api-key" header.', { extensions: { code: 'UNAUTHENTICATED' } });
  if (args.papers.length === 0 || args.papers.length > LIMITS.maxIngestPapers) {
    throw new GraphQLError(`"papers" takes 1 to ${LIMITS.maxIngestPapers} papers per request; got ${args.papers.length}.`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  const raws: RawPaper[] = args.papers.map((p, i) => {
    const abstract = p.abstract.trim();
    if (abstract.length < 20) throw new GraphQLError(`papers[${i}].abstract is too short to be an abstract (${abstract.length} characters).`, { extensions: { code: 'BAD_USER_INPUT' } });
    const raw: RawPaper = { abstract, source: { file: 'graphql:ingest', line: i + 1 } };
    if (p.title?.trim()) raw.title = p.title.trim();
    if (p.url) raw.url = p.url;
    if (p.arxivId) raw.arxivId = p.arxivId;
    if (p.published) raw.published = p.published;
    if (p.authors) raw.authors = p.authors;
    return raw;
  });
  const { papers, alreadyStored } = await loadRawPapers(raws, ctx.store);
  const stored = (await ctx.store.nodes(papers.map((p) => p.id))).filter((n) => n !== null);
  // What this request read before the write is stale now.
  ctx.loaders.node.clearAll();
  ctx.loaders.paperLinks.clearAll();
  return { papers: stored, duplicates: raws.length - papers.length + alreadyStored };
}
