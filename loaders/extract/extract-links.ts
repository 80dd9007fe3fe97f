import type { Evidence, PaperText } from './evidence.js';
import { fieldsOf } from './evidence.js';

/** A GitHub repository as canonical `owner/name`. */
export interface Repository {
  owner: string;
  name: string;
  url: string;
  evidence: Evidence[];
}

export type LinkKind = 'project-page' | 'code' | 'model' | 'dataset' | 'paper' | 'website';

export interface Link {
  url: string;
  kind: LinkKind;
  evidence: Evidence[];
}

export interface LinkExtraction {
  repositories: Repository[];
  links: Link[];
  arxivIds: string[];
}

// A scheme may follow a glued word (`work.https://github.com/…`); a bare host may not follow a dot
// (`user.github.com` is no repository).
const GITHUB = new RegExp(
  String.raw`(?:(?<![\w-])(?:https?\s?[:;]\s?)?\/\/|(?<![\w.-]))(?:www\.)?github\.com\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]+)((?:\/[^\s{}<>()"'\]\[,;]*)?)`,
  'gi',
);
const URL = new RegExp(String.raw`(?<![\w@-])(?:https?\s?[:;]\s?\/\/|\/\/(?=[a-z0-9-]+\.[a-z])|www\.)[^\s{}<>()"'\]\[]+`, 'gi');
const ARXIV_ID = /\barXiv\s?:\s?(\d{4}\.\d{4,5})(?:v\d+)?\b|\barxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})/gi;
// Paths that follow github.com/ but are GitHub's own pages, never an owner.
const GITHUB_RESERVED = new Set([
  'features',
  'about',
  'pricing',
  'topics',
  'orgs',
  'sponsors',
  'marketplace',
  'collections',
  'explore',
  'settings',
  'login',
  'join',
]);

/** Strips the punctuation that sentence and LaTeX put after a link (`MoTCoder.`, `relabel_imagenet}.`). */
function trimTrailing(text: string): string {
  return text.replace(/[.,;:!?}'"\])]+$/, '');
}

/** The canonical form of a URL as written, with its broken scheme repaired. */
export function repairUrl(raw: string): string {
  let url = trimTrailing(raw.replace(/\s+/g, ''));
  url = url.replace(/^https?[:;]\/\//i, (scheme) => `${scheme.slice(0, scheme.search(/[:;]/)).toLowerCase()}://`);
  if (url.startsWith('//')) url = `https:${url}`;
  else if (!/^https?:\/\//i.test(url)) url = `https://${url}`;
  return url;
}

/** What a non-repository link points at, from its host and path. */
export function classifyLink(url: string): LinkKind {
  const { host, pathname } = new globalThis.URL(url);
  const h = host.toLowerCase();
  if (h.endsWith('.github.io') || h === 'sites.google.com' || h.endsWith('.gitlab.io')) return 'project-page';
  if (h === 'gitlab.com' || h === 'bitbucket.org' || h === 'github.com' || h === 'gitee.com' || h === 'codeberg.org') return 'code';
  if (h === 'huggingface.co' || h.endsWith('.huggingface.co')) {
    if (pathname.startsWith('/datasets/')) return 'dataset';
    if (pathname.startsWith('/spaces/')) return 'website';
    return 'model';
  }
  if (h.endsWith('arxiv.org') || h === 'doi.org' || h === 'dx.doi.org' || h.endsWith('openreview.net') || h.endsWith('aclanthology.org')) return 'paper';
  return 'website';
}

/**
 * Finds GitHub repositories (from clean and broken links alike: `https;//`, `https: //`, `//`,
 * a bare `github.com/...`, LaTeX `\url{...}` leftovers), every other link with its kind, and the
 * arXiv ids the text names. A `*.github.io` page is a project page, not a repository.
 */
/** The `owner/name` of a GitHub repository URL a source declares (`githubRepo`, `repo_url`), or undefined. */
export function parseRepositoryUrl(url: string): { owner: string; name: string; url: string } | undefined {
  for (const match of url.trim().matchAll(GITHUB)) {
    const owner = match[1]!;
    const name = trimTrailing(match[2]!).replace(/\.git$/i, '');
    if (name && !GITHUB_RESERVED.has(owner.toLowerCase())) return { owner, name, url: `https://github.com/${owner}/${name}` };
  }
  return undefined;
}

export function extractLinks(paper: PaperText): LinkExtraction {
  const repositories = new Map<string, Repository>();
  const links = new Map<string, Link>();
  const arxivIds = new Set<string>();
  for (const { field, text } of fieldsOf(paper)) {
    const repoSpans: Array<[number, number]> = [];
    for (const match of text.matchAll(GITHUB)) {
      const owner = match[1]!;
      const name = trimTrailing(match[2]!).replace(/\.git$/i, '');
      if (!name || GITHUB_RESERVED.has(owner.toLowerCase())) continue;
      const start = match.index;
      const end = start + trimTrailing(match[0]).length;
      repoSpans.push([start, end]);
      const key = `${owner}/${name}`.toLowerCase();
      const evidence: Evidence = { field, start, end };
      const existing = repositories.get(key);
      if (existing) existing.evidence.push(evidence);
      else repositories.set(key, { owner, name, url: `https://github.com/${owner}/${name}`, evidence: [evidence] });
    }
    for (const match of text.matchAll(URL)) {
      const start = match.index;
      if (repoSpans.some(([s, e]) => start >= s && start < e)) continue;
      let url: string;
      try {
        url = repairUrl(match[0]);
        new globalThis.URL(url);
      } catch {
        continue;
      }
      // A bare `github.com/` with no owner names nothing.
      if (/^https?:\/\/(www\.)?github\.com\/?$/i.test(url)) continue;
      const evidence: Evidence = { field, start, end: start + trimTrailing(match[0]).length };
      const existing = links.get(url);
      if (existing) existing.evidence.push(evidence);
      else links.set(url, { url, kind: classifyLink(url), evidence: [evidence] });
    }
    for (const match of text.matchAll(ARXIV_ID)) arxivIds.add((match[1] ?? match[2])!);
  }
  return { repositories: [...repositories.values()], links: [...links.values()], arxivIds: [...arxivIds] };
}
