import { describe, expect, it } from 'vitest';
import { EntitySet } from '../../../loaders/extract/entity-set.js';
import type { Evidence } from '../../../loaders/extract/evidence.js';

const at = (start: number, field: Evidence['field'] = 'abstract'): Evidence => ({ field, start, end: start + 4 });
const DTRN_PAIRS = new Map([
  ['dtrn', 'deep task specific bottom representation network'],
  ['deep task specific bottom representation network', 'dtrn'],
]);

describe('EntitySet', () => {
  it('merges an acronym pair into one entity named by the short form', () => {
    const set = new EntitySet(DTRN_PAIRS);
    set.add('Deep Task-specific Bottom Representation Network', at(0));
    set.add('DTRN', at(50));
    expect(set.values()).toHaveLength(1);
    expect(set.values()[0]).toMatchObject({ name: 'DTRN', aliases: ['Deep Task-specific Bottom Representation Network'] });
  });

  it('keeps the short form as the name when it comes first', () => {
    const set = new EntitySet(DTRN_PAIRS);
    set.add('DTRN', at(0));
    set.add('Deep Task-specific Bottom Representation Network', at(10));
    expect(set.values()[0]).toMatchObject({ name: 'DTRN', aliases: ['Deep Task-specific Bottom Representation Network'] });
  });

  it('merges spellings with the same normalised name', () => {
    const set = new EntitySet(new Map());
    set.add('Diffusion Models', at(0));
    set.add('diffusion model', at(20));
    expect(set.values()).toHaveLength(1);
    expect(set.values()[0]).toMatchObject({ name: 'Diffusion Models', aliases: ['diffusion model'] });
  });

  it('lets PROPOSED win over an earlier USED', () => {
    const set = new EntitySet(new Map());
    set.add('FlowMixer', at(0), { role: 'USED' });
    set.add('FlowMixer', at(30), { role: 'PROPOSED' });
    expect(set.get('FlowMixer')?.role).toBe('PROPOSED');
  });

  it('keeps PROPOSED over a later USED', () => {
    const set = new EntitySet(new Map());
    set.add('FlowMixer', at(0), { role: 'PROPOSED' });
    set.add('FlowMixer', at(30), { role: 'USED' });
    expect(set.get('FlowMixer')?.role).toBe('PROPOSED');
  });

  it('keys a curated mention by its canonical name', () => {
    const set = new EntitySet(new Map());
    set.add('IN-1k', at(0), { canonical: 'ImageNet' });
    set.add('ImageNet', at(20));
    expect(set.values()).toHaveLength(1);
    expect(set.values()[0]).toMatchObject({ key: 'imagenet', name: 'IN-1k', canonical: 'ImageNet', aliases: ['ImageNet'] });
  });

  it('records each mention once', () => {
    const set = new EntitySet(new Map());
    set.add('LoRA', at(5));
    set.add('LoRA', at(5));
    set.add('LoRA', at(5, 'title'));
    expect(set.get('lora')?.evidence).toEqual([at(5), at(5, 'title')]);
  });

  it('lists entities by first mention, title first', () => {
    const set = new EntitySet(new Map());
    set.add('BERT', at(40));
    set.add('LoRA', at(3));
    set.add('CLIP', at(60, 'title'));
    expect(set.values().map((e) => e.name)).toEqual(['CLIP', 'LoRA', 'BERT']);
  });

  it('answers has and get through any surface form, and forgets a deleted entity', () => {
    const set = new EntitySet(DTRN_PAIRS);
    set.add('DTRN', at(0));
    expect(set.has('dtrn')).toBe(true);
    expect(set.get('Deep Task-Specific Bottom Representation Networks')?.name).toBe('DTRN');
    set.delete('DTRN');
    expect(set.values()).toEqual([]);
  });
});
