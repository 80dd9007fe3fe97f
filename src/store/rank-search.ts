/**
 * Full-text search semantics shared by both stores, so they answer a search identically: the
 * index (Lucene in Neo4j, MiniSearch embedded) finds the candidates that contain every query
 * term, and this module ranks them.
 */

/** Lower-case terms split at anything that is not a letter or digit, as both indexes split. */
export function searchTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0);
}

/** Most candidates fetched from an index before ranking. */
export const SEARCH_CANDIDATES = 500;

/**
 * A hit's score: the share of query terms in the name (weighted 3) and in the other text
 * (weighted 1), plus 2 for a name equal to the query. In [0, 6]; rounded so both stores agree.
 */
export function scoreHit(query: string, name: string, text: string): number {
  const terms = searchTerms(query);
  if (terms.length === 0) return 0;
  const nameTerms = new Set(searchTerms(name));
  const textTerms = new Set(searchTerms(text));
  const inName = terms.filter((t) => nameTerms.has(t)).length / terms.length;
  const inText = terms.filter((t) => textTerms.has(t)).length / terms.length;
  const exact = searchTerms(name).join(' ') === terms.join(' ') ? 2 : 0;
  return Math.round((3 * inName + inText + exact) * 1000) / 1000;
}

// Anything that is not a letter or digit separates terms, as in searchTerms.
const SEPARATOR = '[^\\p{L}\\p{N}]';

/**
 * scoreHit's two text tests as regular expressions (Java's, as Cypher's `=~` runs them, matched
 * against lower-cased text) for a store that ranks in the database: per query term, "the text
 * holds this term as a whole word"; and "the name is exactly the query's terms". Terms are
 * letters and digits only, so they need no escaping.
 */
export function scorePatterns(query: string): { termPatterns: string[]; exactPattern: string } {
  const terms = searchTerms(query);
  return {
    termPatterns: terms.map((t) => `(?s)(.*${SEPARATOR})?${t}(${SEPARATOR}.*)?`),
    exactPattern: `${SEPARATOR}*${terms.join(`${SEPARATOR}+`)}${SEPARATOR}*`,
  };
}

/** Orders hits by score, then id, and keeps the first `first`. */
export function rankHits<T extends { id: string; score: number }>(hits: T[], first: number): T[] {
  return hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, first);
}
