// The graph explorer. A plain browser ES module over the cytoscape UMD global, served by this
// server from the project's npm dependencies; it talks only to this server's /graphql, with the
// documents of explorer-queries.js.
import { NEIGHBOURHOOD, PAPER_EVIDENCE, PAPERS_PER_ENTITY, SEARCH, START, START_PER_KIND, graphiqlQuery } from './explorer-queries.js';
import { markTree, paperMentions, sentencesOf } from './explorer-text.js';

/** Below this zoom the 12 px labels become too small to read. */
var MIN_READABLE_ZOOM = 0.65;

/** Each kind's colour (Okabe–Ito palette, colour-blind safe) and node shape. */
var KINDS = {
  Paper: { color: '#0072B2', shape: 'round-rectangle' },
  Method: { color: '#E69F00', shape: 'ellipse' },
  Dataset: { color: '#009E73', shape: 'barrel' },
  Task: { color: '#CC79A7', shape: 'diamond' },
  Metric: { color: '#D55E00', shape: 'round-triangle' },
  Concept: { color: '#8C6BB1', shape: 'round-hexagon' },
  Repository: { color: '#4D4D4D', shape: 'round-tag' },
};
var KIND_ORDER = Object.keys(KINDS);
var SEARCH_KINDS = ['PAPER', 'METHOD', 'DATASET', 'TASK', 'METRIC', 'CONCEPT', 'REPOSITORY'];
/** Results are no graph nodes: their marks are underlined in the text colour, not filled. */
var RESULT_COLOR = '#1d2330';
/** Mention kinds in the order the panel's key lists them. */
var MENTION_ORDER = ['Method', 'Dataset', 'Task', 'Metric', 'Concept', 'Repository', 'Result'];

// ---- elements --------------------------------------------------------------------------------

function byTestId(id) {
  return document.querySelector('[data-testid="' + id + '"]');
}

var form = byTestId('explorer-search-form');
var input = byTestId('explorer-search-input');
var searchStatus = byTestId('explorer-search-status');
var resultsList = byTestId('explorer-results');
var startSection = byTestId('explorer-start');
var legendList = byTestId('explorer-legend').querySelector('ul');
var graphEl = byTestId('explorer-graph');
var countEl = byTestId('explorer-node-count');
var errorEl = byTestId('explorer-error');
var emptyEl = byTestId('explorer-empty');
var panel = byTestId('explorer-panel');

function el(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (name) {
    var value = attrs[name];
    if (value === undefined || value === null || value === false) return;
    if (name === 'text') node.textContent = value;
    else if (name === 'style') node.setAttribute('style', value);
    else if (name.slice(0, 2) === 'on') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  });
  (children || []).forEach(function (child) {
    if (child) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  });
  return node;
}

function kindColor(kind) {
  if (kind === 'Result') return RESULT_COLOR;
  return (KINDS[kind] || { color: '#888' }).color;
}

function dot(kind) {
  return el('span', { class: 'kg-dot', style: '--kind-color: ' + kindColor(kind), 'aria-hidden': 'true' });
}

/** `PAPER` (a NodeKind) → `Paper` (a type name). */
function kindName(nodeKind) {
  return nodeKind.charAt(0) + nodeKind.slice(1).toLowerCase();
}

function shorten(text, max) {
  return text.length > max ? text.slice(0, max - 1).trimEnd() + '…' : text;
}

function plural(n, one, many) {
  return n + ' ' + (n === 1 ? one : many);
}

// ---- GraphQL ---------------------------------------------------------------------------------

var GRAPHQL_URL = new URL('/graphql', window.location.href).href;

async function graphql(query, variables) {
  var response = await fetch(GRAPHQL_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: query, variables: variables }),
  });
  var body;
  try {
    body = await response.json();
  } catch {
    throw new Error('the server answered ' + response.status + ' ' + response.statusText);
  }
  if (body.errors && body.errors.length) {
    throw new Error(
      body.errors
        .map(function (e) {
          return e.message;
        })
        .join('; '),
    );
  }
  if (!response.ok || !body.data) throw new Error('the server answered ' + response.status);
  return body.data;
}

function showError(error) {
  if (!error) {
    errorEl.hidden = true;
    errorEl.textContent = '';
    return;
  }
  errorEl.hidden = false;
  errorEl.textContent = 'Error: ' + (error && error.message ? error.message : String(error));
}

// ---- papers' evidence ------------------------------------------------------------------------

/** Papers with their mentions and evidence (ExplorerPaperWhy), by id. */
var papers = new Map();
var paperRequests = new Map();

/** A paper's mentions and evidence: known from its expansion, else fetched once. */
function paperDetails(id) {
  if (papers.has(id)) return Promise.resolve(papers.get(id));
  if (!paperRequests.has(id)) {
    paperRequests.set(
      id,
      graphql(PAPER_EVIDENCE, { id: id })
        .then(function (data) {
          if (!data.paper) throw new Error('no paper with id ' + id);
          papers.set(id, data.paper);
          return data.paper;
        })
        .finally(function () {
          paperRequests.delete(id);
        }),
    );
  }
  return paperRequests.get(id);
}

/** The paper's method role for a method, from its mentions (links drawn from the method's side have none). */
function methodRole(paper, methodId) {
  var found = (paper.methods || []).find(function (m) {
    return m.method.id === methodId;
  });
  return found ? found.role : '';
}

// ---- graph -----------------------------------------------------------------------------------

var style = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      width: 22,
      height: 22,
      'background-color': '#888',
      'border-width': 1.5,
      'border-color': '#ffffff',
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
      'font-size': 12,
      color: '#1d2330',
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': 130,
      'text-outline-color': '#fbfcfd',
      'text-outline-width': 2,
      'min-zoomed-font-size': 6,
    },
  },
];
KIND_ORDER.forEach(function (kind) {
  style.push({
    selector: 'node[kind = "' + kind + '"]',
    style: { 'background-color': KINDS[kind].color, shape: KINDS[kind].shape },
  });
});
style.push(
  { selector: 'node[kind = "Paper"]', style: { width: 30, height: 20, 'font-weight': 600 } },
  // The start view: the most shared entities, sized by their number of papers.
  { selector: 'node.start[size]', style: { width: 'data(size)', height: 'data(size)' } },
  { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#1d2330' } },
  {
    selector: 'node:selected',
    style: {
      'border-width': 4,
      'border-color': '#0b5cad',
      'overlay-color': '#0b5cad',
      'overlay-opacity': 0.15,
      'overlay-padding': 6,
      'z-index': 10,
    },
  },
  {
    selector: 'edge',
    style: { width: 1.5, 'line-color': '#b9c0cc', 'curve-style': 'straight', opacity: 0.9 },
  },
  { selector: 'edge.highlight', style: { 'line-color': '#6f95c9', width: 2, 'z-index': 5 } },
  { selector: 'edge[role = "PROPOSED"]', style: { width: 3, 'line-color': '#444444' } },
  {
    selector: 'edge:selected',
    style: {
      width: 4,
      'line-color': '#0b5cad',
      'overlay-color': '#0b5cad',
      'overlay-opacity': 0.15,
      'overlay-padding': 4,
      'z-index': 10,
    },
  },
);

var cy = cytoscape({
  container: graphEl,
  style: style,
  elements: [],
  minZoom: 0.15,
  maxZoom: 3,
  selectionType: 'single',
  boxSelectionEnabled: false,
});

var busy = 0;
function setBusy(delta) {
  busy += delta;
  graphEl.setAttribute('data-state', busy > 0 ? 'loading' : 'idle');
}

function updateCount() {
  var nodes = cy.nodes().length;
  var edges = cy.edges().length;
  countEl.textContent = plural(nodes, 'node', 'nodes') + ' · ' + plural(edges, 'link', 'links');
  countEl.setAttribute('data-nodes', String(nodes));
  countEl.setAttribute('data-edges', String(edges));
  var kinds = {};
  cy.nodes().forEach(function (n) {
    kinds[n.data('kind')] = true;
  });
  countEl.setAttribute('data-kinds', Object.keys(kinds).sort().join(' '));
  emptyEl.hidden = nodes > 0;
}

function addNode(id, kind, name, position) {
  var existing = cy.getElementById(id);
  if (existing.nonempty()) {
    if (name && !existing.data('name')) existing.data({ name: name, label: shorten(name, existing.data('kind') === 'Paper' ? 48 : 40) });
    return { node: existing, added: false };
  }
  var node = cy.add({
    group: 'nodes',
    data: { id: id, kind: kind, name: name, label: shorten(name, kind === 'Paper' ? 48 : 40) },
    position: position || { x: 0, y: 0 },
  });
  return { node: node, added: true };
}

/** Links always run from a paper to what it mentions. */
function addEdge(paperId, entityId, role) {
  var id = paperId + '->' + entityId;
  var existing = cy.getElementById(id);
  if (existing.nonempty()) {
    if (role && !existing.data('role')) existing.data('role', role);
    return false;
  }
  var known = papers.get(paperId);
  if (!role && known) role = methodRole(known, entityId);
  cy.add({ group: 'edges', data: { id: id, source: paperId, target: entityId, role: role || '' } });
  return true;
}

/** What a node links to, as `{ kind, name, neighbours: [{ id, kind, name, role }] }`. */
async function fetchNeighbourhood(id) {
  var data = await graphql(NEIGHBOURHOOD, { id: id, first: PAPERS_PER_ENTITY });
  var node = data.node;
  if (!node) throw new Error('no node with id ' + id);
  var kind = node.__typename;
  var neighbours = [];
  if (kind === 'Paper') {
    papers.set(node.id, node);
    (node.methods || []).forEach(function (m) {
      neighbours.push({ id: m.method.id, kind: 'Method', name: m.method.name, role: m.role });
    });
    (node.datasets || []).forEach(function (m) {
      neighbours.push({ id: m.dataset.id, kind: 'Dataset', name: m.dataset.name });
    });
    (node.tasks || []).forEach(function (m) {
      neighbours.push({ id: m.task.id, kind: 'Task', name: m.task.name });
    });
    (node.metrics || []).forEach(function (m) {
      neighbours.push({ id: m.metric.id, kind: 'Metric', name: m.metric.name });
    });
    (node.concepts || []).forEach(function (m) {
      neighbours.push({ id: m.concept.id, kind: 'Concept', name: m.concept.name });
    });
    (node.repositories || []).forEach(function (m) {
      neighbours.push({ id: m.repository.id, kind: 'Repository', name: m.repository.name });
    });
    return { kind: kind, name: node.title, neighbours: neighbours };
  }
  if (!KINDS[kind] || !node.papers) throw new Error(id + ' is a ' + kind + ', which the explorer does not draw');
  node.papers.nodes.forEach(function (p) {
    neighbours.push({ id: p.id, kind: 'Paper', name: p.title });
  });
  return { kind: kind, name: node.name, neighbours: neighbours, paperCount: node.paperCount, totalCount: node.papers.totalCount };
}

/**
 * Star layout: the nodes with one link (leaves) sit in rings around the node they hang off;
 * everything else (the core: expanded nodes and nodes shared between them) is laid out by
 * cose with room for those rings, then pushed apart until no two rings overlap. Keeps the
 * graph compact enough to read its labels, and the core where it was between expansions.
 */
function runLayout(focus, randomize) {
  var nodes = cy.nodes();
  if (!nodes.length) return;
  var leaves = nodes.filter(function (n) {
    return n.degree(false) === 1 && n.neighborhood('node').degree(false) > 1;
  });
  var core = nodes.difference(leaves);
  var rings = {};
  core.forEach(function (c) {
    var own = c.neighborhood('node').intersection(leaves).sort(byKindThenName);
    // The arc each leaf needs: paper titles are wide, other names short. Crowded rings
    // alternate two radii (below), which fits about 1.6 times as many leaves.
    var arc = 0;
    own.forEach(function (leaf) {
      arc += leaf.data('kind') === 'Paper' ? 120 : 62;
    });
    if (own.length > 10) arc /= 1.6;
    rings[c.id()] = { leaves: own, r: own.length ? Math.max(80, arc / (2 * Math.PI)) : 0 };
  });
  /** The room a core node needs: its ring plus the labels outside it. */
  function room(node) {
    return rings[node.id()].r + 80;
  }

  if (core.length > 1) {
    core
      .union(core.edgesWith(core))
      .layout({
        name: 'cose',
        animate: false,
        fit: false,
        randomize: randomize,
        nodeDimensionsIncludeLabels: true,
        idealEdgeLength: function (edge) {
          return room(edge.source()) + room(edge.target()) + 20;
        },
        nodeRepulsion: function (node) {
          return 200000 + 5000 * rings[node.id()].r;
        },
        edgeElasticity: function () {
          return 100;
        },
        nodeOverlap: 20,
        gravity: 10,
        numIter: 1000,
        componentSpacing: 80,
      })
      .run();
    separate(core.toArray(), room);
  }

  core.forEach(function (hub) {
    var own = rings[hub.id()];
    if (!own.leaves.length) return;
    var centre = hub.position();
    // Start the ring so that the links to other core nodes pass between two leaves.
    var away = 0;
    var others = hub.neighborhood('node').difference(leaves);
    if (others.length) {
      var mx = 0;
      var my = 0;
      others.forEach(function (o) {
        mx += o.position('x') - centre.x;
        my += o.position('y') - centre.y;
      });
      away = Math.atan2(my, mx);
    }
    var count = own.leaves.length;
    var step = (2 * Math.PI) / count;
    own.leaves.forEach(function (leaf, i) {
      // Alternate two radii when the ring is crowded, so neighbouring labels do not collide.
      var r = own.r + (count > 10 && i % 2 === 1 ? 55 : 0);
      var angle = away + step * (i + 0.5);
      leaf.position({ x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) });
    });
  });

  cy.fit(undefined, 30);
  if (focus && cy.zoom() < MIN_READABLE_ZOOM) {
    cy.zoom(MIN_READABLE_ZOOM);
    cy.center(focus);
  }
}

/** Pushes core nodes apart until no two of their rings overlap. */
function separate(list, room) {
  for (var round = 0; round < 100; round += 1) {
    var moved = false;
    for (var i = 0; i < list.length; i += 1) {
      for (var j = i + 1; j < list.length; j += 1) {
        var a = list[i].position();
        var b = list[j].position();
        var dx = b.x - a.x;
        var dy = b.y - a.y;
        var d = Math.sqrt(dx * dx + dy * dy);
        var need = room(list[i]) + room(list[j]);
        if (d >= need) continue;
        if (d < 0.01) {
          dx = 1;
          dy = 0;
          d = 1;
        }
        var push = (need - d) / 2 + 1;
        list[i].position({ x: a.x - (dx / d) * push, y: a.y - (dy / d) * push });
        list[j].position({ x: b.x + (dx / d) * push, y: b.y + (dy / d) * push });
        moved = true;
      }
    }
    if (!moved) return;
  }
}

var pending = new Map();

/** Adds a node's neighbourhood to the graph (once per node); returns the node. */
function expand(id) {
  var known = cy.getElementById(id);
  if (known.nonempty() && known.hasClass('expanded')) return Promise.resolve(known);
  if (!pending.has(id)) {
    pending.set(
      id,
      load(id).finally(function () {
        pending.delete(id);
      }),
    );
  }
  return pending.get(id);
}

async function load(id) {
  setBusy(1);
  showError(null);
  try {
    var hood = await fetchNeighbourhood(id);
    // Looked up after the request: the graph may have been cleared meanwhile.
    var current = cy.getElementById(id);
    var centre;
    var wasEmpty = cy.nodes().length === 0;
    cy.batch(function () {
      var extent = cy.nodes().length ? cy.nodes().boundingBox() : null;
      var origin = current.nonempty() ? current.position() : extent ? { x: extent.x2 + 200, y: (extent.y1 + extent.y2) / 2 } : { x: 0, y: 0 };
      centre = addNode(id, hood.kind, hood.name, origin).node;
      if (hood.paperCount !== undefined) centre.data({ paperCount: hood.paperCount, shownPapers: hood.neighbours.length, totalPapers: hood.totalCount });
      var fresh = hood.neighbours.filter(function (n) {
        return cy.getElementById(n.id).empty();
      });
      var radius = 60 + fresh.length * 4;
      var step = (2 * Math.PI) / Math.max(fresh.length, 1);
      var i = 0;
      hood.neighbours.forEach(function (n) {
        var isFresh = cy.getElementById(n.id).empty();
        var position = isFresh ? { x: origin.x + radius * Math.cos(i * step), y: origin.y + radius * Math.sin(i * step) } : undefined;
        if (isFresh) i += 1;
        addNode(n.id, n.kind, n.name, position);
        if (hood.kind === 'Paper') addEdge(id, n.id, n.role);
        else addEdge(n.id, id, null);
      });
      centre.addClass('expanded');
    });
    runLayout(centre, wasEmpty);
    updateCount();
    refreshSelection();
    return centre;
  } catch (error) {
    showError(error);
    throw error;
  } finally {
    setBusy(-1);
  }
}

/** Pans to the element when it is outside the visible part of the graph. */
function ensureVisible(ele) {
  var p = ele.isEdge() ? ele.renderedMidpoint() : ele.renderedPosition();
  if (p.x < 20 || p.y < 20 || p.x > cy.width() - 20 || p.y > cy.height() - 20) cy.center(ele);
}

/** The paper the panel offers to go back to, after a mark of its text selected an entity. */
var returnTo = null;

/** Selects a node or a link and shows it in the panel; `from` is the paper to offer going back to. */
function select(ele, from) {
  returnTo = from || null;
  cy.elements().unselect();
  ele.select();
  refreshSelection();
}

function selected() {
  return cy.elements(':selected').first();
}

/** Highlights the selected node's links and shows it in the panel (again, after it grew). */
function refreshSelection() {
  var ele = selected();
  cy.edges().removeClass('highlight');
  if (ele.empty()) return;
  if (ele.isNode()) ele.connectedEdges().addClass('highlight');
  renderPanel(ele);
}

/** Re-renders the panel when the element is still the one selected. */
function refreshIfSelected(ele) {
  var now = selected();
  if (now.nonempty() && now.id() === ele.id()) renderPanel(now);
}

function userAction() {
  startCancelled = true;
}

cy.on('tap', 'node', function (event) {
  var node = event.target;
  userAction();
  select(node);
  expand(node.id()).catch(function () {
    /* shown in the toolbar */
  });
});

cy.on('tap', 'edge', function (event) {
  userAction();
  select(event.target);
});

// ---- side panel ------------------------------------------------------------------------------

function graphiqlHref(kind, id) {
  var url = new URL('/playground', window.location.href);
  url.searchParams.set('query', graphiqlQuery(kind, id));
  return url.pathname + url.search;
}

function byKindThenName(a, b) {
  return KIND_ORDER.indexOf(a.data('kind')) - KIND_ORDER.indexOf(b.data('kind')) || String(a.data('name')).localeCompare(String(b.data('name')));
}

function kindWord(kind) {
  return kind.toLowerCase();
}

/** What a mark says to a screen reader and in its tooltip. */
function mentionLabel(m) {
  if (m.kind === 'Result') return 'result: ' + m.name;
  var text = kindWord(m.kind) + ' ' + m.name;
  if (m.role) text += ' (' + m.role.toLowerCase() + ')';
  return text;
}

/**
 * Appends the text with its mentions as <mark> elements (see markTree): each names its entity
 * and kind (title and aria-label), can be focused, and selects its entity when activated.
 */
function appendMarked(parent, text, spans) {
  function render(into, nodes) {
    nodes.forEach(function (n) {
      if (!n.children) {
        into.appendChild(document.createTextNode(n.text));
        return;
      }
      var m = n.span;
      var label = mentionLabel(m);
      var mark = el('mark', {
        class: 'kg-mark' + (m.kind === 'Result' ? ' kg-mark-result' : ''),
        style: '--kind-color: ' + kindColor(m.kind),
        'data-testid': 'mention',
        'data-kind': m.kind,
        'data-entity': m.entityId,
        'data-field': m.field,
        // Offsets in the paper's field, also for a mention shown in its sentence.
        'data-start': m.fieldStart !== undefined ? m.fieldStart : m.start,
        'data-end': m.fieldEnd !== undefined ? m.fieldEnd : m.end,
        'data-piece': n.piece,
        'data-continued': n.continued ? 'true' : null,
        // One stop per mention: the later pieces of a cut mention are reached through the first.
        tabindex: n.piece === 0 ? '0' : null,
        title: label + ' — “' + m.text + '”',
        'aria-label': m.text + ': ' + label,
      });
      render(mark, n.children);
      into.appendChild(mark);
    });
  }
  render(parent, markTree(text, spans));
  return parent;
}

/** Selects the entity a mark names (its dataset for a result), drawing the paper's links first if needed. */
function activateMark(mark) {
  var entityId = mark.getAttribute('data-entity');
  var paperEle = selected();
  var paperId = paperEle.nonempty() && paperEle.isNode() ? paperEle.id() : null;
  var node = cy.getElementById(entityId);
  var ready = node.nonempty() || !paperId ? Promise.resolve() : expand(paperId);
  userAction();
  ready
    .then(function () {
      var target = cy.getElementById(entityId);
      if (target.empty()) return;
      select(target, paperId);
      ensureVisible(target);
    })
    .catch(function () {
      /* shown in the toolbar */
    });
}

panel.addEventListener('click', function (event) {
  var mark = event.target.closest && event.target.closest('mark.kg-mark');
  if (mark) activateMark(mark);
});
panel.addEventListener('keydown', function (event) {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  var mark = event.target.closest && event.target.closest('mark.kg-mark');
  if (!mark) return;
  event.preventDefault();
  activateMark(mark);
});

/** A key of the mention kinds a paper's text shows, with their counts. */
function mentionKey(mentions) {
  var counts = {};
  mentions.forEach(function (m) {
    counts[m.kind] = (counts[m.kind] || 0) + 1;
  });
  var kinds = MENTION_ORDER.filter(function (k) {
    return counts[k];
  });
  if (!kinds.length) return el('p', { class: 'kg-status', 'data-testid': 'panel-mention-key', text: 'No mention was extracted from this paper’s text.' });
  return el(
    'ul',
    { class: 'kg-mention-key', 'data-testid': 'panel-mention-key', 'aria-label': 'Highlighted mentions' },
    kinds.map(function (k) {
      return el('li', { 'data-kind': k }, [
        el('span', { class: 'kg-key-swatch' + (k === 'Result' ? ' kg-key-result' : ''), style: '--kind-color: ' + kindColor(k), 'aria-hidden': 'true' }),
        (k === 'Result' ? 'result' : kindWord(k)) + ' ' + counts[k],
      ]);
    }),
  );
}

/** A paper's title (the panel heading) and abstract with every mention highlighted. */
function paperText(details) {
  var parts = [];
  var mentions = paperMentions(details);
  var heading = el('h2', { 'data-testid': 'panel-name', class: 'kg-paper-title' });
  appendMarked(heading, details.title, mentions.title);
  parts.push(heading);
  parts.push(mentionKey(mentions.title.concat(mentions.abstract)));
  parts.push(el('h3', { text: 'Abstract' }));
  parts.push(appendMarked(el('p', { class: 'kg-abstract', 'data-testid': 'panel-abstract' }), details.abstract, mentions.abstract));
  if (mentions.declared.length) {
    parts.push(el('h3', { text: 'Declared by the source' }));
    parts.push(
      el(
        'ul',
        { class: 'kg-declared', 'data-testid': 'panel-declared' },
        mentions.declared.map(function (m) {
          return el('li', { 'data-kind': m.kind, 'data-entity': m.entityId }, [dot(m.kind), el('span', { text: m.name + ' — ' + m.text })]);
        }),
      ),
    );
  }
  if (mentions.unplaced.length) {
    parts.push(el('h3', { text: 'Mentions not found in the text' }));
    parts.push(
      el(
        'ul',
        { class: 'kg-declared', 'data-testid': 'panel-unplaced' },
        mentions.unplaced.map(function (m) {
          return el('li', {}, [dot(m.kind), el('span', { text: m.name + ' — “' + m.text + '”' })]);
        }),
      ),
    );
  }
  return parts;
}

function renderPanel(ele) {
  panel.textContent = '';
  if (!ele || ele.empty() || ele.removed()) {
    panel.appendChild(el('p', { class: 'kg-panel-empty', text: 'Select a node or a link to see its details.' }));
    return;
  }
  if (ele.isEdge()) {
    renderEdgePanel(ele);
    return;
  }
  var node = ele;
  var kind = node.data('kind');
  var id = node.id();
  var details = [el('dt', { text: 'Id' }), el('dd', {}, [el('code', { 'data-testid': 'panel-id', text: id })])];
  if (node.data('paperCount') !== undefined) {
    details.push(el('dt', { text: 'Papers' }), el('dd', { 'data-testid': 'panel-paper-count', text: String(node.data('paperCount')) }));
  }
  var neighbours = node.neighborhood('node').sort(byKindThenName);
  details.push(el('dt', { text: 'On graph' }), el('dd', { text: plural(neighbours.length, 'linked node', 'linked nodes') }));

  var actions = [];
  var back = returnTo && returnTo !== id ? cy.getElementById(returnTo) : cy.collection();
  if (back.nonempty()) {
    actions.push(
      el('button', {
        type: 'button',
        'data-testid': 'panel-back',
        text: '← Back to ' + shorten(String(back.data('name')), 40),
        onclick: function () {
          select(back);
          ensureVisible(back);
        },
      }),
    );
  }
  actions.push(
    el('a', {
      href: graphiqlHref(kind, id),
      target: '_blank',
      rel: 'noopener',
      'data-testid': 'panel-graphiql-link',
      text: 'Open in GraphiQL ↗',
    }),
  );
  if (!node.hasClass('expanded')) {
    actions.push(
      el('button', {
        type: 'button',
        'data-testid': 'panel-expand',
        text: 'Expand',
        onclick: function () {
          expand(id).catch(function () {});
        },
      }),
    );
  } else if (node.data('totalPapers') > node.data('shownPapers')) {
    actions.push(
      el('p', {
        class: 'kg-status',
        text: 'Showing ' + node.data('shownPapers') + ' of ' + node.data('totalPapers') + ' papers.',
      }),
    );
  }

  panel.appendChild(el('span', { class: 'kg-kind', 'data-testid': 'panel-kind', style: '--kind-color: ' + kindColor(kind), text: kind }));
  var paper = kind === 'Paper' ? papers.get(id) : undefined;
  var text = paper ? paperText(paper) : [el('h2', { 'data-testid': 'panel-name', text: node.data('name') })];
  panel.appendChild(text[0]);
  panel.appendChild(el('dl', {}, details));
  panel.appendChild(el('div', { class: 'kg-panel-actions' }, actions));
  if (kind === 'Paper' && !paper) {
    panel.appendChild(el('p', { class: 'kg-status', 'data-testid': 'panel-loading', text: 'Loading the abstract…' }));
    paperDetails(id)
      .then(function () {
        refreshIfSelected(node);
      })
      .catch(function (error) {
        showError(error);
      });
  }
  text.slice(1).forEach(function (part) {
    panel.appendChild(part);
  });
  if (neighbours.length) {
    panel.appendChild(el('h3', { text: 'Linked on the graph' }));
    // Each link, for the keyboard too: choosing one shows why it exists.
    panel.appendChild(
      el(
        'ul',
        { class: 'kg-neighbours', 'data-testid': 'panel-neighbours' },
        neighbours.map(function (n) {
          var link = node.edgesWith(n).first();
          return el('li', {}, [
            dot(n.data('kind')),
            el('button', {
              type: 'button',
              class: 'kg-link-button',
              'data-testid': 'panel-neighbour-link',
              'data-edge': link.nonempty() ? link.id() : null,
              title: 'Why ' + (kind === 'Paper' ? 'this paper mentions ' + n.data('name') : n.data('name') + ' mentions ' + node.data('name')),
              text: n.data('name'),
              onclick: function () {
                if (link.nonempty() && !link.removed()) select(link);
              },
            }),
          ]);
        }),
      ),
    );
  }
}

var ROLE_TEXT = {
  PROPOSED: 'proposed: the paper introduces this method',
  USED: 'used: the paper applies or compares against this method',
};

/** A link: why it exists — the sentences that mention the entity, with the mention highlighted. */
function renderEdgePanel(edge) {
  var paperNode = edge.source();
  var entity = edge.target();
  var kind = entity.data('kind');
  var paper = papers.get(paperNode.id());

  panel.appendChild(el('span', { class: 'kg-kind', 'data-testid': 'panel-kind', style: '--kind-color: ' + kindColor(kind), text: 'Link' }));
  panel.appendChild(
    el('h2', { 'data-testid': 'panel-name', class: 'kg-edge-title' }, [
      el('span', { text: paperNode.data('name') }),
      el('span', { class: 'kg-edge-arrow', 'aria-label': ' mentions ', text: ' → ' }),
      el('span', { text: entity.data('name') }),
    ]),
  );

  if (!paper) {
    panel.appendChild(el('p', { class: 'kg-status', 'data-testid': 'panel-loading', text: 'Loading the evidence…' }));
    paperDetails(paperNode.id())
      .then(function (p) {
        if (kind === 'Method' && !edge.data('role')) edge.data('role', methodRole(p, entity.id()));
        refreshIfSelected(edge);
      })
      .catch(function (error) {
        showError(error);
      });
    return;
  }

  var role = kind === 'Method' ? edge.data('role') || methodRole(paper, entity.id()) : '';
  var details = [el('dt', { text: 'Kind' }), el('dd', { text: kind })];
  if (role) {
    details.push(
      el('dt', { text: 'Role' }),
      el('dd', { 'data-testid': 'panel-role', 'data-role': role }, [el('strong', { text: role }), ' — ' + ROLE_TEXT[role].split(': ')[1]]),
    );
  }
  panel.appendChild(el('dl', {}, details));

  var all = paperMentions(paper);
  var mine = function (m) {
    return m.kind === kind && m.entityId === entity.id();
  };
  var placed = all.title.concat(all.abstract).filter(mine);
  var declared = all.declared.filter(mine);
  var unplaced = all.unplaced.filter(mine);

  panel.appendChild(el('h3', { text: 'Why: the paper says' }));
  var sentences = sentencesOf({ TITLE: paper.title, ABSTRACT: paper.abstract }, placed.concat(unplaced));
  if (sentences.length) {
    panel.appendChild(
      el(
        'ol',
        { class: 'kg-why', 'data-testid': 'panel-edge-sentences' },
        sentences.map(function (s) {
          return el('li', {}, [
            el('span', { class: 'kg-why-field', text: s.field === 'TITLE' ? 'Title' : 'Abstract' }),
            appendMarked(el('blockquote', { 'data-testid': 'panel-edge-sentence', 'data-field': s.field }), s.sentence, s.spans),
          ]);
        }),
      ),
    );
  }
  if (declared.length) {
    panel.appendChild(el('h3', { text: 'Declared by the source' }));
    panel.appendChild(
      el(
        'ul',
        { class: 'kg-declared', 'data-testid': 'panel-declared' },
        declared.map(function (m) {
          return el('li', {}, [dot(m.kind), el('span', { text: m.text })]);
        }),
      ),
    );
  }
  if (!sentences.length && !declared.length) {
    panel.appendChild(el('p', { class: 'kg-status', 'data-testid': 'panel-no-evidence', text: 'The extraction recorded no evidence for this link.' }));
  }

  var results = (paper.results || []).filter(function (r) {
    return (
      (kind === 'Dataset' && r.dataset && r.dataset.id === entity.id()) ||
      (kind === 'Metric' && r.metric && r.metric.id === entity.id()) ||
      (kind === 'Method' && r.method && r.method.id === entity.id())
    );
  });
  if (results.length) {
    var resultMentions = all.title.concat(all.abstract).filter(function (m) {
      return m.kind === 'Result' && results.indexOf(m.result) >= 0;
    });
    panel.appendChild(el('h3', { text: 'Results reported' }));
    panel.appendChild(
      el(
        'ul',
        { class: 'kg-why', 'data-testid': 'panel-edge-results' },
        results.map(function (r) {
          var own = resultMentions.filter(function (m) {
            return m.result === r;
          });
          var said = sentencesOf({ TITLE: paper.title, ABSTRACT: paper.abstract }, own);
          return el(
            'li',
            {},
            [el('span', { class: 'kg-why-field', text: own[0] ? own[0].name : r.raw })].concat(
              said.map(function (s) {
                return appendMarked(el('blockquote', {}), s.sentence, s.spans);
              }),
            ),
          );
        }),
      ),
    );
  }

  panel.appendChild(
    el('div', { class: 'kg-panel-actions' }, [
      el('button', {
        type: 'button',
        'data-testid': 'panel-edge-paper',
        text: 'Show the paper',
        onclick: function () {
          select(paperNode);
          expand(paperNode.id()).catch(function () {});
        },
      }),
      el('button', {
        type: 'button',
        'data-testid': 'panel-edge-entity',
        text: 'Show ' + shorten(String(entity.data('name')), 30),
        onclick: function () {
          select(entity);
        },
      }),
    ]),
  );
}

// ---- search ----------------------------------------------------------------------------------

async function search(query) {
  showStart(false);
  searchStatus.textContent = 'Searching…';
  resultsList.textContent = '';
  try {
    var data = await graphql(SEARCH, { query: query, kinds: SEARCH_KINDS, first: 20 });
    var hits = data.search ? data.search.nodes : [];
    searchStatus.textContent = hits.length ? plural(hits.length, 'result', 'results') + ' for “' + query + '”' : 'Nothing found for “' + query + '”.';
    hits.forEach(function (hit) {
      var kind = kindName(hit.kind);
      var id = hit.nodeId;
      resultsList.appendChild(
        el('li', {}, [
          el(
            'button',
            {
              type: 'button',
              'data-testid': 'explorer-result',
              'data-id': id,
              'data-kind': kind,
              title: id,
              onclick: function (event) {
                choose(id, event.currentTarget);
              },
            },
            [dot(kind), el('span', { class: 'kg-result-name', text: hit.name }), el('span', { class: 'kg-result-kind', text: kind })],
          ),
        ]),
      );
    });
  } catch (error) {
    searchStatus.textContent = 'Search failed: ' + error.message;
  }
}

async function choose(id, button) {
  userAction();
  document.querySelectorAll('.kg-sidebar button[aria-current]').forEach(function (b) {
    b.removeAttribute('aria-current');
  });
  if (button) button.setAttribute('aria-current', 'true');
  var params = new URLSearchParams(window.location.search);
  params.set('id', id);
  window.history.replaceState(null, '', window.location.pathname + '?' + params.toString());
  clearStartGraph();
  try {
    var node = await expand(id);
    select(node);
    ensureVisible(node);
  } catch {
    /* shown in the toolbar */
  }
}

form.addEventListener('submit', function (event) {
  event.preventDefault();
  var query = input.value.trim();
  if (!query) return;
  var params = new URLSearchParams(window.location.search);
  params.set('q', query);
  window.history.replaceState(null, '', window.location.pathname + '?' + params.toString());
  search(query);
});

byTestId('explorer-fit').addEventListener('click', function () {
  cy.fit(undefined, 40);
});
byTestId('explorer-clear').addEventListener('click', function () {
  cy.elements().remove();
  updateCount();
  renderPanel(null);
  showError(null);
  window.history.replaceState(null, '', window.location.pathname);
  resultsList.textContent = '';
  searchStatus.textContent = '';
  startCancelled = false;
  showStart(true);
});

// ---- start view: the most shared benchmarks and methods ---------------------------------------

/** Set by anything the user does; a start view that arrives later is then not drawn. */
var startCancelled = false;
var startData = null;

/**
 * The start view's entities: `{ datasets, methods }`, each `[{ id, name, paperCount }]`, most
 * papers first, START_PER_KIND of each (the root browse connections, ordered by PAPER_COUNT).
 */
async function fetchStartEntities() {
  var data = await graphql(START, { first: START_PER_KIND });
  return {
    datasets: data.datasets ? data.datasets.nodes : [],
    methods: data.methods ? data.methods.nodes : [],
  };
}

function showStart(visible) {
  startSection.hidden = !visible || !startData;
}

function renderStartList(data) {
  startSection.textContent = '';
  startSection.appendChild(el('h2', { text: 'Start here' }));
  startSection.appendChild(el('p', { class: 'kg-status', text: 'The benchmarks and methods the most papers share.' }));
  [
    ['Benchmarks and datasets', 'Dataset', data.datasets],
    ['Methods', 'Method', data.methods],
  ].forEach(function (group) {
    if (!group[2].length) return;
    startSection.appendChild(el('h3', { text: group[0] }));
    startSection.appendChild(
      el(
        'ol',
        { class: 'kg-results kg-start-list', 'data-testid': 'explorer-start-' + group[1].toLowerCase() },
        group[2].map(function (e) {
          return el('li', {}, [
            el(
              'button',
              {
                type: 'button',
                'data-testid': 'explorer-start-item',
                'data-id': e.id,
                'data-kind': group[1],
                'data-paper-count': e.paperCount,
                title: e.id,
                onclick: function (event) {
                  choose(e.id, event.currentTarget);
                },
              },
              [
                dot(group[1]),
                el('span', { class: 'kg-result-name', text: e.name }),
                el('span', { class: 'kg-result-kind', text: plural(e.paperCount, 'paper', 'papers') }),
              ],
            ),
          ]);
        }),
      ),
    );
  });
}

/** Draws the start entities, unlinked, sized by their number of papers: click one to expand it. */
function drawStartGraph(data) {
  if (startCancelled || cy.nodes().length) return;
  var max = 1;
  data.datasets.concat(data.methods).forEach(function (e) {
    max = Math.max(max, e.paperCount);
  });
  var columns = 4;
  cy.batch(function () {
    [
      ['Dataset', data.datasets, 0],
      ['Method', data.methods, 1],
    ].forEach(function (group) {
      group[1].forEach(function (e, i) {
        var row = group[2] * 2.6 + Math.floor(i / columns);
        var added = addNode(e.id, group[0], e.name, { x: (i % columns) * 170, y: row * 120 }).node;
        added.addClass('start');
        added.data({
          paperCount: e.paperCount,
          size: Math.round(22 + 26 * Math.sqrt(e.paperCount / max)),
          label: shorten(e.name, 34) + '\n' + plural(e.paperCount, 'paper', 'papers'),
        });
      });
    });
  });
  cy.fit(undefined, 50);
  if (cy.zoom() > 1.2) cy.zoom(1.2);
  cy.center();
  graphEl.setAttribute('data-start', 'true');
  updateCount();
}

/** Removes the start entities nobody expanded or linked, before drawing a chosen node. */
function clearStartGraph() {
  var idle = cy.nodes('.start').filter(function (n) {
    return !n.hasClass('expanded') && n.degree(false) === 0;
  });
  if (!idle.length) return;
  idle.remove();
  graphEl.removeAttribute('data-start');
  updateCount();
}

async function loadStart(drawGraph) {
  try {
    startData = await fetchStartEntities();
    renderStartList(startData);
    showStart(!resultsList.children.length);
    if (drawGraph) drawStartGraph(startData);
  } catch (error) {
    showError(error);
  }
}

// ---- legend and start ------------------------------------------------------------------------

KIND_ORDER.forEach(function (kind) {
  legendList.appendChild(el('li', { 'data-testid': 'legend-' + kind.toLowerCase() }, [dot(kind), kind]));
});
updateCount();

var start = new URLSearchParams(window.location.search);
if (start.get('q')) {
  input.value = start.get('q');
  search(start.get('q'));
}
if (start.get('id')) choose(start.get('id'), null);
loadStart(!start.get('id'));

/** For tests and the console. */
window.kgExplorer = { cy: cy, expand: expand, select: select, graphiqlQuery: graphiqlQuery, papers: papers };
