import { findSentenceEnds } from '../../loaders/sentences.js';
import type { PaperNode, Span } from '../store/graph-model.js';

/** The API's view of a span: the mentioned text and the sentence it sits in. */
export function toEvidence(paper: PaperNode, span: Span): { field: 'TITLE' | 'ABSTRACT'; start: number; end: number; text: string; sentence: string } {
  const text = span.field === 'title' ? paper.title : paper.abstract;
  const ends = [...findSentenceEnds(text), text.length];
  const end = ends.find((e) => e > span.start) ?? text.length;
  const start = ends.filter((e) => e <= span.start).at(-1) ?? 0;
  return { field: span.field === 'title' ? 'TITLE' : 'ABSTRACT', start: span.start, end: span.end, text: text.slice(span.start, span.end), sentence: text.slice(start, end).trim() };
}
