import { describe, expect, it } from 'vitest';
import { CorpusIdentity } from '../../loaders/corpus-identity.js';
import { extractOwn, type PaperExtraction } from '../../loaders/extract-corpus.js';
import type { Paper } from '../../loaders/papers.js';

const paper = (n: number, abstract: string): Paper => ({
  id: `paper:${n}`,
  title: `A study ${n}`,
  titleDerived: false,
  abstract,
  sources: [{ file: 't.jsonl', line: n }],
});

// Texts written for this test: one paper defines an acronym the others use bare, two spell one
// method differently, and one metric is reported with opposite directions.
const papers: PaperExtraction[] = [
  paper(1, 'We introduce gated residual routing (GRR), a routing scheme for mixture of experts. GRR improves accuracy on ImageNet by 2.1%.'),
  paper(2, 'We compare GRR with a multi-layer perceptron on CIFAR-10 and report accuracy of 91.2%.'),
  paper(3, 'A multilayer perceptron trained with knowledge distillation reaches 88.0% accuracy on CIFAR-10.'),
  paper(4, 'Our GRR model lowers the error rate on ImageNet to 12.5% while keeping the FLOPs fixed.'),
].map((p) => ({ paper: p, entities: extractOwn(p) }));

describe('CorpusIdentity', () => {
  it('derives the same graphs from papers in memory and from a corpus walked pass by pass, in any order', async () => {
    const inMemory = CorpusIdentity.ofPapers(papers);
    const expected = papers.map((p) => inMemory.graph(p));
    let walks = 0;
    const reversed = [...papers].reverse();
    const walked = await CorpusIdentity.ofCorpus(async (visit) => {
      walks++;
      // Each walk may visit the corpus in another order: identity depends on the set alone.
      for (const p of walks % 2 === 0 ? papers : reversed) visit(p);
    });
    expect(walks).toBe(4);
    expect(papers.map((p) => walked.graph(p))).toEqual(expected);
  });

  it('links a bare acronym to the long form another paper defines, whichever paper comes first', () => {
    const ids = (identity: CorpusIdentity) => {
      const linked = identity.linked(papers[1]!);
      return [...linked.methods, ...linked.concepts].map((e) => e.id);
    };
    const forward = ids(CorpusIdentity.ofPapers(papers));
    expect(forward).toEqual(ids(CorpusIdentity.ofPapers([...papers].reverse())));
    // Defined in lower case elsewhere, the bare acronym is that concept here too…
    expect(forward).toContain('concept:gated-residual-routing');
    // …and without the defining paper it names a method by itself.
    expect(ids(CorpusIdentity.ofPapers(papers.slice(1)))).toContain('method:grr');
  });

  it('settles one spelling across papers: multi-layer and multilayer perceptron are one id', () => {
    const identity = CorpusIdentity.ofPapers(papers);
    const mlp = (n: number) =>
      identity
        .linked(papers[n]!)
        .concepts.map((c) => c.id)
        .filter((id) => id.includes('perceptron'));
    expect(mlp(1)).toEqual(['concept:multilayer-perceptron']);
    expect(mlp(2)).toEqual(mlp(1));
  });
});
