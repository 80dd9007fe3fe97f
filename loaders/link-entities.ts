import type { EntityMention } from './extract/entity-set.js';
import type { PaperEntities } from './extract/extract-paper.js';
import { buildId, normalizeName, slugify } from './normalize.js';

export type EntityKind = 'method' | 'dataset' | 'task' | 'metric' | 'concept';

/**
 * Corpus-wide identity of entities: one id per entity across all papers. Acronyms a paper defines
 * (`parameter-efficient fine-tuning (PEFT)`) link that short form to its long form in every other
 * paper too, unless the corpus gives the short form two different meanings.
 */
export class EntityLinker {
  /** Short-form key → the long-form keys the corpus defines for it. */
  private readonly longForms = new Map<string, Set<string>>();

  addDefinitions(entities: PaperEntities): void {
    for (const { short, long } of entities.acronyms) {
      const key = normalizeName(short);
      const set = this.longForms.get(key) ?? new Set<string>();
      set.add(normalizeName(long));
      this.longForms.set(key, set);
      // Of several spellings of one long form, the first in code-point order: not the last paper read.
      const known = this.conceptShortForms.get(key);
      if (long === long.toLowerCase() && (known === undefined || long < known)) this.conceptShortForms.set(key, long);
    }
  }

  /** Short-form keys whose one long form is written in lower case: a concept, not a name. */
  private readonly conceptShortForms = new Map<string, string>();

  /**
   * The concept a bare short form stands for when another paper of the corpus defines it with a
   * lower-case long form (`sparse mixture routing (SMR)`), or undefined.
   */
  conceptOf(name: string): string | undefined {
    const key = normalizeName(name);
    const long = this.longFormOf(key);
    return long && this.conceptShortForms.has(key) ? this.conceptShortForms.get(key) : undefined;
  }

  /** The single long form the corpus gives a short form, if exactly one. */
  longFormOf(key: string): string | undefined {
    const forms = this.longForms.get(key);
    return forms && forms.size === 1 ? [...forms][0] : undefined;
  }

  /**
   * The id of an entity: curated entities by their curated name; methods and datasets by their
   * short form (as papers cite them); concepts and tasks by their long form.
   */
  idOf(kind: EntityKind, entity: EntityMention): string {
    if (entity.canonical) return buildId(kind, slugify(normalizeName(entity.canonical)));
    const keys = [entity.name, ...entity.aliases].map(normalizeName);
    if (kind === 'concept' || kind === 'task') {
      const long = keys.map((k) => this.longFormOf(k)).find((k) => k !== undefined);
      const longest = keys.reduce((a, b) => (b.length > a.length ? b : a));
      return buildId(kind, slugify(long ?? longest));
    }
    const short = keys.reduce((a, b) => (b.length < a.length ? b : a));
    // A short form the corpus gives several meanings (`CSL` for Color Space Learning and for
    // Cross-ID Similarity Learning) names each defined entity by its own long form.
    const meanings = this.longForms.get(short);
    const own = meanings && meanings.size > 1 ? keys.find((k) => meanings.has(k)) : undefined;
    return buildId(kind, slugify(own ?? short));
  }
}
