// Text with highlighted mentions, for the explorer's panel: which stretch of a paper's title or
// abstract each extracted mention covers, as a tree that overlapping and nested spans cannot
// break. Pure functions, no DOM: served as-is to the browser (/assets/explorer-text.js) and
// unit-tested in Node (test/web/explorer-text.test.ts).

/**
 * The mention lists of a paper as the API gives them: [list field, entity field, kind].
 * Results are added separately (their entity is the dataset they are reported on).
 */
export var MENTION_LISTS = [
  ['methods', 'method', 'Method'],
  ['datasets', 'dataset', 'Dataset'],
  ['tasks', 'task', 'Task'],
  ['metrics', 'metric', 'Metric'],
  ['concepts', 'concept', 'Concept'],
  ['repositories', 'repository', 'Repository'],
];

/**
 * Lays spans over a text as a tree of text runs and marks. Each span is `{ start, end, ... }`
 * (character offsets, `end` exclusive); any other property rides along. Returns an array of
 * nodes, each `{ text }` or `{ span, start, end, piece, continued, children }`.
 *
 * - Nested spans nest: the longer span (or, for equal extents, the one with the lower `rank`,
 *   then the earlier) is the outer mark.
 * - Overlapping spans that do not nest (A covers 0–10, B covers 5–15) cannot both be elements:
 *   the later one is cut where the earlier ends, and each piece nests where it falls (B becomes
 *   5–10 inside A, then 10–15 after it). Pieces carry `piece` (0, 1, …) and `continued` (another
 *   piece follows), so that a renderer can treat them as one mention.
 * - Spans outside the text are clipped to it; empty ones are dropped; a span with a `key` is
 *   drawn once per extent (the same mention listed twice).
 *
 * The text runs and marks together hold every character of the text exactly once, in order.
 */
export function markTree(text, spans) {
  var length = text.length;
  var items = [];
  var seen = new Set();
  (spans || []).forEach(function (span, order) {
    var start = Math.max(0, Math.min(length, Math.floor(Number(span.start))));
    var end = Math.max(0, Math.min(length, Math.floor(Number(span.end))));
    if (!(start < end)) return;
    if (span.key !== undefined && span.key !== null) {
      var id = span.key + '@' + start + ':' + end;
      if (seen.has(id)) return;
      seen.add(id);
    }
    items.push({ span: span, start: start, end: end, order: order, piece: 0 });
  });
  items.sort(compareItems);

  var root = { start: 0, end: length, children: [] };
  var stack = [root];
  var queue = items;
  while (queue.length) {
    var item = queue.shift();
    while (stack.length > 1 && stack[stack.length - 1].end <= item.start) stack.pop();
    var parent = stack[stack.length - 1];
    var end = item.end;
    var continued = false;
    if (end > parent.end) {
      // Crosses the end of the mark it starts in: cut here, the rest is placed like any span.
      insertSorted(queue, { span: item.span, start: parent.end, end: item.end, order: item.order, piece: item.piece + 1 });
      end = parent.end;
      continued = true;
    }
    var node = { span: item.span, start: item.start, end: end, piece: item.piece, continued: continued, children: [] };
    parent.children.push(node);
    stack.push(node);
  }
  return fill(text, root).children;
}

function rankOf(item) {
  var rank = Number(item.span.rank);
  return Number.isFinite(rank) ? rank : 0;
}

function compareItems(a, b) {
  return a.start - b.start || b.end - a.end || rankOf(a) - rankOf(b) || a.order - b.order || a.piece - b.piece;
}

function insertSorted(queue, item) {
  var i = 0;
  while (i < queue.length && compareItems(queue[i], item) <= 0) i += 1;
  queue.splice(i, 0, item);
}

/** Puts the text runs between a node's child marks (recursively). */
function fill(text, node) {
  var out = [];
  var pos = node.start;
  node.children.forEach(function (child) {
    if (child.start > pos) out.push({ text: text.slice(pos, child.start) });
    fill(text, child);
    out.push(child);
    pos = child.end;
  });
  if (pos < node.end) out.push({ text: text.slice(pos, node.end) });
  node.children = out;
  return node;
}

/** The text a tree (or one mark) covers: equals the original text for markTree's result. */
export function treeText(nodes) {
  return nodes
    .map(function (n) {
      return n.children ? treeText(n.children) : n.text;
    })
    .join('');
}

/** Every mark of a tree, outer before inner, in text order. */
export function treeMarks(nodes) {
  var out = [];
  nodes.forEach(function (n) {
    if (!n.children) return;
    out.push(n);
    out.push.apply(out, treeMarks(n.children));
  });
  return out;
}

/** `ZERO_SHOT` → `zero-shot`. */
function settingLabel(setting) {
  return setting ? String(setting).toLowerCase().replace(/_/g, '-') : '';
}

/** A result in words: `94.1 Top-1 accuracy on UCF101 (val, zero-shot) with X`. */
export function describeResult(result) {
  var parts = [(result.kind === 'DELTA' && result.value > 0 ? '+' : '') + result.value];
  if (result.metric) parts.push(result.metric.name);
  parts.push('on ' + (result.dataset ? result.dataset.name : '?'));
  var detail = [result.split, settingLabel(result.setting)].filter(Boolean);
  var text = parts.join(' ') + (detail.length ? ' (' + detail.join(', ') + ')' : '');
  if (result.method) text += ' with ' + result.method.name;
  return result.kind === 'DELTA' ? text + ', an improvement' : text;
}

/**
 * A paper's mentions, sorted for display: `title` and `abstract` hold spans for markTree, each
 * `{ start, end, field, kind, entityId, name, role, text, sentence, key, rank, result? }`;
 * `declared` holds the mentions the paper's source record declares (evidence field SOURCE:
 * code links), `unplaced` the ones whose offsets do not match the paper's text. Results are
 * mentions of kind `Result` whose entity is the dataset they are reported on; they rank before
 * entities, so that a result's mark encloses the dataset and metric marks inside it.
 */
export function paperMentions(paper) {
  var out = { title: [], abstract: [], declared: [], unplaced: [] };
  var texts = { TITLE: paper.title || '', ABSTRACT: paper.abstract || '' };
  function add(base, evidence) {
    (evidence || []).forEach(function (ev) {
      var mention = Object.assign({}, base, {
        field: ev.field,
        start: ev.start,
        end: ev.end,
        text: ev.text,
        sentence: ev.sentence,
        key: base.kind + ':' + base.entityId + (base.result ? ':' + base.result.id : ''),
      });
      if (ev.field === 'SOURCE') {
        out.declared.push(mention);
        return;
      }
      var text = texts[ev.field];
      if (text === undefined || text.slice(ev.start, ev.end) !== ev.text) {
        out.unplaced.push(mention);
        return;
      }
      (ev.field === 'TITLE' ? out.title : out.abstract).push(mention);
    });
  }
  MENTION_LISTS.forEach(function (list) {
    (paper[list[0]] || []).forEach(function (m) {
      var entity = m[list[1]];
      if (!entity) return;
      add({ kind: list[2], entityId: entity.id, name: entity.name, role: m.role || null, rank: 1 }, m.evidence);
    });
  });
  (paper.results || []).forEach(function (r) {
    if (!r.dataset) return;
    add({ kind: 'Result', entityId: r.dataset.id, name: describeResult(r), role: null, rank: 0, result: r }, r.evidence);
  });
  var bySpan = function (a, b) {
    return a.start - b.start || b.end - a.end || a.rank - b.rank;
  };
  out.title.sort(bySpan);
  out.abstract.sort(bySpan);
  return out;
}

/**
 * The sentences that hold some mentions, each with those mentions' spans relative to it:
 * `[{ field, sentence, start, spans }]` in text order, where `start` is the sentence's offset in
 * the field (null when it cannot be placed) and `spans` are the mentions moved into the sentence
 * (`{ ...mention, start, end, fieldStart, fieldEnd }`, the last two its offsets in the field). `texts` maps a field (TITLE, ABSTRACT) to its text.
 */
export function sentencesOf(texts, mentions) {
  var groups = [];
  var byKey = new Map();
  mentions.forEach(function (m) {
    var sentence = m.sentence || '';
    var text = texts[m.field] || '';
    var at = sentenceStart(text, sentence, m.start, m.end);
    var key = m.field + '@' + (at === null ? 'x' : at) + '@' + sentence;
    var group = byKey.get(key);
    if (!group) {
      group = { field: m.field, sentence: sentence, start: at, spans: [] };
      byKey.set(key, group);
      groups.push(group);
    }
    var start = at === null ? sentence.indexOf(m.text) : m.start - at;
    if (start < 0 || !m.text) return;
    group.spans.push(
      Object.assign({}, m, { start: start, end: start + (at === null ? m.text.length : m.end - m.start), fieldStart: m.start, fieldEnd: m.end }),
    );
  });
  var fieldOrder = { TITLE: 0, ABSTRACT: 1 };
  groups.sort(function (a, b) {
    return (fieldOrder[a.field] || 0) - (fieldOrder[b.field] || 0) || (a.start === null ? Infinity : a.start) - (b.start === null ? Infinity : b.start);
  });
  return groups;
}

/** Where the sentence that holds [start, end) begins in the text, or null. */
function sentenceStart(text, sentence, start, end) {
  if (!sentence) return null;
  var at = text.lastIndexOf(sentence, start);
  while (at >= 0) {
    if (at + sentence.length >= end) return at;
    at = at > 0 ? text.lastIndexOf(sentence, at - 1) : -1;
  }
  return null;
}
