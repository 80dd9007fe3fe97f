/** The two fields extraction reads. */
export type Field = 'title' | 'abstract';

/** Where a mention sits: the field and the character span `[start, end)` within it. */
export interface Evidence {
  field: Field;
  start: number;
  end: number;
}

/** A paper's text as the extractors see it. `title` is absent when the title was derived. */
export interface PaperText {
  title?: string;
  abstract: string;
}

/** The fields of a paper with their names, title first. */
export function fieldsOf(paper: PaperText): Array<{ field: Field; text: string }> {
  return paper.title
    ? [
        { field: 'title', text: paper.title },
        { field: 'abstract', text: paper.abstract },
      ]
    : [{ field: 'abstract', text: paper.abstract }];
}
