/** The part of a compromise term that chunking needs. */
export interface TaggedTerm {
  text: string;
  pre: string;
  post: string;
  tags?: Set<string>;
}

/** A noun phrase with its span in the parsed text. */
export interface NounPhrase {
  text: string;
  start: number;
  end: number;
}

const MODIFIER = ['Adjective', 'Noun', 'Acronym', 'Gerund', 'ProperNoun'];
const BREAK_AFTER = /[,.;:!?()[\]"“”]|\s[-–—]\s/;
const NOT_IN_PHRASE = ['Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Adverb', 'Value', 'Possessive', 'QuestionWord', 'Modal', 'Copula'];

/**
 * Groups compromise's tagged terms into noun phrases: runs of adjectives and nouns ending in a
 * noun, broken at punctuation. A plural that compromise took for a present-tense verb right after
 * a noun (`diffusion models.`) is read as the phrase's head, a known tagging slip on paper text.
 * Offsets are recovered by walking the original text, since every term keeps its own characters.
 */
export function chunkNounPhrases(sentences: readonly (readonly TaggedTerm[])[], text: string): NounPhrase[] {
  const phrases: NounPhrase[] = [];
  let cursor = 0;
  for (const terms of sentences) {
    let run: Array<{ start: number; end: number; noun: boolean }> = [];
    const flush = (): void => {
      while (run.length > 0 && !run.at(-1)!.noun) run.pop();
      if (run.length > 0) phrases.push({ text: text.slice(run[0]!.start, run.at(-1)!.end), start: run[0]!.start, end: run.at(-1)!.end });
      run = [];
    };
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!;
      const start = text.indexOf(term.text, cursor);
      if (start < 0 || term.text === '') continue;
      const end = start + term.text.length;
      cursor = end;
      if (/[(["“]/.test(term.pre)) flush();
      const tags = term.tags ?? new Set<string>();
      const has = (names: readonly string[]): boolean => names.some((name) => tags.has(name));
      const next = terms[i + 1];
      const plainVerbAfterNoun =
        tags.has('PresentTense') &&
        /s$/.test(term.text) &&
        run.length > 0 &&
        run.at(-1)!.noun &&
        (next === undefined || BREAK_AFTER.test(term.post) || /[([]/.test(next.pre) || !(next.tags?.has('Noun') || next.tags?.has('Adjective')));
      const inPhrase = plainVerbAfterNoun || (has(MODIFIER) && !has(NOT_IN_PHRASE) && !(tags.has('Verb') && !tags.has('Gerund')));
      if (!inPhrase) {
        flush();
        continue;
      }
      const noun = plainVerbAfterNoun || tags.has('Noun') || tags.has('Acronym') || (tags.has('Gerund') && !next?.tags?.has('Noun'));
      run.push({ start, end, noun });
      if (BREAK_AFTER.test(term.post) && !/^-$/.test(term.post.trim())) flush();
    }
    flush();
  }
  return phrases;
}
