import type { Anchor } from './extract-results.js';

// A verb that says its subject scored: `X achieves 85.1%`, `X outperforms Y by 2.1%`, `X is at 85.1%`.
const SCORING_VERB =
  /\b(?:achiev\w*|reach\w*|obtain\w*|attain\w*|gets?|getting|scor\w*|yield\w*|sets?|setting|establish\w*|record\w*|deliver\w*|report\w*|hits?|produc\w*|improv\w*|outperform\w*|surpass\w*|exceed\w*|beat\w*|boost\w*|increas\w*|reduc\w*|lower\w*|rais\w*|gains?|gaining|is|are|was|were|has|have|shows?|demonstrat\w*|perform\w*|match\w*|leads?|ranks?|ranking|brings?|provid\w*|offers?|enjoys?|maintain\w*|retain\w*|push\w*|advanc\w*|exhibit\w*|attains?)\b/i;
// Words after which a method is an object, not the scorer: a baseline (`outperforms Y`, `than
// Y`), a part (`with a Y backbone`) or the thing improved (`improves Y by 4.2%`). Lower-case
// words may sit between (`with supervised pre-trained Y`).
const OBJECT_BEFORE =
  /\b(?:than|over|outperform\w*|surpass\w*|beat\w*|beating|exceed\w*|compared\s+(?:to|with)|comparison\s+(?:to|with)|vs\.?|versus|against|unlike|improv\w*|boost\w*|enhanc\w*|uses?|using|used|adopt\w*|employ\w*|leverag\w*|extend\w*|combin\w*|based\s+on|built\s+on|builds\s+on|with|via|by|from|on|for|to|into|in|upon|atop|relative\s+to)\s+(?:[a-z][\w-]*\s+){0,3}$/;
// Where a subject may start: the sentence, a clause after a comma, `that`, `and`, `while`.
const CLAUSE_START =
  /(?:^|[;:,]\s*|\b(?:and|while|whereas|but|that|which|where|then|thus|hence|so|notably|overall|specifically|finally|particularly|especially)\s+)$/i;
// Words of a noun phrase before the name: `the proposed X`, `our largest X`.
const DETERMINERS =
  /(?:\b(?:the|a|an|our|their|its|proposed|new|resulting|final|best|largest|smallest|base|baseline|previous|prior|vanilla|standard|strong|same)\s+)+$/i;
// `With X, we reach …`, `Using X, the accuracy rises to …`.
const LEADING_WITH = /^(?:[^,;]*?[,;]\s*)?(?:with|using|by using|by applying|applying|equipped with)\s+(?:the\s+|our\s+|a\s+)?$/i;
// `… 85.1%, achieved by X`.
const ACHIEVED_BY = /^[^;]{0,40}?\b(?:achieved|obtained|reached|attained|reported|set|scored)\s+by\s+(?:the\s+|our\s+)?$/i;

/**
 * The method that scored a number (or a list of numbers, as `span`), by the sentence: the method
 * whose parenthesis holds the number (`X (85.1%) outperforms Y (80.2%)`); the subject of a
 * scoring verb before it, not a method it is compared with or built on (`X outperforms Y by
 * 2.1%` → X); a method the number is `achieved by`; a method the sentence starts `with`
 * (`With X, we reach 85.1%`). Else the paper's proposed method, else null. Pure.
 */
export function attributeMethod(
  text: string,
  sentence: { start: number; end: number },
  span: { start: number; end: number },
  methods: readonly Anchor[],
  proposed: string | null,
): string | null {
  const sorted = [...methods].sort((a, b) => a.start - b.start);
  const holder = sorted.find(
    (m) => m.end <= span.start && /^\s*(?:\([^()]*|:\s*)$/.test(text.slice(m.end, span.start)) && !sorted.some((o) => o.start >= m.end && o.end <= span.start),
  );
  if (holder) return holder.name;

  const before = sorted.filter((m) => m.end <= span.start);
  const objects = new Set<Anchor>();
  for (const [i, m] of before.entries()) {
    const lead = text.slice(Math.max(sentence.start, m.start - 60), m.start);
    const previous = before[i - 1];
    const next = sorted[sorted.indexOf(m) + 1];
    // `surpassing Y, Z and W by …`: a method listed with an object is an object too. A comma
    // alone joins a list only when a conjunction closes it; `Compared with Y, X improves …` is none.
    const joined =
      previous !== undefined &&
      objects.has(previous) &&
      (/^\s*(?:,\s*)?(?:and|or)\s+$/.test(text.slice(previous.end, m.start)) ||
        (/^\s*,\s*$/.test(text.slice(previous.end, m.start)) && next !== undefined && /^\s*,?\s*(?:and|or)\s+$/.test(text.slice(m.end, next.start))));
    if (OBJECT_BEFORE.test(lead) || joined) objects.add(m);
  }
  for (const m of [...before].reverse()) {
    if (objects.has(m)) continue;
    const between = text.slice(m.end, span.start);
    if (/;/.test(between) || !SCORING_VERB.test(between)) continue;
    const lead = text.slice(sentence.start, m.start).replace(DETERMINERS, '');
    // A subject starts its clause, or names whose figure it is: `the accuracy of X is 85.1%`.
    if (!CLAUSE_START.test(lead) && !/\bof\s+$/i.test(lead)) continue;
    return m.name;
  }

  const by = sorted.find((m) => m.start >= span.end && ACHIEVED_BY.test(text.slice(span.end, m.start)));
  if (by) return by.name;
  const leading = sorted.find((m) => m.end <= span.start && LEADING_WITH.test(text.slice(sentence.start, m.start)) && /^\s*[,]/.test(text.slice(m.end)));
  if (leading) return leading.name;
  return proposed;
}
