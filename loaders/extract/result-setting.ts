import type { ResultSetting } from '../../src/graph/model.js';

interface Cue {
  start: number;
  end: number;
  setting: ResultSetting;
}

// Longest first: `without fine-tuning` is a zero-shot cue, not a fine-tuned one.
const CUES: ReadonlyArray<readonly [RegExp, ResultSetting]> = [
  [/\b(?:without|w\/o|no)\s+(?:[\w-]+\s+){0,4}?(?:fine-?\s?tun\w*|finetun\w*)\b/gi, 'zero-shot'],
  [/\bzero[- ]?shot\b|\b0-shot\b/gi, 'zero-shot'],
  [/\b(?:few|one|two|three|four|five|eight|ten|sixteen|\d{1,2}|k)[- ]shot\b/gi, 'few-shot'],
  [/\blinear[- ](?:prob\w*|evaluation|eval|classifiers?|classification)\b/gi, 'linear-probe'],
  [/\b(?:fine-?\s?tun\w*|finetun\w*)\b(?!-free)/gi, 'fine-tuned'],
];

// A cue reaches a number across a few words (`86.3% zero-shot accuracy`, `zero-shot accuracy of
// 86.3%`), never across a comma or a conjunction: those start another number's part.
const GAP_AFTER = /^[\s\\%()]*(?:(?!(?:and|or|while|whereas|but|than|vs)\b)[\w@.-]+[\s()]+){0,3}$/i;
const GAP_BEFORE = /^[\s()]*(?:(?!(?:and|or|while|whereas|but|than|vs)\b)[\w@.-]+[\s():]+){0,5}$/i;

/**
 * The evaluation setting a sentence gives a number (or a list of numbers, as `span`): zero-shot,
 * few-shot (`5-shot`), fine-tuned, linear probe; `without (…) fine-tuning` reads as zero-shot. The cue
 * right by the number wins (`86.3% zero-shot accuracy`, `fine-tuned accuracy of 91.0%`), then the
 * nearest one between the neighbouring numbers (`bounds`), then a setting the whole sentence
 * agrees on (`In the zero-shot setting, … 80.1% on A and 75.2% on B`); otherwise null. Pure.
 */
export function parseSetting(
  text: string,
  sentence: { start: number; end: number },
  span: { start: number; end: number },
  bounds: { start: number; end: number },
): ResultSetting | null {
  const cues = findCues(text.slice(sentence.start, sentence.end), sentence.start);
  if (cues.length === 0) return null;
  const after = cues.find((c) => c.start >= span.end && GAP_AFTER.test(text.slice(span.end, c.start)));
  if (after) return after.setting;
  const before = cues.filter((c) => c.end <= span.start && GAP_BEFORE.test(text.slice(c.end, span.start))).at(-1);
  if (before) return before.setting;
  // Cues between the neighbouring numbers, but not those right by a neighbour: they are its own.
  const between = cues.filter(
    (c) =>
      c.start >= bounds.start &&
      c.end <= bounds.end &&
      !(bounds.start > sentence.start && GAP_AFTER.test(text.slice(bounds.start, c.start))) &&
      !(bounds.end < sentence.end && GAP_BEFORE.test(text.slice(c.end, bounds.end))),
  );
  if (between.length > 0) return between.reduce((a, b) => (distance(a, span) <= distance(b, span) ? a : b)).setting;
  const settings = new Set(cues.map((c) => c.setting));
  return settings.size === 1 ? cues[0]!.setting : null;
}

function findCues(body: string, offset: number): Cue[] {
  const cues: Cue[] = [];
  for (const [pattern, setting] of CUES) {
    for (const match of body.matchAll(pattern)) {
      const start = offset + match.index;
      const end = start + match[0].length;
      if (!cues.some((c) => start < c.end && end > c.start)) cues.push({ start, end, setting });
    }
  }
  return cues.sort((a, b) => a.start - b.start);
}

function distance(cue: Cue, span: { start: number; end: number }): number {
  return cue.start >= span.end ? cue.start - span.end : span.start - cue.end;
}
