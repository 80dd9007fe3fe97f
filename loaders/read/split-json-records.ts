/**
 * Streams the records out of a JSON document without holding the document: a top-level array's
 * elements, or the elements of the array under a well-known key of a top-level object
 * (`data` for Semantic Scholar, `results` for OpenAlex, ...). A top-level object without such an
 * array is one record. Each record keeps the line it starts on; one record's syntax error does
 * not lose its neighbours.
 */
export type JsonRecord = { line: number; value: unknown } | { line: number; error: string };

const RECORD_KEYS = new Set(['data', 'results', 'papers', 'items', 'entries', 'records']);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

export interface SplitJsonOptions {
  maxRecordBytes: number;
}

export class JsonRecordSplitter {
  private line = 1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Depth at which record values sit, once known. */
  private recordDepth: number | undefined;
  private rootKind: 'array' | 'object' | undefined;
  private lastKey = '';
  private keyParts: string[] | undefined;
  private afterColon = false;
  private parts: string[] = [];
  private partLength = 0;
  private capturing = false;
  private captureLine = 0;
  private overLong = false;
  /** The whole root object, while it may turn out to be a single record. */
  private rootParts: string[] | undefined = [];
  private rootLength = 0;
  /** Set by a structural error: nothing after it can be trusted. */
  private failed = false;

  constructor(private readonly options: SplitJsonOptions) {}

  /** Feeds decoded text; returns the records completed within it. */
  push(text: string): JsonRecord[] {
    const out: JsonRecord[] = [];
    if (this.failed) return out;
    let captureFrom = this.capturing ? 0 : -1;
    let keyFrom = this.keyParts ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.keyParts && keyFrom >= 0) {
            this.keyParts.push(text.slice(keyFrom, i));
            this.lastKey = this.keyParts.join('');
            this.keyParts = undefined;
            keyFrom = -1;
          }
        }
        continue;
      }
      if (c <= 0x20) continue;
      if (this.depth === 0) {
        if (this.rootKind !== undefined) {
          out.push({ line: this.line, error: 'unexpected content after the end of the JSON document' });
          this.failed = true;
          return out;
        }
        if (c === OPEN_BRACKET) {
          this.rootKind = 'array';
          this.recordDepth = 1;
          this.rootParts = undefined;
        } else if (c === OPEN_BRACE) {
          this.rootKind = 'object';
        } else {
          out.push({ line: this.line, error: 'a JSON document must start with [ or {' });
          this.failed = true;
          return out;
        }
        this.depth = 1;
        continue;
      }
      // Start of a record value at the record depth.
      if (this.recordDepth === this.depth && !this.capturing && c !== COMMA && c !== CLOSE_BRACKET) {
        this.capturing = true;
        this.captureLine = this.line;
        captureFrom = i;
      }
      if (c === QUOTE) {
        this.inString = true;
        // Keys of the root object: a string at depth 1 that is not a value.
        if (this.rootKind === 'object' && this.depth === 1 && !this.afterColon) {
          this.keyParts = [];
          keyFrom = i + 1;
        }
        this.afterColon = false;
        continue;
      }
      if (c === COLON) {
        this.afterColon = this.depth === 1;
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (
          c === OPEN_BRACKET &&
          this.rootKind === 'object' &&
          this.depth === 1 &&
          this.afterColon &&
          this.recordDepth === undefined &&
          RECORD_KEYS.has(this.lastKey)
        ) {
          this.recordDepth = 2;
          this.rootParts = undefined;
        }
        this.afterColon = false;
        this.depth++;
        continue;
      }
      this.afterColon = false;
      if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth--;
        if (this.capturing && this.depth < this.recordDepth!) {
          this.capture(text, captureFrom, i);
          out.push(this.finishRecord());
          captureFrom = -1;
        }
        if (this.depth === 0 && this.rootParts) {
          this.rootParts.push(text.slice(0, i + 1));
          out.push(this.parseRecord(this.rootParts.join(''), 1));
          this.rootParts = undefined;
        }
        if (this.depth < 0) {
          out.push({ line: this.line, error: `unbalanced "${String.fromCharCode(c)}"` });
          this.failed = true;
          return out;
        }
        continue;
      }
      if (c === COMMA && this.capturing && this.depth === this.recordDepth) {
        this.capture(text, captureFrom, i);
        out.push(this.finishRecord());
        captureFrom = -1;
      }
    }
    if (this.capturing && captureFrom >= 0) this.capture(text, captureFrom, text.length);
    if (this.keyParts && keyFrom >= 0) this.keyParts.push(text.slice(keyFrom));
    if (this.rootParts) {
      this.rootParts.push(text);
      this.rootLength += text.length;
      if (this.rootLength > this.options.maxRecordBytes) this.rootParts = undefined;
    }
    return out;
  }

  /** Reports a document that ended early. */
  end(): JsonRecord[] {
    if (this.failed) return [];
    if (this.rootKind === undefined) return [{ line: this.line, error: 'no JSON document found' }];
    if (this.depth === 0) return [];
    const out: JsonRecord[] = [];
    if (this.capturing) out.push({ line: this.captureLine, error: 'record cut off by the end of the file (truncated JSON)' });
    else out.push({ line: this.line, error: 'unexpected end of file (truncated JSON)' });
    return out;
  }

  private capture(text: string, from: number, to: number): void {
    if (this.overLong) return;
    this.partLength += to - from;
    if (this.partLength > this.options.maxRecordBytes) {
      this.overLong = true;
      this.parts = [];
      return;
    }
    this.parts.push(text.slice(from, to));
  }

  private finishRecord(): JsonRecord {
    const line = this.captureLine;
    const overLong = this.overLong;
    const length = this.partLength;
    const source = this.parts.join('');
    this.parts = [];
    this.partLength = 0;
    this.capturing = false;
    this.overLong = false;
    if (overLong) return { line, error: `record longer than ${this.options.maxRecordBytes} characters (${length}); skipped` };
    return this.parseRecord(source, line);
  }

  private parseRecord(source: string, line: number): JsonRecord {
    try {
      return { line, value: JSON.parse(source) as unknown };
    } catch (error) {
      return { line, error: `not valid JSON: ${(error as Error).message}` };
    }
  }
}
