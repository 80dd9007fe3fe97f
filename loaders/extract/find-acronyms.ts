/** A definition `long form (SHORT)` or `SHORT (long form)` found in text, with both spans. */
export interface AcronymDefinition {
  short: string;
  long: string;
  shortStart: number;
  shortEnd: number;
  longStart: number;
  longEnd: number;
}

// `(DTRN)`, `(PEFT)`, `(ViT)`, `(MoE)`, `(T2I)`, `(DDPMs)`; one token of 2–10 characters with a capital.
const PAREN_SHORT = /\(([A-Za-z][A-Za-z0-9-]{0,9}?\+*)(s?)(?:;[^)]*)?\)/g;

/**
 * Finds acronym definitions with the Schwartz–Hearst rule: the short form's characters must
 * appear in order in the words before the parenthesis, its first character starting a word, and
 * the long form may not be much longer than the short form has letters.
 */
export function findAcronyms(text: string): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  for (const match of text.matchAll(PAREN_SHORT)) {
    const short = match[1]!;
    if (!/[A-Z]/.test(short) || short.replace(/[^A-Za-z0-9]/g, '').length < 2) continue;
    // The shortest long form that matches, among at most min(|A| + 5, 2|A|) words before the parenthesis.
    const letters = short.replace(/[^A-Za-z0-9]/g, '').length;
    const maxWords = Math.min(letters + 5, letters * 2);
    const before = text.slice(0, match.index).replace(/\s+$/, '');
    const wordStarts: number[] = [];
    const wordPattern = /\S+/g;
    const window = before.slice(Math.max(0, before.length - 300));
    const offset = before.length - window.length;
    for (const w of window.matchAll(wordPattern)) wordStarts.push(offset + w.index);
    const candidates = wordStarts.slice(-maxWords);
    for (let k = candidates.length - 1; k >= 0; k--) {
      const longStart = candidates[k]!;
      const long = before.slice(longStart);
      if (/[.;:!?]\s|[()[\]]/.test(long)) break;
      if (matchesShort(short, long)) {
        found.push({
          short,
          long: long.replace(/^[^A-Za-z0-9]+/, ''),
          shortStart: match.index + 1,
          shortEnd: match.index + 1 + short.length,
          longStart: longStart + (long.length - long.replace(/^[^A-Za-z0-9]+/, '').length),
          longEnd: before.length,
        });
        break;
      }
    }
  }
  return found;
}

/** Schwartz–Hearst: every short-form character, right to left, found in order in the long form. */
function matchesShort(short: string, long: string): boolean {
  const s = short.toLowerCase();
  // Digits stand for words in acronyms: `T2I` is text-to-image, `B4` before.
  const l = long
    .toLowerCase()
    .replace(/\bto\b/g, '2')
    .replace(/\bfor\b/g, '4');
  let si = s.length - 1;
  let li = l.length - 1;
  while (si >= 0) {
    const c = s[si]!;
    if (!/[a-z0-9]/.test(c)) {
      si--;
      continue;
    }
    // The first character of the short form must start a word of the long form.
    while (li >= 0 && (l[li] !== c || (si === 0 && li > 0 && /[a-z0-9]/.test(l[li - 1]!)))) li--;
    if (li < 0) return false;
    si--;
    li--;
  }
  // The long form must not start in the middle of its first word and must have more than one word-ish part.
  return l.length > short.length;
}
