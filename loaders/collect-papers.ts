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
  const files: FileReport[] = [];
  const rejections: Rejection[] = [];
  for await (const event of readSources(paths, options)) {
    if (event.kind === 'paper') collector.add(event.paper);
    else if (event.kind === 'rejection') rejections.push(event.rejection);
    else {
      if (files.length > 0) options.onProgress?.(summarize(files, collector.occurrences, undefined, rejections));
      files.push(event.report);
    }
  }
  const papers = collector.papers();
  const report = summarize(files, collector.occurrences, papers.length, rejections);
  options.onProgress?.(report);
  return { papers, report };
}

function summarize(files: FileReport[], records: number, papers: number | undefined, rejections: Rejection[]): ReadReport {
  return { files: [...files], records, papers: papers ?? records, duplicatesMerged: papers === undefined ? 0 : records - papers, rejections: [...rejections] };
}
