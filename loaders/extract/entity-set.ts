import { normalizeName } from '../../src/graph/names.js';
import type { Evidence } from './evidence.js';

export type Role = 'PROPOSED' | 'USED';

/** One entity of one paper: its display name, every surface form seen, and where. */
export interface EntityMention {
  /** The normalised key the entity is known by across the corpus (a curated name's, when curated). */
  key: string;
  name: string;
  aliases: string[];
  evidence: Evidence[];
  role?: Role;
  /** The curated canonical name, when the entity is in a curated list. */
  canonical?: string;
  /** Broader entries the lists declare (parent tasks, the family of a version), by name. */
  broader?: string[];
}

/**
 * The entities of one kind found in one paper, merged by normalised name and by acronym pairs:
 * `Deep Task-specific Bottom Representation Network (DTRN)` makes both forms one entity, shown
 * by its short form as papers cite it.
 */
export class EntitySet {
  private readonly byKey = new Map<string, EntityMention>();
  /** Any surface key → the key of the entity it belongs to. */
  private readonly keyOf = new Map<string, string>();

  constructor(private readonly pairs: ReadonlyMap<string, string>) {}

  /**
   * Records a mention. `canonical` is the curated name when the mention came from a list;
   * `written` is the text as written when `surface` is a normalised form of it.
   */
  add(surface: string, evidence: Evidence, options: { role?: Role; canonical?: string; written?: string; broader?: string[] } = {}): EntityMention {
    const surfaceKey = normalizeName(surface);
    const partnerKey = this.pairs.get(surfaceKey);
    const key = this.keyOf.get(surfaceKey) ?? (partnerKey ? this.keyOf.get(partnerKey) : undefined) ?? normalizeName(options.canonical ?? surface);
    let entity = this.byKey.get(key);
    if (!entity) {
      entity = { key, name: surface, aliases: [], evidence: [] };
      if (options.canonical) entity.canonical = options.canonical;
      this.byKey.set(key, entity);
    }
    this.keyOf.set(surfaceKey, key);
    if (partnerKey) this.keyOf.set(partnerKey, key);
    if (options.canonical && !entity.canonical) entity.canonical = options.canonical;
    if (options.broader && options.broader.length > 0 && !entity.broader) entity.broader = options.broader;
    if (surface !== entity.name && !entity.aliases.includes(surface)) {
      // The short form of an acronym pair is the name papers cite; the long form becomes an alias.
      if (partnerKey && isShortForm(surface, entity.name)) {
        entity.aliases.push(entity.name);
        entity.name = surface;
        entity.aliases = entity.aliases.filter((alias) => alias !== surface);
      } else if (normalizeName(surface) !== normalizeName(entity.name) || !entity.aliases.some((a) => a === surface)) {
        if (surface !== entity.name) entity.aliases.push(surface);
      }
    }
    // The form as written in the text, when the entity is shown by another (`PPL` for perplexity).
    if (options.written && options.written !== entity.name && !entity.aliases.includes(options.written)) entity.aliases.push(options.written);
    if (!entity.evidence.some((e) => e.field === evidence.field && e.start === evidence.start)) entity.evidence.push(evidence);
    if (options.role === 'PROPOSED' || (options.role && !entity.role)) entity.role = options.role;
    return entity;
  }

  has(surface: string): boolean {
    const key = normalizeName(surface);
    return this.keyOf.has(key) || this.byKey.has(key);
  }

  get(surface: string): EntityMention | undefined {
    const key = this.keyOf.get(normalizeName(surface));
    return key ? this.byKey.get(key) : undefined;
  }

  /** Forgets an entity and every surface form that led to it. */
  delete(surface: string): void {
    const key = this.keyOf.get(normalizeName(surface)) ?? normalizeName(surface);
    this.byKey.delete(key);
    for (const [form, target] of this.keyOf) if (target === key) this.keyOf.delete(form);
  }

  values(): EntityMention[] {
    return [...this.byKey.values()].sort((a, b) => firstOffset(a) - firstOffset(b));
  }
}

function isShortForm(candidate: string, other: string): boolean {
  return candidate.length < other.length && !/\s/.test(candidate);
}

function firstOffset(entity: EntityMention): number {
  const first = entity.evidence[0];
  return first ? (first.field === 'title' ? 0 : 100_000) + first.start : Number.MAX_SAFE_INTEGER;
}
