import { SaxesParser, type SaxesTagNS } from 'saxes';
import { normalizeArxivId, normalizeDate, normalizeWhitespace } from '../normalize.js';
import { paperEvent, rejectionEvent, type ReadEvent, type RawPaper } from './raw-paper.js';
import type { ReadOptions } from './read-options.js';
import { decodeText } from './decode-text.js';

const ATOM = 'http://www.w3.org/2005/Atom';
const ARXIV = 'http://arxiv.org/schemas/atom';

interface EntryDraft {
  line: number;
  fields: Map<string, string>;
  authors: string[];
  links: Array<{ href: string; rel?: string; title?: string }>;
  size: number;
}

/**
 * Reads an arXiv API Atom feed, current or older layout (namespaces declared per element).
 * Entries stream out as they close; an error entry (arXiv's answer to a bad query) is reported,
 * not taken for a paper.
 */
export async function* readAtom(file: string, chunks: AsyncIterable<Buffer>, options: ReadOptions): AsyncGenerator<ReadEvent> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const ready: ReadEvent[] = [];
  const path: string[] = [];
  let entry: EntryDraft | undefined;
  let text = '';
  let sawFeed = false;

  parser.on('opentag', (tag: SaxesTagNS) => {
    const name = qualified(tag);
    if (path.length === 0) {
      sawFeed = name === 'atom:feed';
      if (!sawFeed) throw new Error(`root element is <${tag.name}>, not an Atom <feed>`);
    }
    path.push(name);
    text = '';
    if (name === 'atom:entry' && path.length === 2) {
      entry = { line: parser.line, fields: new Map(), authors: [], links: [], size: 0 };
    } else if (entry && name === 'atom:link') {
      const attribute = (key: string): string | undefined => tag.attributes[key]?.value;
      const href = attribute('href');
      if (href) entry.links.push({ href, ...optional('rel', attribute('rel')), ...optional('title', attribute('title')) });
    }
  });
  parser.on('text', (chunk) => {
    text += chunk;
  });
  parser.on('cdata', (chunk) => {
    text += chunk;
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    const name = qualified(tag);
    path.pop();
    if (!entry) return;
    if (name === 'atom:entry') {
      ready.push(
        entry.size > options.maxRecordBytes
          ? rejectionEvent(file, entry.line, `entry longer than ${options.maxRecordBytes} characters; skipped`)
          : finishEntry(file, entry),
      );
      entry = undefined;
      return;
    }
    const value = normalizeWhitespace(text);
    entry.size += value.length;
    if (name === 'atom:name' && path.at(-1) === 'atom:author') entry.authors.push(value);
    else if (path.at(-1) === 'atom:entry' && !entry.fields.has(name)) entry.fields.set(name, value);
    text = '';
  });

  let line = 1;
  try {
    for await (const chunk of decodeText(chunks)) {
      parser.write(chunk);
      line = parser.line;
      yield* ready.splice(0);
    }
    parser.close();
    yield* ready.splice(0);
  } catch (error) {
    yield* ready.splice(0);
    const reason = error instanceof TypeError ? 'invalid UTF-8' : `XML is not well-formed: ${firstLine((error as Error).message)}`;
    yield rejectionEvent(file, error instanceof TypeError ? line : parser.line, `${reason}; the rest of the file is skipped`);
    return;
  }
  if (!sawFeed) yield rejectionEvent(file, 1, 'no Atom <feed> element found');
}

function finishEntry(file: string, entry: EntryDraft): ReadEvent {
  const get = (key: string): string | undefined => entry.fields.get(key) || undefined;
  const id = get('atom:id');
  if (id?.includes('/api/errors')) {
    return rejectionEvent(file, entry.line, `arXiv API error entry: ${get('atom:summary') ?? id}`);
  }
  const abstract = get('atom:summary');
  const title = get('atom:title');
  if (!abstract) return rejectionEvent(file, entry.line, title ? `no abstract (title: "${title.slice(0, 80)}")` : 'entry without abstract or title');
  const arxivId = id ? normalizeArxivId(id) : undefined;
  const alternate = entry.links.find((link) => link.rel === 'alternate')?.href;
  const paper: RawPaper = { abstract, source: { file, line: entry.line } };
  if (title) paper.title = title;
  const url = alternate ?? id;
  if (url) paper.url = url;
  if (arxivId) paper.arxivId = arxivId;
  const rawPublished = get('atom:published') ?? get('atom:updated');
  const published = rawPublished === undefined ? undefined : normalizeDate(rawPublished);
  if (published) paper.published = published;
  if (entry.authors.length > 0) paper.authors = entry.authors;
  return paperEvent(paper);
}

function qualified(tag: SaxesTagNS): string {
  if (tag.uri === ATOM) return `atom:${tag.local}`;
  if (tag.uri === ARXIV) return `arxiv:${tag.local}`;
  return tag.name;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
