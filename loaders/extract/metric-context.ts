import type { Field } from './evidence.js';
import { sentenceAt, type PaperDraft } from './paper-draft.js';

// Words that tie a sentence to the paper's own work or to how it is evaluated. `benchmarks` and
// `achieve` are left out: background sentences praise other models with them too.
const OWN_OR_EVALUATION =
  /\b(?:we|our|ours|us|this (?:paper|work|study|article)|here|(?:the )?proposed|experiments?|experimental|evaluat\w*|metrics?|measur\w*|in terms of|report\w*)\b/i;
// Words that mark a sentence as background: others' work, the state of a field before the paper, or its gaps.
const BACKGROUND =
  /\b(?:existing|previous|prior|recent(?:ly)?|traditional|conventional|current(?:ly)?|although|though|despite|while|whereas|many|most|often|typically|usually|commonly|widely|have been|has been|however|suffer\w*|weakness\w*|drawbacks?)\b/i;
// A figure standing alone (`12.5`, `30%`, `by 3 points`), not a digit inside a name (`E2E`, `7B`).
const FIGURE = /(?<![\p{L}\d.])\d+(?:\.\d+)?(?![\p{L}\d])/u;

/**
 * Drops the metrics a paper never evaluates with: a metric goes when no mention has a figure
 * within a few words, none is in the title or in a sentence about the paper's own work or its
 * evaluation (`we`, `our`, `experiments`, the name of a method the paper proposes), and every one
 * sits in background (the abstract's opening sentence, or one about existing or recent work).
 * There `accuracy` (`existing approaches lose accuracy`) is the everyday word, not a measure the
 * paper reports: the guidelines count a metric only when a value is reported or it is named as
 * the criterion. Impersonal sentences (`improved accuracy is achieved by …`) keep theirs.
 */
export function dropBackgroundMetrics(draft: PaperDraft): void {
  const proposed = draft.methods
    .values()
    .filter((m) => m.role === 'PROPOSED')
    .flatMap((m) => [m.name, ...m.aliases])
    .filter((n) => n.length > 1);
  for (const metric of draft.metrics.values()) {
    if (!metric.evidence.some((e) => isEvaluationMention(draft, e.field, e.start, e.end, proposed))) draft.metrics.delete(metric.name);
  }
}

function isEvaluationMention(draft: PaperDraft, field: Field, start: number, end: number, proposed: string[]): boolean {
  if (field === 'title') return true;
  const f = draft.fieldOf(field);
  if (!f) return true;
  // List markers (`1)`, `(2)`) are no figures.
  if (FIGURE.test(f.text.slice(Math.max(0, start - 40), Math.min(f.text.length, end + 40)).replace(/\(?\b\d\)/g, ''))) return true;
  const s = sentenceAt(f, start);
  const sentence = f.text.slice(s.start, s.end);
  if (OWN_OR_EVALUATION.test(sentence) || proposed.some((name) => new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(name)}(?![\\p{L}\\d])`, 'u').test(sentence)))
    return true;
  // An abstract's first sentence sets the scene; elsewhere only a sentence marked as background is.
  return s.start > 0 && !BACKGROUND.test(sentence);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
