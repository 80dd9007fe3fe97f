import { describe, expect, it } from 'vitest';
import { foldText, normalizeArxivId, normalizeDate } from '../../loaders/normalize.js';

describe('normalizeArxivId', () => {
  it('keeps a new-style id', () => {
    expect(normalizeArxivId('2410.15027')).toBe('2410.15027');
    expect(normalizeArxivId('0704.0001')).toBe('0704.0001');
  });

  it('drops the version', () => {
    expect(normalizeArxivId('2410.15027v2')).toBe('2410.15027');
  });

  it('keeps an old-style id with its archive', () => {
    expect(normalizeArxivId('hep-th/9901001v3')).toBe('hep-th/9901001');
    expect(normalizeArxivId('math.AG/0601001')).toBe('math.AG/0601001');
  });

  it('reads abs and pdf URLs', () => {
    expect(normalizeArxivId('http://arxiv.org/abs/quant-ph/0210005v1')).toBe('quant-ph/0210005');
    expect(normalizeArxivId('https://arxiv.org/pdf/2410.15027v1.pdf')).toBe('2410.15027');
  });

  it('drops an arXiv: prefix in any case', () => {
    expect(normalizeArxivId('arXiv:2410.15027')).toBe('2410.15027');
    expect(normalizeArxivId('ARXIV:1706.03762v5')).toBe('1706.03762');
  });

  it('refuses what is no arXiv id', () => {
    expect(normalizeArxivId('1234')).toBeUndefined();
    expect(normalizeArxivId('https://example.org/abs/2410.15027')).toBeUndefined();
  });
});

describe('normalizeDate', () => {
  it('keeps a bare year', () => {
    expect(normalizeDate('2023')).toBe('2023');
  });

  it('takes the date of an ISO timestamp as written', () => {
    expect(normalizeDate('2023-05-04T23:30:00-05:00')).toBe('2023-05-04');
  });

  it('reads an RFC 2822 date', () => {
    expect(normalizeDate('Tue, 10 Oct 2023 12:00:00 GMT')).toBe('2023-10-10');
  });

  it('refuses what is no date', () => {
    expect(normalizeDate('yesterday')).toBeUndefined();
    expect(normalizeDate('')).toBeUndefined();
  });

  // Bug: a date without a time is parsed in the machine's time zone and printed in UTC, so east
  // of Greenwich `May 2023` becomes 2023-04-30.
  it('gives the same date in every time zone', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      expect(normalizeDate('May 2023')).toBe('2023-05-01');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('foldText', () => {
  it('folds case and runs of punctuation and spacing', () => {
    expect(foldText('Re-IQA:  Unsupervised')).toBe('re iqa unsupervised');
  });

  it('drops diacritics and TeX accents', () => {
    expect(foldText("Bal\\'azs Müller")).toBe('balazs muller');
  });

  it('unfolds compatibility ligatures', () => {
    expect(foldText('ﬁne')).toBe('fine');
  });

  it('trims punctuation at the ends', () => {
    expect(foldText('  --A--B--  ')).toBe('a b');
  });
});
