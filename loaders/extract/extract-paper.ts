import type { TaggedTerm } from './chunk-noun-phrases.js';
import type { EntityMention } from './entity-set.js';
import type { PaperText } from './evidence.js';
import { extractLinks, type Link, type Repository } from './extract-links.js';
import { extractResults, type Result } from './extract-results.js';
import { findAcronymEntities } from './find-acronym-entities.js';
import { findConcepts } from './find-concepts.js';
import { findListedEntities, isCostMetricName } from './find-listed-entities.js';
import { findNamedEntities } from './find-named-entities.js';
import { findTasks, isMotivationOnly } from './find-tasks.js';
import type { Matchers } from './matchers.js';
import { dropBackgroundMetrics } from './metric-context.js';
import { PaperDraft } from './paper-draft.js';

export { buildMatchers, type Matchers } from './matchers.js';

/** Everything extracted from one paper's title and abstract, each mention with its evidence. */
export interface PaperEntities {
  methods: EntityMention[];
  datasets: EntityMention[];
  tasks: EntityMention[];
  metrics: Array<EntityMention & { higherIsBetter: boolean | null }>;
  results: Result[];
  repositories: Repository[];
  links: Link[];
  arxivIds: string[];
  concepts: EntityMention[];
  /** Acronym definitions the paper makes, for corpus-wide alias resolution. */
  acronyms: Array<{ short: string; long: string }>;
}

/** Parses a text into tagged sentences; the one compromise parse per abstract is made by the caller. */
export type ParseText = (text: string) => ReadonlyArray<readonly TaggedTerm[]>;

/**
 * Extracts a paper's entities from that paper alone. Rule families run from surest to loosest,
 * each claiming the spans it types (see `ClaimsLedger`): links, curated lists, acronym
 * definitions, names, tasks, results, then concepts from the one compromise parse of the abstract.
 */
export function extractPaper(paper: PaperText, matchers: Matchers, parse: ParseText): PaperEntities {
  const draft = new PaperDraft(paper, matchers);
  // Links first: `github.com/o/CoOp` names a repository, not a method.
  const links = extractLinks(paper);
  for (const item of [...links.repositories, ...links.links]) for (const e of item.evidence) draft.claims.claim(e.field, e.start, e.end);
  findListedEntities(draft);
  findAcronymEntities(draft);
  findNamedEntities(draft);
  findTasks(draft);
  dropBackgroundMetrics(draft);
  // Results: numbers tied to datasets (and metrics) within a sentence, with the method that scored
  // them: one the sentence names, else the paper's first proposed method.
  const results: Result[] = [];
  const methods = draft.methods.values();
  const proposedMethod = methods.find((m) => m.role === 'PROPOSED')?.name ?? null;
  for (const f of draft.fields) {
    const datasets = draft.anchorsOf('dataset', f.field).map((a) => ({ ...a, name: draft.datasets.get(a.name)?.name ?? a.name }));
    const metrics = draft.anchorsOf('metric', f.field).map((a) => ({ ...a, name: metricName(draft.metrics.get(a.name)) }));
    const methodAnchors = methods.flatMap((m) => m.evidence.filter((e) => e.field === f.field).map((e) => ({ name: m.name, start: e.start, end: e.end })));
    // Cost figures (`400% lower latency`) are no results, whatever else the sentence says.
    results.push(
      ...extractResults(f.field, f.text, f.sentences, datasets, metrics, methodAnchors, proposedMethod).filter(
        (r) => r.metric === null || !isCostMetricName(r.metric),
      ),
    );
  }
  findConcepts(draft, parse);
  return {
    methods: draft.methods.values(),
    datasets: draft.datasets.values(),
    // Tasks named only as background examples (`tasks such as A and B`) are not what the paper studies.
    tasks: withoutContainedTasks(draft.tasks.values().filter((t) => !isMotivationOnly(draft, t))),
    metrics: draft.metrics.values().map((m) => ({
      ...m,
      name: metricName(m),
      aliases: metricName(m) === m.name || m.aliases.includes(m.name) ? m.aliases : [m.name, ...m.aliases],
      higherIsBetter: draft.higherIsBetter.get(m.key) ?? null,
    })),
    results,
    repositories: links.repositories,
    links: links.links,
    arxivIds: links.arxivIds,
    // Field names (`deep learning`) are no concept, however a rule reached them: they would link every paper.
    // A single word is a concept only as a curated family (`hypernetwork`): alone, most words say too little.
    concepts: draft.concepts.values().filter((c) => !matchers.cues.hubConcepts.has(c.key) && (c.canonical !== undefined || c.key.includes(' '))),
    acronyms: draft.fields.flatMap((f) => f.acronyms.map((a) => ({ short: a.short, long: a.long }))),
  };
}

/**
 * A task whose words end another task of the paper (`speech recognition` beside `automatic speech
 * recognition`) says the same thing less precisely: the list stays short, the precise one stays.
 */
function withoutContainedTasks(tasks: EntityMention[]): EntityMention[] {
  const keys = tasks.map((t) => ` ${t.key}`);
  return tasks.filter((t) => !keys.some((k) => k !== ` ${t.key}` && k.endsWith(` ${t.key}`)));
}

/** A metric is shown by its curated name when it has one: `PPL` is reported as `perplexity`. */
function metricName(metric: EntityMention | undefined): string {
  if (!metric) return '';
  return metric.canonical ?? metric.name;
}
