/**
 * A list as the shipped lexicon files write it: a JSON array with one entry a line, so a diff of
 * a rebuild shows which entries changed and each line stays readable.
 */
export function formatLexicon(entries: readonly object[]): string {
  if (entries.length === 0) return '[]\n';
  return `[\n${entries.map((entry) => `  ${JSON.stringify(entry)}`).join(',\n')}\n]\n`;
}
