/**
 * Sentence boundaries in paper text without an NLP parse: `.`, `!` or `?` followed by space and a
 * capital, digit or opening bracket, except after abbreviations (`e.g.`, `vs.`, `et al.`) and
 * initials (`R. Michael`). Cheap enough to run on every line of a large file.
 */

const ABBREVIATION = /\b(?:e\.g|i\.e|vs|etc|et al|cf|fig|figs|eq|eqs|no|resp|approx|viz|al|ca|ref|sec|dr|mr|ms|st)\.$/i;
const INITIAL = /(?:^|\s)\p{Lu}\.$/u;

/** Offsets just after each sentence-ending mark inside `text` (the text's own end excluded). */
export function findSentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const boundary = /[.!?](?=\s+[\p{Lu}\p{N}(["'“])/gu;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    if (match[0] === '.') {
      const before = text.slice(Math.max(0, match.index - 8), match.index + 1);
      if (ABBREVIATION.test(before) || INITIAL.test(before)) continue;
    }
    ends.push(match.index + 1);
  }
  return ends;
}

/** True when the text ends with an abbreviation's period rather than a sentence's. */
export function endsWithAbbreviation(text: string): boolean {
  return ABBREVIATION.test(text.slice(-8));
}

/** The first sentence of a text (the whole text when it has one sentence). */
export function firstSentence(text: string): string {
  const [end] = findSentenceEnds(text);
  return (end === undefined ? text : text.slice(0, end)).trim();
}
