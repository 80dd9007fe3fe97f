// The GraphiQL page. Plain browser JavaScript over the UMD globals React, ReactDOM and GraphiQL,
// all served by this server from the project's npm dependencies.
(function () {
  'use strict';

  var examples = JSON.parse(document.getElementById('kg-examples').textContent || '[]');
  var params = new URLSearchParams(window.location.search);
  var urlQuery = params.get('query');
  var urlVariables = params.get('variables');

  // Every example is a tab. A ?query= link (from the explorer, or the examples menu) opens in
  // front of them; when GraphiQL has tabs saved from an earlier visit, it adds the query as a new
  // tab there instead (or switches to the tab that already holds it).
  var tabs = examples.map(function (example) {
    return { query: example.query, variables: example.variables };
  });
  if (urlQuery) tabs.unshift({ query: urlQuery, variables: urlVariables || undefined });

  var props = {
    fetcher: GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).href }),
    defaultTabs: tabs,
    defaultEditorToolsVisibility: 'variables',
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
  };
  if (urlQuery) props.query = urlQuery;
  if (urlVariables) props.variables = urlVariables;

  var root = document.getElementById('graphiql');
  root.textContent = '';
  ReactDOM.createRoot(root).render(React.createElement(GraphiQL, props));

  // The examples menu opens an example through the ?query= link, as a tab of its own.
  var select = document.querySelector('[data-testid="playground-examples"]');
  examples.forEach(function (example, index) {
    var option = document.createElement('option');
    option.value = String(index);
    option.textContent = example.title;
    select.appendChild(option);
  });
  select.addEventListener('change', function () {
    var example = examples[Number(select.value)];
    if (!select.value || !example) return;
    var url = new URL('/playground', window.location.href);
    url.searchParams.set('query', example.query);
    if (example.variables) url.searchParams.set('variables', example.variables);
    window.location.assign(url.href);
  });
})();
