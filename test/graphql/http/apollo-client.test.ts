import { ApolloClient, gql, HttpLink, InMemoryCache, type TypedDocumentNode } from '@apollo/client/core';
import { relayStylePagination } from '@apollo/client/utilities';
import { filter, firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { useCorpusServers } from '../serve-corpus.js';

/**
 * Apollo Client (core, no React) as a frontend uses it: pages through every paper with
 * `relayStylePagination()` over real HTTP, by POST and by GET, and keeps them in its normalised
 * cache — on each store.
 */

interface Page {
  papers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: { __typename: 'Paper'; id: string; title: string } }>;
  };
}

const PAGE: TypedDocumentNode<Page, { first: number; after?: string | null }> = gql`
  query Papers($first: Int!, $after: String) {
    papers(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id title } }
    }
  }
`;

const servers = useCorpusServers();

describe.each(['embedded', 'neo4j'])('Apollo Client on the %s store', (name) => {
  it.for([
    ['POST', false],
    ['GET', true],
  ] as const)('pages through every paper once by %s, into the normalised cache', async ([, useGET], context) => {
    const target = servers().find((s) => s.name === name);
    if (!target) return context.skip();
    const requests: string[] = [];
    const client = new ApolloClient({
      link: new HttpLink({
        uri: `${target.server.url}/graphql`,
        useGETForQueries: useGET,
        fetch: async (input, init) => {
          requests.push(init?.method ?? 'GET');
          return fetch(input, init);
        },
      }),
      cache: new InMemoryCache({ typePolicies: { Query: { fields: { papers: relayStylePagination(['filter', 'orderBy']) } } } }),
    });
    try {
      const observable = client.watchQuery({ query: PAGE, variables: { first: 100 } });
      const complete = observable.pipe(filter((result) => result.dataState === 'complete' && !result.loading));
      let page = (await firstValueFrom(complete)).data as Page;
      let fetches = 1;
      while (page.papers.pageInfo.hasNextPage) {
        await observable.fetchMore({ variables: { after: page.papers.pageInfo.endCursor } });
        page = observable.getCurrentResult().data as Page;
        fetches++;
        expect(fetches).toBeLessThan(50);
      }
      const ids = page.papers.edges.map((edge) => edge.node.id);
      expect(page.papers.totalCount).toBeGreaterThan(400);
      expect(ids).toHaveLength(page.papers.totalCount);
      expect(new Set(ids).size).toBe(ids.length);
      expect(fetches).toBe(Math.ceil(page.papers.totalCount / 100));
      expect(new Set(requests)).toEqual(new Set([useGET ? 'GET' : 'POST']));
      // Normalised: each paper is one cache entry, the connection holds references to them.
      const cache = client.cache.extract() as Record<string, { __typename?: string; id?: string; title?: string }>;
      for (const id of ids) expect(cache[`Paper:${id}`]?.title, id).toEqual(expect.any(String));
      expect(Object.keys(cache).filter((key) => key.startsWith('Paper:'))).toHaveLength(ids.length);
    } finally {
      client.stop();
    }
  });
});
