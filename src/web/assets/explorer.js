// The graph explorer. Plain browser JavaScript over the cytoscape UMD global, served by this
// server from the project's npm dependencies; it talks only to this server's /graphql.
(function () {
  'use strict';

  var GRAPHQL_URL = new URL('/graphql', window.location.href).href;
  var PAPERS_PER_ENTITY = 25;
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

  var NEIGHBOURHOOD = [
    'query Neighbourhood($id: ID!, $first: Int!) {',
    '  node(id: $id) {',
    '    __typename',
    '    id',
    '    ... on Paper {',
    '      title',
    '      methods { role method { id name } }',
    '      datasets { dataset { id name } }',
    '      tasks { task { id name } }',
    '      metrics { metric { id name } }',
    '      concepts { concept { id name } }',
    '      repositories { repository { id name } }',
    '    }',
    '    ... on Entity { name paperCount papers(first: $first) { totalCount nodes { id title } } }',
    '  }',
    '}',
  ].join('\n');

  var SEARCH = [
    'query Search($query: String!, $kinds: [NodeKind!], $first: Int) {',
    '  search(query: $query, kinds: $kinds, first: $first) { nodes { id: nodeId kind name score } }',
    '}',
  ].join('\n');

  // ---- elements --------------------------------------------------------------------------------

  function byTestId(id) {
    return document.querySelector('[data-testid="' + id + '"]');
  }

  var form = byTestId('explorer-search-form');
  var input = byTestId('explorer-search-input');
  var searchStatus = byTestId('explorer-search-status');
  var resultsList = byTestId('explorer-results');
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

  // ---- GraphQL ---------------------------------------------------------------------------------

  async function graphql(query, variables) {
    var response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: query, variables: variables }),
    });
    var body;
    try {
      body = await response.json();
    } catch (error) {
      throw new Error('the server answered ' + response.status + ' ' + response.statusText);
    }
    if (body.errors && body.errors.length) {
      throw new Error(body.errors.map(function (e) { return e.message; }).join('; '));
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
    countEl.textContent = nodes + (nodes === 1 ? ' node' : ' nodes') + ' · ' + edges + (edges === 1 ? ' link' : ' links');
    countEl.setAttribute('data-nodes', String(nodes));
    countEl.setAttribute('data-edges', String(edges));
    var kinds = {};
    cy.nodes().forEach(function (n) { kinds[n.data('kind')] = true; });
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

  function addEdge(source, target, role) {
    var id = source + '->' + target;
    var existing = cy.getElementById(id);
    if (existing.nonempty()) {
      if (role && !existing.data('role')) existing.data('role', role);
      return false;
    }
    cy.add({ group: 'edges', data: { id: id, source: source, target: target, role: role || '' } });
    return true;
  }

  /** What a node links to, as `{ kind, name, neighbours: [{ id, kind, name, role, paperIsSource }] }`. */
  async function fetchNeighbourhood(id) {
    var data = await graphql(NEIGHBOURHOOD, { id: id, first: PAPERS_PER_ENTITY });
    var node = data.node;
    if (!node) throw new Error('no node with id ' + id);
    var kind = node.__typename;
    var neighbours = [];
    if (kind === 'Paper') {
      (node.methods || []).forEach(function (m) { neighbours.push({ id: m.method.id, kind: 'Method', name: m.method.name, role: m.role }); });
      (node.datasets || []).forEach(function (m) { neighbours.push({ id: m.dataset.id, kind: 'Dataset', name: m.dataset.name }); });
      (node.tasks || []).forEach(function (m) { neighbours.push({ id: m.task.id, kind: 'Task', name: m.task.name }); });
      (node.metrics || []).forEach(function (m) { neighbours.push({ id: m.metric.id, kind: 'Metric', name: m.metric.name }); });
      (node.concepts || []).forEach(function (m) { neighbours.push({ id: m.concept.id, kind: 'Concept', name: m.concept.name }); });
      (node.repositories || []).forEach(function (m) { neighbours.push({ id: m.repository.id, kind: 'Repository', name: m.repository.name }); });
      return { kind: kind, name: node.title, neighbours: neighbours };
    }
    if (!KINDS[kind] || !node.papers) throw new Error(id + ' is a ' + kind + ', which the explorer does not draw');
    node.papers.nodes.forEach(function (p) { neighbours.push({ id: p.id, kind: 'Paper', name: p.title }); });
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
      own.forEach(function (leaf) { arc += leaf.data('kind') === 'Paper' ? 120 : 62; });
      if (own.length > 10) arc /= 1.6;
      rings[c.id()] = { leaves: own, r: own.length ? Math.max(80, arc / (2 * Math.PI)) : 0 };
    });
    /** The room a core node needs: its ring plus the labels outside it. */
    function room(node) {
      return rings[node.id()].r + 80;
    }

    if (core.length > 1) {
      core.union(core.edgesWith(core)).layout({
        name: 'cose',
        animate: false,
        fit: false,
        randomize: randomize,
        nodeDimensionsIncludeLabels: true,
        idealEdgeLength: function (edge) { return room(edge.source()) + room(edge.target()) + 20; },
        nodeRepulsion: function (node) { return 200000 + 5000 * rings[node.id()].r; },
        edgeElasticity: function () { return 100; },
        nodeOverlap: 20,
        gravity: 10,
        numIter: 1000,
        componentSpacing: 80,
      }).run();
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
        others.forEach(function (o) { mx += o.position('x') - centre.x; my += o.position('y') - centre.y; });
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

  function byKindThenName(a, b) {
    return KIND_ORDER.indexOf(a.data('kind')) - KIND_ORDER.indexOf(b.data('kind')) || String(a.data('name')).localeCompare(String(b.data('name')));
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
          if (d < 0.01) { dx = 1; dy = 0; d = 1; }
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
      pending.set(id, load(id).finally(function () { pending.delete(id); }));
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
        var origin = current.nonempty()
          ? current.position()
          : extent ? { x: extent.x2 + 200, y: (extent.y1 + extent.y2) / 2 } : { x: 0, y: 0 };
        centre = addNode(id, hood.kind, hood.name, origin).node;
        if (hood.paperCount !== undefined) centre.data({ paperCount: hood.paperCount, shownPapers: hood.neighbours.length, totalPapers: hood.totalCount });
        var fresh = hood.neighbours.filter(function (n) { return cy.getElementById(n.id).empty(); });
        var radius = 60 + fresh.length * 4;
        var step = (2 * Math.PI) / Math.max(fresh.length, 1);
        var i = 0;
        hood.neighbours.forEach(function (n) {
          var isFresh = cy.getElementById(n.id).empty();
          var position = isFresh
            ? { x: origin.x + radius * Math.cos(i * step), y: origin.y + radius * Math.sin(i * step) }
            : undefined;
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

  /** Pans to the node when it is outside the visible part of the graph. */
  function ensureVisible(node) {
    var p = node.renderedPosition();
    if (p.x < 20 || p.y < 20 || p.x > cy.width() - 20 || p.y > cy.height() - 20) cy.center(node);
  }

  function select(node) {
    cy.elements().unselect();
    node.select();
    refreshSelection();
  }

  /** Highlights the selected node's links and shows it in the panel (again, after it grew). */
  function refreshSelection() {
    var node = cy.nodes(':selected').first();
    cy.edges().removeClass('highlight');
    if (node.empty()) return;
    node.connectedEdges().addClass('highlight');
    renderPanel(node);
  }

  cy.on('tap', 'node', function (event) {
    var node = event.target;
    select(node);
    expand(node.id()).catch(function () { /* shown in the toolbar */ });
  });

  // ---- side panel ------------------------------------------------------------------------------

  function graphiqlQuery(kind, id) {
    var lit = JSON.stringify(id);
    var papers = 'papers(first: 10) { totalCount nodes { id title } }';
    switch (kind) {
      case 'Paper':
        return [
          'query Paper {',
          '  paper(id: ' + lit + ') {',
          '    id',
          '    title',
          '    published { iso }',
          '    arxivId',
          '    url',
          '    authors',
          '    methods { role method { id name } evidence { field text sentence } }',
          '    datasets { dataset { id name } }',
          '    tasks { task { id name } }',
          '    metrics { metric { id name } }',
          '    concepts { concept { id name } }',
          '    results { dataset { name } metric { name } value kind raw }',
          '    repositories { repository { id name url } }',
          '    related(first: 5) { nodes { score paper { id title } shared { kind name } } }',
          '  }',
          '}',
        ].join('\n');
      case 'Method':
        return [
          'query Method {',
          '  method(by: { id: ' + lit + ' }) {',
          '    id',
          '    name',
          '    aliases',
          '    paperCount',
          '    proposedBy { id title }',
          '    usedBy(first: 10) { totalCount nodes { id title } }',
          '    tasks { id name }',
          '    datasets { id name }',
          '  }',
          '}',
        ].join('\n');
      case 'Dataset':
        return [
          'query Dataset {',
          '  dataset(by: { id: ' + lit + ' }) {',
          '    id',
          '    name',
          '    aliases',
          '    paperCount',
          '    tasks { id name }',
          '    metrics { id name higherIsBetter }',
          '    leaderboard { metric { name } setting rows { rank paper { id title } method { name } result { value split raw } } }',
          '    ' + papers,
          '  }',
          '}',
        ].join('\n');
      case 'Task':
        return ['query Task {', '  task(by: { id: ' + lit + ' }) {', '    id', '    name', '    aliases', '    paperCount', '    ' + papers, '  }', '}'].join('\n');
      case 'Concept':
        return [
          'query Concept {',
          '  concept(by: { id: ' + lit + ' }) {',
          '    id',
          '    name',
          '    aliases',
          '    paperCount',
          '    broader { id name }',
          '    narrower { id name }',
          '    related(first: 10) { weight concept { id name } }',
          '    ' + papers,
          '  }',
          '}',
        ].join('\n');
      case 'Repository':
        return ['query Repository {', '  repository(by: { id: ' + lit + ' }) {', '    id', '    name', '    owner', '    repo', '    url', '    ' + papers, '  }', '}'].join('\n');
      default:
        return [
          'query Node {',
          '  node(id: ' + lit + ') {',
          '    id',
          '    ... on Metric { name aliases higherIsBetter paperCount ' + papers + ' }',
          '    ... on Entity { name aliases paperCount }',
          '  }',
          '}',
        ].join('\n');
    }
  }

  function graphiqlHref(kind, id) {
    var url = new URL('/playground', window.location.href);
    url.searchParams.set('query', graphiqlQuery(kind, id));
    return url.pathname + url.search;
  }

  function renderPanel(node) {
    panel.textContent = '';
    if (!node || node.empty() || node.removed()) {
      panel.appendChild(el('p', { class: 'kg-panel-empty', text: 'Select a node to see its details.' }));
      return;
    }
    var kind = node.data('kind');
    var id = node.id();
    var details = [
      el('dt', { text: 'Id' }),
      el('dd', {}, [el('code', { 'data-testid': 'panel-id', text: id })]),
    ];
    if (node.data('paperCount') !== undefined) {
      details.push(el('dt', { text: 'Papers' }), el('dd', { 'data-testid': 'panel-paper-count', text: String(node.data('paperCount')) }));
    }
    var neighbours = node.neighborhood('node').sort(byKindThenName);
    details.push(el('dt', { text: 'On graph' }), el('dd', { text: neighbours.length + ' linked ' + (neighbours.length === 1 ? 'node' : 'nodes') }));

    var actions = [
      el('a', {
        href: graphiqlHref(kind, id),
        target: '_blank',
        rel: 'noopener',
        'data-testid': 'panel-graphiql-link',
        text: 'Open in GraphiQL ↗',
      }),
    ];
    if (!node.hasClass('expanded')) {
      actions.push(el('button', {
        type: 'button',
        'data-testid': 'panel-expand',
        text: 'Expand',
        onclick: function () { expand(id).catch(function () {}); },
      }));
    } else if (node.data('totalPapers') > node.data('shownPapers')) {
      actions.push(el('p', {
        class: 'kg-status',
        text: 'Showing ' + node.data('shownPapers') + ' of ' + node.data('totalPapers') + ' papers.',
      }));
    }

    panel.appendChild(el('span', { class: 'kg-kind', 'data-testid': 'panel-kind', style: '--kind-color: ' + kindColor(kind), text: kind }));
    panel.appendChild(el('h2', { 'data-testid': 'panel-name', text: node.data('name') }));
    panel.appendChild(el('dl', {}, details));
    panel.appendChild(el('div', { class: 'kg-panel-actions' }, actions));
    if (neighbours.length) {
      panel.appendChild(el('h3', { text: 'Linked on the graph' }));
      panel.appendChild(el('ul', { class: 'kg-neighbours', 'data-testid': 'panel-neighbours' }, neighbours.map(function (n) {
        return el('li', {}, [dot(n.data('kind')), el('span', { text: n.data('name') })]);
      })));
    }
  }

  // ---- search ----------------------------------------------------------------------------------

  async function search(query) {
    searchStatus.textContent = 'Searching…';
    resultsList.textContent = '';
    try {
      var data = await graphql(SEARCH, { query: query, kinds: SEARCH_KINDS, first: 20 });
      var hits = data.search ? data.search.nodes : [];
      searchStatus.textContent = hits.length
        ? hits.length + (hits.length === 1 ? ' result' : ' results') + ' for “' + query + '”'
        : 'Nothing found for “' + query + '”.';
      hits.forEach(function (hit) {
        var kind = kindName(hit.kind);
        resultsList.appendChild(el('li', {}, [
          el('button', {
            type: 'button',
            'data-testid': 'explorer-result',
            'data-id': hit.id,
            'data-kind': kind,
            title: hit.id,
            onclick: function (event) { choose(hit.id, event.currentTarget); },
          }, [dot(kind), el('span', { class: 'kg-result-name', text: hit.name }), el('span', { class: 'kg-result-kind', text: kind })]),
        ]));
      });
    } catch (error) {
      searchStatus.textContent = 'Search failed: ' + error.message;
    }
  }

  async function choose(id, button) {
    resultsList.querySelectorAll('button[aria-current]').forEach(function (b) { b.removeAttribute('aria-current'); });
    if (button) button.setAttribute('aria-current', 'true');
    var params = new URLSearchParams(window.location.search);
    params.set('id', id);
    window.history.replaceState(null, '', window.location.pathname + '?' + params.toString());
    try {
      var node = await expand(id);
      select(node);
      ensureVisible(node);
    } catch (error) {
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

  byTestId('explorer-fit').addEventListener('click', function () { cy.fit(undefined, 40); });
  byTestId('explorer-clear').addEventListener('click', function () {
    cy.elements().remove();
    updateCount();
    renderPanel(null);
    showError(null);
    window.history.replaceState(null, '', window.location.pathname);
  });

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

  /** For tests and the console. */
  window.kgExplorer = { cy: cy, expand: expand, select: select, graphiqlQuery: graphiqlQuery };
})();
