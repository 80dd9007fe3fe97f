import { PaperCollector, type Paper } from './papers.js';
import type { Rejection } from './read/raw-paper.js';
import { readSources, type FileReport, type ReadSourcesOptions } from './read/read-sources.js';

/** What reading a set of sources produced, for summaries and exit codes. */
export interface ReadReport {
  files: FileReport[];
  /** Paper records read (occurrences, before de-duplication). */
  records: number;
  papers: number;
  duplicatesMerged: number;
  rejections: Rejection[];
}

/**
 * Reads every source and de-duplicates the papers. Rejections are collected, never thrown;
 * `onProgress` is called after each file with the running report.
 */
export async function collectPapers(
  paths: readonly string[],
  options: ReadSourcesOptions & { onProgress?: (report: ReadReport) => void } = {},
): Promise<{ papers: Paper[]; report: ReadReport }> {
  const collector = new PaperCollector();
  const report = await readAll(paths, options, collector, true);
  return { papers: collector.papers(), report };
}

/** Papers read twice over: the report and count first, then each paper as soon as it is complete. */
export interface StreamedPapers {
  report: ReadReport;
  /** Distinct papers `papers()` yields. */
  count: number;
  papers(): AsyncGenerator<Paper>;
}

/**
 * Reads the sources twice, so that memory holds identity keys, not papers: the first pass groups
 * occurrences into papers (PaperCollector.plan) and makes the report; the second reads them again
 * and yields each paper as soon as its last occurrence is read (duplicates far apart wait in
 * memory). Stdin cannot be read twice: sources with `-` are read once and held.
 */
export async function streamPapers(
  paths: readonly string[],
  options: ReadSourcesOptions & { onProgress?: (report: ReadReport) => void } = {},
): Promise<StreamedPapers> {
  if (paths.includes('-')) {
    const { papers, report } = await collectPapers(paths, options);
    return {
      report,
      count: papers.length,
      papers: async function* () {
        yield* papers;
      },
    };
  }
  const collector = new PaperCollector();
  const report = await readAll(paths, options, collector, false);
  const plan = collector.plan();
  return {
    report,
    count: plan.papers,
    papers: async function* () {
      for await (const event of readSources(paths, options)) {
        if (event.kind !== 'paper') continue;
        const paper = plan.add(event.paper);
        if (paper) yield paper;
      }
      plan.finish();
    },
  };
}

/** One read of the sources into a collector (keeping the records or only their identity); the report of what was read. */
async function readAll(
  paths: readonly string[],
  options: ReadSourcesOptions & { onProgress?: (report: ReadReport) => void },
  collector: PaperCollector,
  keep: boolean,
): Promise<ReadReport> {
  const files: FileReport[] = [];
  const rejections: Rejection[] = [];
  let records = 0;
  for await (const event of readSources(paths, options)) {
    if (event.kind === 'paper') {
      records++;
      collector.add(event.paper, keep);
    } else if (event.kind === 'rejection') rejections.push(event.rejection);
    else {
      if (files.length > 0) options.onProgress?.(summarize(files, records, undefined, rejections));
      files.push(event.report);
    }
  }
  const report = summarize(files, records, collector.distinct, rejections);
  options.onProgress?.(report);
  return report;
}

function summarize(files: FileReport[], records: number, papers: number | undefined, rejections: Rejection[]): ReadReport {
  return { files: [...files], records, papers: papers ?? records, duplicatesMerged: papers === undefined ? 0 : records - papers, rejections: [...rejections] };
}
