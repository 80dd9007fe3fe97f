/** Where a record came from: the file (as given, or `-` for stdin) and its 1-based line. */
export interface SourceLocation {
  file: string;
  line: number;
}

/** One occurrence of a paper as a reader found it, before identity and de-duplication. */
export interface RawPaper {
  title?: string;
  abstract: string;
  url?: string;
  arxivId?: string;
  published?: string;
  authors?: string[];
  /** A code repository URL the source itself declares (Hugging Face `githubRepo`). */
  codeUrl?: string;
  source: SourceLocation;
}

/** A record or file that could not be read, with the reason in words a user can act on. */
export interface Rejection extends SourceLocation {
  reason: string;
}

/** What a reader yields: papers and rejections, interleaved in file order. */
export type ReadEvent = { kind: 'paper'; paper: RawPaper } | { kind: 'rejection'; rejection: Rejection };

export function paperEvent(paper: RawPaper): ReadEvent {
  return { kind: 'paper', paper };
}

export function rejectionEvent(file: string, line: number, reason: string): ReadEvent {
  return { kind: 'rejection', rejection: { file, line, reason } };
}
