/** One data row of a tab-separated file, with the 1-based line it came from. */
export interface TsvRow {
  line: number;
  cells: string[];
}

/**
 * The data rows of a tab-separated text whose first line is a header: blank lines skipped, every
 * row padded with empty cells to `columns`. Throws when the header does not start with `expected`,
 * so a file with other columns fails at once instead of producing a wrong list.
 */
export function parseTsv(text: string, expected: readonly string[], file: string): TsvRow[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t');
  if (expected.some((name, i) => header[i]?.trim() !== name)) {
    throw new Error(`${file}: expected the columns ${expected.join(', ')}, found ${header.join(', ')}`);
  }
  const rows: TsvRow[] = [];
  lines.slice(1).forEach((text, i) => {
    if (!text.trim()) return;
    const cells = text.split('\t');
    while (cells.length < expected.length) cells.push('');
    rows.push({ line: i + 2, cells });
  });
  return rows;
}

/** The ` | `-separated values of one cell, trimmed, empty ones left out. */
export function splitList(cell: string): string[] {
  return cell
    .split(' | ')
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
}
