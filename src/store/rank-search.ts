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

/**
 * A node's search keys, for a store whose index takes text already split into terms (Neo4j's
 * full-text index with its whitespace analyzer): the name's terms in order and the other text's
 * distinct terms, each padded with spaces so that `CONTAINS ' term '` tests a whole term.
 */
export function searchKeys(name: string, text: string): { searchName: string; searchText: string } {
  return { searchName: ` ${searchTerms(name).join(' ')} `, searchText: ` ${[...new Set(searchTerms(text))].join(' ')} ` };
}

/** Most candidates fetched from an index before ranking. */
export const SEARCH_CANDIDATES = 500;

/**
 * A hit's score: the share of query terms in the name (weighted 3) and in the other text
 * (weighted 1), plus 2 for a name equal to the query. In [0, 6]; rounded so both stores agree.
 */
export function scoreHit(query: string, name: string, text: string): number {
  const nameTerms = searchTerms(name);
  const inName = new Set(nameTerms);
  const inText = new Set(searchTerms(text));
  return scoreTerms(
    searchTerms(query),
    (t) => inName.has(t),
    (t) => inText.has(t),
    nameTerms,
  );
}

/**
 * scoreHit from answers a store already has (its index knows which field each term matched in):
 * the query's terms, whether each is in the name and in the other text, and the name's terms.
 */
export function scoreTerms(
  terms: readonly string[],
  inName: (term: string) => boolean,
  inText: (term: string) => boolean,
  nameTerms: readonly string[],
): number {
  if (terms.length === 0) return 0;
  const name = terms.filter(inName).length / terms.length;
  const text = terms.filter(inText).length / terms.length;
  const exact = nameTerms.join(' ') === terms.join(' ') ? 2 : 0;
  return Math.round((3 * name + text + exact) * 1000) / 1000;
}

/**
 * scoreHit's inputs as tests on `searchKeys` (for a store that ranks in the database): each query
 * term padded (duplicates kept, as scoreHit counts them), and the `searchName` of a name made of
 * exactly the query's terms.
 */
export function scoreKeys(query: string): { paddedTerms: string[]; exactName: string } {
  const terms = searchTerms(query);
  return { paddedTerms: terms.map((t) => ` ${t} `), exactName: ` ${terms.join(' ')} ` };
}
