/** Limits every reader honours, so that no input can make memory grow without bound. */
export interface ReadOptions {
  /** Longest line of a text or JSONL file, in bytes. */
  maxLineBytes: number;
  /** Largest single record of a JSON document or Atom entry, in characters. */
  maxRecordBytes: number;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = {
  maxLineBytes: 4 * 1024 * 1024,
  maxRecordBytes: 4 * 1024 * 1024,
};
