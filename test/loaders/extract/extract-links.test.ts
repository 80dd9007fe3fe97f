import { describe, expect, it } from 'vitest';
import { classifyLink, extractLinks, repairUrl } from '../../../loaders/extract/extract-links.js';

const repos = (abstract: string) => extractLinks({ abstract }).repositories.map((r) => `${r.owner}/${r.name}`);

describe('extractLinks', () => {
  it('reads a clean GitHub link', () => {
    expect(repos('Code: https://github.com/ziplab/SPT')).toEqual(['ziplab/SPT']);
  });

  it('reads a scheme-less //github.com link and drops the full stop', () => {
    expect(repos('Code is at //github.com/dvlab-research/MoTCoder.')).toEqual(['dvlab-research/MoTCoder']);
  });

  it('reads https;// with a semicolon', () => {
    expect(repos('Code is at https;//github.com/ZhiyinShao-H/UniPT.')).toEqual(['ZhiyinShao-H/UniPT']);
  });

  it('reads https: // with a space', () => {
    expect(repos('See https: //github.com/reds-lab/preference-learning-with-rationales')).toEqual(['reds-lab/preference-learning-with-rationales']);
  });

  it('reads a LaTeX \\url{ leftover', () => {
    expect(repos('Listed at \\url{//github.com/PRIV-Creation/Awesome-Controllable-T2I-Diffusion-Models')).toEqual([
      'PRIV-Creation/Awesome-Controllable-T2I-Diffusion-Models',
    ]);
  });

  it('reads a bare github.com/ link', () => {
    expect(repos('Code: github.com/uynaes/RankingAwareCLIP.')).toEqual(['uynaes/RankingAwareCLIP']);
  });

  it('keeps owner/name of a /tree/… path', () => {
    expect(repos('At //github.com/zjunlp/PromptKG/tree/main/deltaKG.')).toEqual(['zjunlp/PromptKG']);
  });

  it('drops a closing brace and full stop', () => {
    expect(repos('At https://github.com/naver-ai/relabel_imagenet}.')).toEqual(['naver-ai/relabel_imagenet']);
  });

  it('reads a link glued to the word before it', () => {
    expect(repos('Code for this researchhttps://github.com/a/b is public.')).toEqual(['a/b']);
  });

  it('drops a .git suffix', () => {
    expect(repos('Clone https://github.com/a/b.git today.')).toEqual(['a/b']);
  });

  it('gives the canonical https URL of a repository', () => {
    const [repo] = extractLinks({ abstract: 'At https;//github.com/ZhiyinShao-H/UniPT.' }).repositories;
    expect(repo?.url).toBe('https://github.com/ZhiyinShao-H/UniPT');
  });

  it('lists a repository named twice once, with both mentions', () => {
    const { repositories } = extractLinks({ abstract: 'See github.com/a/b}{https://github.com/a/b.' });
    expect(repositories).toHaveLength(1);
    expect(repositories[0]?.evidence).toHaveLength(2);
  });

  it('takes a user.github.com host for no repository', () => {
    expect(repos('See user.github.com/a/b for more.')).toEqual([]);
  });

  it('takes a github.io page for a project page, not a repository', () => {
    const { repositories, links } = extractLinks({ abstract: 'Videos: https://ziplab.github.io/spt/.' });
    expect(repositories).toEqual([]);
    expect(links.map((l) => [l.url, l.kind])).toEqual([['https://ziplab.github.io/spt/', 'project-page']]);
  });

  it('takes a sites.google.com page for a project page', () => {
    const { links } = extractLinks({ abstract: 'Demo at https://sites.google.com/view/spt-demo' });
    expect(links.map((l) => l.kind)).toEqual(['project-page']);
  });

  it('tells Hugging Face models from data sets', () => {
    const { links } = extractLinks({ abstract: 'Weights at https://huggingface.co/acme/tiny-lm and data at https://huggingface.co/datasets/acme/tiny-set.' });
    expect(links.map((l) => l.kind)).toEqual(['model', 'dataset']);
  });

  it('finds nothing in a bare https://github.com/', () => {
    expect(extractLinks({ abstract: 'Code will be at https://github.com/ soon.' })).toEqual({ repositories: [], links: [], arxivIds: [] });
  });

  it('collects arXiv ids without their version', () => {
    expect(extractLinks({ abstract: 'Extends arXiv:2410.15027 and arxiv.org/abs/1706.03762v2.' }).arxivIds).toEqual(['2410.15027', '1706.03762']);
  });

  it('gives repository evidence that slices to the link without its trailing punctuation', () => {
    const abstract = 'Code: https://github.com/naver-ai/relabel_imagenet}.';
    const [repo] = extractLinks({ abstract }).repositories;
    const [e] = repo!.evidence;
    expect(e?.field).toBe('abstract');
    expect(abstract.slice(e!.start, e!.end)).toBe('https://github.com/naver-ai/relabel_imagenet');
  });

  it('gives link evidence that slices to the link', () => {
    const abstract = 'Project page: https://ziplab.github.io/spt.';
    const [link] = extractLinks({ abstract }).links;
    expect(abstract.slice(link!.evidence[0]!.start, link!.evidence[0]!.end)).toBe('https://ziplab.github.io/spt');
  });

  it('names the title as the field of a link in the title', () => {
    const [repo] = extractLinks({ title: 'SPT (github.com/ziplab/SPT)', abstract: 'No links.' }).repositories;
    expect(repo?.evidence).toEqual([{ field: 'title', start: 5, end: 26 }]);
  });
});

describe('repairUrl', () => {
  it('repairs a broken scheme and trailing punctuation', () => {
    expect(repairUrl('https; //example.org/x).')).toBe('https://example.org/x');
  });

  it('adds https to a scheme-less link', () => {
    expect(repairUrl('www.example.org')).toBe('https://www.example.org');
    expect(repairUrl('//example.org')).toBe('https://example.org');
  });
});

describe('classifyLink', () => {
  it('classifies code hosts, papers and the rest', () => {
    expect(classifyLink('https://gitlab.com/a/b')).toBe('code');
    expect(classifyLink('https://arxiv.org/abs/2410.15027')).toBe('paper');
    expect(classifyLink('https://openreview.net/forum?id=x')).toBe('paper');
    expect(classifyLink('https://example.org')).toBe('website');
  });
});
