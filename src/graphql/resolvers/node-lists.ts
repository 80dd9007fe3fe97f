/** Lists of store nodes as resolvers return them: typed by label, and cut to a field's `first`. */
import type { EntityLabel } from '../../graph/model.js';
import { ENTITY_LABELS } from '../../graph/model.js';
import type { GraphNode } from '../../store/store.js';
import { checkFirst } from '../limits.js';
import type { EntityParent, PaperParent, ResultParent } from './parents.js';

/** The papers among store nodes (a list of one relationship type holds one label; this types it). */
export function papersIn(nodes: readonly GraphNode[]): PaperParent[] {
  return nodes.filter((n): n is PaperParent => n.label === 'Paper');
}

/** The entities of one label among store nodes. */
export function entitiesIn(nodes: readonly GraphNode[], label?: EntityLabel): EntityParent[] {
  return nodes.filter((n): n is EntityParent => (label === undefined ? (ENTITY_LABELS as readonly string[]).includes(n.label) : n.label === label));
}

export function resultsIn(nodes: readonly GraphNode[]): ResultParent[] {
  return nodes.filter((n): n is ResultParent => n.label === 'Result');
}

/** The first `first` items of a list that grows with the corpus; `first` checked as every page size is. */
export function firstOf<T>(items: readonly T[], first: number | null | undefined, fallback = 20): T[] {
  return items.slice(0, checkFirst(first, fallback));
}
