/**
 * Draws a seeded sample of extracted entities for judging precision by hand: N per kind
 * (methods, datasets, tasks, metrics, concepts, results) with the sentence each came from, plus
 * N concepts shared by two or more papers with the papers' titles. Reads `kg extract` JSON lines.
 *
 *   npm run --silent kg -- extract data/papers > extract.jsonl
 *   npx tsx scripts/sample-precision.ts extract.jsonl --per-kind 40 --seed 2026 > sample.jsonl
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { findSentenceEnds } from '../src/graph/sentences.js';

interface Span {
  field: 'title' | 'abstract';
  start: number;
  end: number;
}
interface Entity {
  id?: string;
  name: string;
  role?: string;
  evidence: Span[];
}
interface Result {
  dataset: string;
  metric: string | null;
  value: number;
  raw: string;
  method?: string | null;
  setting?: string | null;
  evidence: Span;
}
interface Extracted {
  id: string;
  title: string;
  abstract: string;
  methods: Entity[];
  datasets: Entity[];
  tasks: Entity[];
  metrics: Entity[];
  concepts: Entity[];
  results: Result[];
}

const program = new Command()
  .argument('<file>', 'kg extract output (JSON lines)')
  .option('--per-kind <n>', 'items per kind', '40')
  .option('--seed <n>', 'random seed', '2026')
  .parse();
const [file] = program.args as [string];
const { perKind, seed } = program.opts<{ perKind: string; seed: string }>();

// mulberry32: a small seeded generator, so the same seed draws the same sample.
let state = Number(seed) >>> 0;
const random = (): number => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const sample = <T>(items: T[], n: number): T[] => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
};

const papers = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Extracted);
const sentence = (p: Extracted, span: Span): string => {
  const text = span.field === 'title' ? p.title : p.abstract;
  const ends = [...findSentenceEnds(text), text.length];
  const start = ends.findLast((e) => e <= span.start) ?? 0;
  return text.slice(start, ends.find((e) => e > span.start) ?? text.length).trim();
};
const n = Number(perKind);
for (const kind of ['methods', 'datasets', 'tasks', 'metrics', 'concepts'] as const) {
  const all = papers.flatMap((p) => p[kind].map((e) => ({ p, e })));
  for (const { p, e } of sample(all, n)) {
    const span = e.evidence[0]!;
    console.log(
      JSON.stringify({
        kind,
        paper: p.id,
        title: p.title,
        name: e.name,
        ...(e.role ? { role: e.role } : {}),
        mention: (span.field === 'title' ? p.title : p.abstract).slice(span.start, span.end),
        sentence: sentence(p, span),
      }),
    );
  }
}
for (const { p, r } of sample(
  papers.flatMap((p) => p.results.map((r) => ({ p, r }))),
  n,
)) {
  console.log(
    JSON.stringify({
      kind: 'results',
      paper: p.id,
      title: p.title,
      dataset: r.dataset,
      metric: r.metric,
      value: r.value,
      method: r.method ?? null,
      setting: r.setting ?? null,
      raw: r.raw,
      sentence: sentence(p, r.evidence),
    }),
  );
}
const byConcept = new Map<string, Extracted[]>();
for (const p of papers) for (const c of p.concepts) byConcept.set(c.id ?? c.name, [...(byConcept.get(c.id ?? c.name) ?? []), p]);
for (const [id, shared] of sample(
  [...byConcept].filter(([, ps]) => ps.length >= 2),
  n,
)) {
  console.log(JSON.stringify({ kind: 'shared-concept', concept: id, papers: shared.length, titles: shared.slice(0, 4).map((p) => p.title) }));
}
