import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../loaders/extract-corpus.js';
import type { PaperEntities } from '../../../loaders/extract/extract-paper.js';
import type { Paper } from '../../../loaders/papers.js';

function paper(abstract: string, title = 'A Study of Sparse Ranking'): Paper {
  return { id: 'paper:test', title, titleDerived: false, abstract, sources: [] };
}
const metrics = (abstract: string): string[] => extractEntities(paper(abstract)).metrics.map((m) => m.name);
const extract = (abstract: string): PaperEntities => extractEntities(paper(abstract));

describe('metrics the paper evaluates with', () => {
  it('drops a measure named only in background about existing work', () => {
    expect(metrics('Sparse rankers are cheap. Existing sparse rankers often lose accuracy on long queries. We build a cache for them.')).toEqual([]);
  });

  it("drops a measure named only in a sentence about a gap in others' work", () => {
    expect(metrics('Sparse rankers are cheap. However, their caches suffer from stale entries that limit accuracy. We fix that.')).toEqual([]);
  });

  it('drops a measure named only in the opening sentence', () => {
    expect(metrics('Ranking models trade recall for speed in many shops. We build a cache for them.')).toEqual([]);
  });

  it('keeps a measure the paper reports a figure for', () => {
    expect(metrics('Sparse rankers are cheap. Existing systems reach 71.2 accuracy on the shop logs.')).toContain('accuracy');
  });

  it('keeps a measure named in a sentence about the paper itself', () => {
    expect(metrics('Sparse rankers are cheap. Our cache keeps accuracy while halving memory.')).toContain('accuracy');
  });

  it('keeps a measure named in an impersonal sentence about the result', () => {
    expect(metrics('Sparse rankers are cheap. Higher accuracy is obtained by caching the query vectors.')).toContain('accuracy');
  });

  it('keeps a measure named next to the method the paper proposes', () => {
    const abstract = 'Sparse rankers are cheap. We propose FlexRank, a cached sparse ranker. Recently, FlexRank improved accuracy on shop logs.';
    expect(extract(abstract).metrics.map((m) => m.name)).toContain('accuracy');
  });
});

describe('short capital metric names', () => {
  it('reads AR before "models" as a kind of model, not average recall', () => {
    expect(metrics('We convert AR models of 127M parameters into masked ones and report 3.1 points better accuracy.')).not.toContain('average recall');
  });

  it('wants a figure of its own, not a model size, beside a short capital name', () => {
    expect(metrics('We train AR from 127M to 7B parameters.')).not.toContain('average recall');
  });
});

describe('metric names used as ordinary words or notation', () => {
  it('reads a plain title word repeated in the abstract as the word', () => {
    const e = extractEntities(paper('Our agent learns to look, pick and recall. It remembers routes.', 'Look, Pick and Recall: Agents that Remember'));
    expect(e.metrics.map((m) => m.name)).not.toContain('recall');
  });

  it('reads a name followed by an argument in brackets as notation', () => {
    expect(metrics('We show the model fits AR(p) processes that (2) older models fail on.')).not.toContain('average recall');
  });

  it('takes no enumerator for a figure', () => {
    expect(metrics('Old rankers have two flaws: 1) their detection accuracy drops, 2) they are slow. We fix both.')).not.toContain('detection accuracy');
  });
});

describe('cost measures', () => {
  it('takes no enumerator for the figure a cost measure needs', () => {
    expect(metrics('We propose two steps: (1) a shared cache; (2) an inference time sampler for portraits.')).not.toContain('latency');
  });

  it('keeps a cost measure next to its figure', () => {
    expect(metrics('Our cache cuts inference time by 40% on phones.')).toContain('latency');
  });
});

describe('a measure named right after another', () => {
  it('reads the word after a measure as its head noun', () => {
    expect(metrics('Our 7B model reaches 94.0 pass@1 accuracy on the puzzle set.')).not.toContain('accuracy');
    expect(metrics('Our detector reaches 63.9 mAP accuracy on the shelf set.')).toEqual(['mAP']);
  });

  it('takes no list marker for a figure in background', () => {
    expect(metrics('Old rankers have two issues: 1) their accuracy drops after retraining, and 2) they are slow. We fix both.')).not.toContain('accuracy');
  });
});

describe('measures the curated metric list names', () => {
  it('reads a held-out loss reported with a figure as the loss metric', () => {
    expect(metrics('Sparse rankers are cheap. Our cache lowers the validation loss by 4.2% on shop logs.')).toContain('loss');
  });

  it('does not read a training objective without a figure as a metric', () => {
    expect(metrics('Sparse rankers are cheap. We minimize the training loss with a ranking regularizer.')).not.toContain('loss');
  });

  it('keeps memory consumption as written when the paper reports a figure for it', () => {
    expect(metrics('Sparse rankers are cheap. Our cache needs 30% lower memory consumption than a dense index.')).toContain('memory consumption');
  });

  it('reads backward transfer as a metric only next to a figure', () => {
    expect(metrics('Sparse rankers are cheap. Our gates allow backward transfer between shops.')).not.toContain('backward transfer');
    expect(metrics('Sparse rankers are cheap. Our gates raise backward transfer to 2.1 on shop logs.')).toContain('backward transfer');
  });

  it('knows rank-based and re-identification measures (mINP, pass rate)', () => {
    expect(metrics('Our re-ranker reaches 61.2 mINP and a pass rate of 48.0% on shop logs.')).toEqual(expect.arrayContaining(['mINP', 'pass rate']));
  });
});

describe('memory as a cost measure', () => {
  it('does not read memory consumption named without a figure as a metric', () => {
    expect(metrics('Sparse rankers are cheap. Dense attention entails substantial memory consumption on long queries, so we build a cache.')).not.toContain(
      'memory consumption',
    );
  });
});

describe('a measure name that is the object of a task', () => {
  it('reads click-through rate before "prediction" as part of a task, not a metric', () => {
    const e = extract('We relabel shop logs for ranking, tagging and click-through rate prediction, and report 2.1 points better AUC.');
    expect(e.metrics.map((m) => m.name)).not.toContain('click-through rate');
  });
});
