import { ENTITY_KINDS, type EntityKind, type EntityList } from '../src/graph/model.js';
import type { ExtractedPaper, PaperEntity } from './extract-corpus.js';

type KindList = EntityList;

const KIND_OF = Object.fromEntries(ENTITY_KINDS.map((k) => [k.list, k.prefix])) as Record<KindList, EntityKind>;
const LISTS: readonly KindList[] = ENTITY_KINDS.map((k) => k.list);
// Named kinds decided by votes, ties in this order; a task beats a concept of the same name.
const NAMED: KindList[] = ['datasets', 'methods', 'metrics'];

/*
 * Corpus-wide identity after extraction, in two tallies a corpus pass feeds one paper at a time
 * (corpus-identity.ts): spellings that differ only in separators or a plural
 * (`multi-layer perceptron`/`multilayer perceptron`, `MS MARCO`/`MSMARCO`, `ReLU`/`ReLUs`) take
 * one id, the one most papers use (ties: the shorter, then the first in order); then one name
 * is one kind. Each tally holds a count per id, never a paper.
 */

/** The kind the curated lists give a name (`FLOPs` a metric, `text-to-image generation` a task), if any. */
export type ListedKinds = (name: string) => EntityKind[];

/** Named kinds before tasks before concepts, as votes rank them. */
function rank(kind: KindList): number {
  const named = NAMED.indexOf(kind);
  return named >= 0 ? named : kind === 'tasks' ? NAMED.length : NAMED.length + 1;
}

/** The key two spellings of one name share: letters and digits only, a final plural `s` dropped. */
export function looseKey(id: string): string {
  const key = id.toLowerCase().replace(/[^\p{L}\p{N}:+@]/gu, '');
  return /[^su]s$/.test(key) && key.length > 5 ? key.slice(0, -1) : key;
}

/** How many papers use each id as linked: the spelling most of them use is the id of them all. */
export class SpellingTally {
  private readonly uses = new Map<string, number>();

  add(paper: ExtractedPaper): void {
    for (const list of LISTS) for (const e of paper[list] as PaperEntity[]) this.uses.set(e.id, (this.uses.get(e.id) ?? 0) + 1);
  }

  /** Each id that another spelling of it replaces, with that id. */
  canonical(): Map<string, string> {
    const byLoose = new Map<string, string[]>();
    for (const id of this.uses.keys()) {
      const key = looseKey(id);
      const ids = byLoose.get(key);
      if (ids) ids.push(id);
      else byLoose.set(key, [id]);
    }
    const canonical = new Map<string, string>();
    for (const ids of byLoose.values()) {
      if (ids.length < 2) continue;
      const best = [...ids].sort((a, b) => this.uses.get(b)! - this.uses.get(a)! || a.length - b.length || (a < b ? -1 : 1))[0]!;
      for (const id of ids) if (id !== best) canonical.set(id, best);
    }
    return canonical;
  }
}

/** A paper with every id its spelling replaces (SpellingTally.canonical) replaced, same ids merged. */
export function mergeSpellings(paper: ExtractedPaper, canonical: ReadonlyMap<string, string>): ExtractedPaper {
  if (canonical.size === 0) return paper;
  const out = { ...paper };
  for (const list of LISTS) {
    const merged: PaperEntity[] = [];
    for (const e of paper[list] as PaperEntity[]) {
      const id = canonical.get(e.id) ?? e.id;
      const same = merged.find((m) => m.id === id);
      if (same) {
        same.aliases = [...new Set([...same.aliases, ...(e.name === same.name ? [] : [e.name]), ...e.aliases])];
        same.evidence = [...same.evidence, ...e.evidence];
      } else {
        merged.push({ ...e, id });
      }
    }
    (out as Record<KindList, PaperEntity[]>)[list] = merged;
  }
  return out;
}

/**
 * One name is one kind across the graph: when papers type the same name differently
 * (`low-rank adaptation` a method in one, a task in another), every paper takes the kind most
 * papers give it among methods, datasets and metrics; failing those, task over concept. A kind
 * the curated lists give the name wins over votes; a name the lists give two meanings of two
 * kinds (`MAE`, the masked autoencoder and the mean absolute error) keeps both, and only other
 * kinds move. Entities moved into a kind merge with one the paper already has under that id.
 */
export class KindTally {
  private readonly votes = new Map<string, Map<KindList, number>>();
  // Every kind the lists give any spelling of the slug: a union, so paper order does not matter.
  private readonly listed = new Map<string, Set<KindList>>();

  constructor(private readonly listedKinds: ListedKinds = () => []) {}

  add(paper: ExtractedPaper): void {
    for (const list of LISTS) {
      for (const e of paper[list] as PaperEntity[]) {
        const slug = slugOf(e.id);
        for (const kind of this.listedKinds(e.name)) this.listed.set(slug, (this.listed.get(slug) ?? new Set()).add(`${kind}s` as KindList));
        const tally = this.votes.get(slug) ?? new Map<KindList, number>();
        tally.set(list, (tally.get(list) ?? 0) + 1);
        this.votes.set(slug, tally);
      }
    }
  }

  /** The kinds each contested slug keeps, the first of them taking the entities of the others. */
  kept(): Map<string, KindList[]> {
    const kept = new Map<string, KindList[]>();
    for (const [slug, tally] of this.votes) {
      if (tally.size < 2) continue;
      const fromLists = LISTS.filter((k) => this.listed.get(slug)?.has(k) && tally.has(k)).sort((a, b) => rank(a) - rank(b));
      if (fromLists.length > 0) {
        kept.set(slug, fromLists);
        continue;
      }
      const named = NAMED.filter((k) => tally.has(k)).sort((a, b) => tally.get(b)! - tally.get(a)! || NAMED.indexOf(a) - NAMED.indexOf(b));
      kept.set(slug, [named[0] ?? 'tasks']);
    }
    return kept;
  }
}

/** A paper with each entity in the kind its name keeps (KindTally.kept). */
export function reconcileKinds(paper: ExtractedPaper, kept: ReadonlyMap<string, KindList[]>): ExtractedPaper {
  if (kept.size === 0) return paper;
  const stays =
    (list: KindList) =>
    (e: PaperEntity): boolean =>
      kept.get(slugOf(e.id))?.includes(list) ?? true;
  const out: ExtractedPaper = {
    ...paper,
    methods: paper.methods.filter(stays('methods')),
    datasets: paper.datasets.filter(stays('datasets')),
    metrics: paper.metrics.filter(stays('metrics')),
    tasks: paper.tasks.filter(stays('tasks')),
    concepts: paper.concepts.filter(stays('concepts')),
  };
  for (const list of LISTS) {
    for (const e of paper[list] as PaperEntity[]) {
      const keep = kept.get(slugOf(e.id));
      const target = keep?.[0];
      if (keep && target && !keep.includes(list))
        moveInto(out, target, { id: `${KIND_OF[target]}:${slugOf(e.id)}`, name: e.name, aliases: e.aliases, evidence: e.evidence });
    }
  }
  return out;
}

function slugOf(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

function moveInto(paper: ExtractedPaper, target: KindList, entity: PaperEntity): void {
  const list = paper[target] as PaperEntity[];
  const existing = list.find((e) => e.id === entity.id);
  if (existing) {
    const merged: PaperEntity = {
      ...existing,
      aliases: [...new Set([...existing.aliases, ...(entity.name === existing.name ? [] : [entity.name]), ...entity.aliases])],
      evidence: [...existing.evidence, ...entity.evidence],
    };
    list.splice(list.indexOf(existing), 1, merged);
    return;
  }
  if (target === 'methods') paper.methods.push({ ...entity, role: 'USED' });
  else if (target === 'metrics') paper.metrics.push({ ...entity, higherIsBetter: null });
  else list.push(entity);
}
