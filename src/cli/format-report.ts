import type { ReadReport } from '../../loaders/collect-papers.js';
import { ExitCode } from '../errors.js';

const LISTED_REJECTIONS = 50;

/** A human summary of a read: totals, then each rejection as `file:line: reason`. */
export function formatReport(command: string, report: ReadReport): string {
  const lines = [
    `${command}: ${report.files.length} file${report.files.length === 1 ? '' : 's'}, ` +
      `${report.records} records read, ${report.papers} papers, ` +
      `${report.duplicatesMerged} duplicates merged, ${report.rejections.length} rejected`,
  ];
  const formats = new Map<string, number>();
  for (const file of report.files) formats.set(file.format ?? 'unreadable', (formats.get(file.format ?? 'unreadable') ?? 0) + 1);
  if (report.files.length > 0) lines.push(`  formats: ${[...formats].map(([format, n]) => `${format} ${n}`).join(', ')}`);
  for (const r of report.rejections.slice(0, LISTED_REJECTIONS)) lines.push(`  rejected ${r.file}:${r.line}: ${r.reason}`);
  if (report.rejections.length > LISTED_REJECTIONS) {
    lines.push(`  … and ${report.rejections.length - LISTED_REJECTIONS} more rejections`);
  }
  return `${lines.join('\n')}\n`;
}

/** The exit code a read deserves: all good, loaded with rejections, or nothing read. */
export function exitCodeFor(report: ReadReport): ExitCode {
  if (report.papers === 0) return ExitCode.NOTHING_READ;
  return report.rejections.length > 0 ? ExitCode.LOADED_WITH_REJECTIONS : ExitCode.OK;
}
