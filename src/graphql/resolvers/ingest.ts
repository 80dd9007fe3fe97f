import { ApiError, ApiErrorCode, badInput } from '../api-error.js';
import type { MutationResolvers, PaperInput } from '../generated/resolvers-types.js';
import type { IngestPaper } from '../context.js';
import { LIMITS } from '../limits.js';
import { papersIn } from './node-lists.js';

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real month and calendar day. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const d = Number(day);
  // Day 0 of the next month is this month's last day.
  return d >= 1 && d <= new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
}

/** One posted paper, its form checked; throws BAD_USER_INPUT naming `papers[i].field`. */
function toIngestPaper(p: PaperInput, i: number): IngestPaper {
  const abstract = p.abstract.trim();
  if (abstract.length < 20)
    throw badInput('papers', `papers[${i}].abstract is too short to be an abstract (${abstract.length} characters; at least 20).`, { index: i });
  const published = p.published?.trim();
  if (published && !isIsoDate(published)) {
    throw badInput('papers', `papers[${i}].published must be an ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD; got ${JSON.stringify(p.published)}.`, { index: i });
  }
  const raw: IngestPaper = { abstract };
  if (p.title?.trim()) raw.title = p.title.trim();
  if (p.url) raw.url = p.url;
  if (p.arxivId) raw.arxivId = p.arxivId;
  if (published) raw.published = published;
  if (p.authors) raw.authors = p.authors;
  return raw;
}

/** `Mutation.ingest`: the loader pipeline on posted papers, behind the API key. */
export const mutationResolvers: MutationResolvers = {
  ingest: async (_, args, ctx) => {
    if (!ctx.ingest) throw new ApiError(ApiErrorCode.FORBIDDEN, 'Ingestion is disabled: the server has no API key (set KG_API_KEY to enable it).');
    if (!ctx.apiKeyValid) throw new ApiError(ApiErrorCode.UNAUTHENTICATED, 'Ingestion needs the API key in the "x-api-key" header.');
    if (args.papers.length === 0 || args.papers.length > LIMITS.maxIngestPapers) {
      throw badInput('papers', `"papers" takes 1 to ${LIMITS.maxIngestPapers} papers per request; got ${args.papers.length}.`);
    }
    const posted = args.papers.map(toIngestPaper);
    // The readers' field limits and control-character rule apply to posted papers too.
    const outcome = await ctx.ingest(posted);
    if (!outcome.ok) throw badInput('papers', `papers[${outcome.index}]: ${outcome.reason}.`, { index: outcome.index });
    const stored = papersIn((await ctx.store.nodes(outcome.paperIds)).filter((n) => n !== null));
    // What this request read before the write is stale now.
    ctx.loaders.node.clearAll();
    ctx.loaders.paperLinks.clearAll();
    return { papers: stored, duplicates: posted.length - outcome.paperIds.length + outcome.alreadyStored };
  },
};
