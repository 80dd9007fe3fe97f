import { describe, expect, it } from 'vitest';
import { detectTextLayout, isAbstractLike, isChrome, ListingParser, stripGluedChrome } from '../../../loaders/read/parse-listing.js';

const ABSTRACT = 'We study how models learn. Our method improves accuracy on three benchmarks by a wide margin. Code is available.';

function parseAll(lines: string[], layout: 'listing' | 'abstracts' = 'listing') {
  const parser = new ListingParser(layout);
  return [...lines.flatMap((line, i) => parser.push(line, i + 1)), ...parser.end()];
}

describe('page chrome', () => {
  it.each([
    'new',
    'Subscribe',
    'Get trending papers in your email inbox!',
    'Get trending papers in your email inbox once a day!',
    'byAK and the research community',
    'Mar 14',
    'Sep 3, 2024',
    '128',
  ])('treats %j as chrome', (line) => expect(isChrome(line)).toBe(true));

  it.each(['Pointer Networks', 'Feasible Learning', 'New Perspectives on Old Problems', 'March of the Transformers'])('keeps the title %j', (line) =>
    expect(isChrome(line)).toBe(false),
  );

  it('takes the title glued to "Subscribe"', () => {
    expect(stripGluedChrome('SubscribeNeed is All You Need: Homeostatic Neural Networks Adapt to Concept Shift')).toBe(
      'Need is All You Need: Homeostatic Neural Networks Adapt to Concept Shift',
    );
  });

  it('does not cut a word that merely starts like chrome', () => {
    expect(stripGluedChrome('Subscriber Churn Prediction with Graph Networks')).toBe('Subscriber Churn Prediction with Graph Networks');
  });
});

describe('titles and abstracts', () => {
  it.each([
    'Pointer Networks',
    'Feasible Learning',
    'Liquid Neural Network-based Adaptive Learning vs. Incremental Learning for Link Load Prediction amid Concept Drift due to Network Failures',
    'Are Multilingual Models the Best Choice for Moderately Under-resourced Languages? A Comprehensive Assessment for Catalan',
    'Continual Pre-Training of Large Language Models: How to (re)warm your model?',
  ])('reads %j as a title', (line) => expect(isAbstractLike(line, false)).toBe(false));

  it('reads a long multi-sentence line as an abstract', () => {
    expect(isAbstractLike(ABSTRACT, false)).toBe(true);
  });

  it('reads a short one-sentence line ending in a period as the abstract of a waiting title', () => {
    expect(isAbstractLike('We show that attention is a recurrent network.', true)).toBe(true);
    expect(isAbstractLike('We show that attention is a recurrent network.', false)).toBe(false);
  });

  it('does not split sentences at e.g., vs. or initials', () => {
    expect(isAbstractLike('Deep Models vs. Shallow Models: e.g. Trees, by J. Smith', false)).toBe(false);
  });
});

describe('ListingParser', () => {
  it('pairs each title with the next abstract, with or without blank lines', () => {
    const items = parseAll(['new', '', 'Pointer Networks', '', '', ABSTRACT, 'Feasible Learning', ABSTRACT.replace('three', 'four')]);
    expect(items).toEqual([
      { kind: 'paper', title: 'Pointer Networks', abstract: ABSTRACT, line: 3 },
      { kind: 'paper', title: 'Feasible Learning', abstract: ABSTRACT.replace('three', 'four'), line: 7 },
    ]);
  });

  it('reports a title that never gets an abstract instead of pairing it wrongly', () => {
    const items = parseAll(['Lonely Title', 'Pointer Networks', ABSTRACT, 'Trailing Title']);
    expect(items).toEqual([
      { kind: 'orphan-title', title: 'Lonely Title', line: 1 },
      { kind: 'paper', title: 'Pointer Networks', abstract: ABSTRACT, line: 2 },
      { kind: 'orphan-title', title: 'Trailing Title', line: 4 },
    ]);
  });

  it('takes every line as an untitled abstract in the one-abstract-per-line layout', () => {
    const short = 'A short abstract without a final period';
    expect(parseAll([ABSTRACT, short], 'abstracts')).toEqual([
      { kind: 'paper', abstract: ABSTRACT, line: 1 },
      { kind: 'paper', abstract: short, line: 2 },
    ]);
  });

  it('collapses inner whitespace of titles and abstracts', () => {
    expect(parseAll(['Pointer   Networks ', ABSTRACT])[0]).toMatchObject({ title: 'Pointer Networks' });
  });
});

describe('detectTextLayout', () => {
  it('sees a listing when a title or chrome line is present', () => {
    expect(detectTextLayout(['Subscribe', ABSTRACT])).toBe('listing');
    expect(detectTextLayout(['Pointer Networks', ABSTRACT])).toBe('listing');
  });

  it('sees one abstract per line when every line reads as an abstract', () => {
    expect(detectTextLayout([ABSTRACT, '', ABSTRACT])).toBe('abstracts');
  });
});
