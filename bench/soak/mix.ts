/**
 * The mixed read traffic of `npm run bench:soak`: what clients of the API send every day, on ids
 * of the sample corpus (bench/api/queries.ts IDS) — a paper with all its entities, a dataset's
 * papers and leaderboard, searches, look-ups by name, browse lists, related papers, shared
 * benchmarks and a path between two concepts. Each connection sends them in turn.
 */
import { IDS, QUERIES } from '../api/queries.js';

export interface SoakQuery {
  name: string;
  body: { query: string; variables?: Record<string, unknown> };
}

const ours = (name: string): SoakQuery => {
  const query = QUERIES.find((q) => q.name === name);
  if (!query) throw new Error(`bench/api/queries.ts has no query ${name}`);
  return { name, body: query.ours };
};

export const MIX: SoakQuery[] = [
  ours('paper'),
  ours('search'),
  {
    name: 'methodByName',
    body: { query: `query M($name: String!) { method(by: { name: $name }) { id name aliases paperCount } }`, variables: { name: 'LoRA' } },
  },
  ours('papersOfDataset'),
  {
    name: 'browseMethods',
    body: { query: `{ methods(first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { id name paperCount } } }` },
  },
  ours('leaderboard'),
  {
    name: 'related',
    body: {
      query: `query R($id: ID!) { paper(id: $id) { id related(first: 10) { totalCount nodes { score paper { id title } shared { nodeId name } } } } }`,
      variables: { id: IDS.paper },
    },
  },
  {
    name: 'searchPapers',
    body: { query: `{ papers(first: 20, filter: { text: "diffusion model" }) { totalCount nodes { id title published { iso } } } }` },
  },
  ours('sharedBenchmarks'),
  {
    name: 'datasetByName',
    body: { query: `query D($name: String!) { dataset(by: { name: $name }) { id name paperCount } }`, variables: { name: 'COCO' } },
  },
  ours('connection'),
  {
    name: 'browseDatasets',
    body: { query: `{ datasets(first: 20, filter: { minPapers: 2 }) { totalCount nodes { id name paperCount } } }` },
  },
];
