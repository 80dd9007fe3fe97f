import { findSentenceEnds } from '../graph/sentences.js';
import type { PaperNode, Span } from '../graph/model.js';
import type { Evidence } from './generated/resolvers-types.js';

// Sentence ends per paper text, found once per paper object: a paper with 50 mentions would
// otherwise scan its abstract 50 times in one request.
const sentenceEnds = new WeakMap<PaperNode, { title?: number[]; abstract?: number[] }>();

function endsOf(paper: PaperNode, field: 'title' | 'abstract', text: string): number[] {
  let cached = sentenceEnds.get(paper);
  if (!cached) sentenceEnds.set(paper, (cached = {}));
  return (cached[field] ??= [...findSentenceEnds(text), text.length]);
}

/** The API's view of a span: the mentioned text and the sentence it sits in (`field` as `PaperField`'s internal value). */
export function toEvidence(paper: PaperNode, span: Span): Evidence {
  if (span.field === 'source') {
    // A link the source record declares: its text is the URL, and no sentence says it.
    const url = paper.codeUrls?.[span.start] ?? '';
    return { field: 'source', start: 0, end: url.length, text: url, sentence: '' };
  }
  const text = span.field === 'title' ? paper.title : paper.abstract;
  const ends = endsOf(paper, span.field, text);
  const end = ends.find((e) => e > span.start) ?? text.length;
  const start = ends.findLast((e) => e <= span.start) ?? 0;
  return { field: span.field, start: span.start, end: span.end, text: text.slice(span.start, span.end), sentence: text.slice(start, end).trim() };
}
