import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectedFields } from '../../src/graphql/lookahead.js';

const schema = buildSchema(`
  interface Node { id: ID! }
  interface Entity { id: ID! papers(first: Int = 20, after: String): [Paper!]! }
  type Paper implements Node { id: ID! title: String! methods: [Method!]! }
  type Method implements Node & Entity { id: ID! name: String! papers(first: Int = 20, after: String): [Paper!]! }
  type Query { node(id: ID!): Node method: Method }
`);

/** What `selectedFields` sees from the resolver of Query.node (as Method) or Query.method. */
async function seen(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, Record<string, unknown>>> {
  let fields = new Map<string, Record<string, unknown>>();
  // Functions on the root value are called with (args, context, info).
  const capture = (_: unknown, __: unknown, info: GraphQLResolveInfo) => {
    fields = selectedFields(info, 'Method');
    return { __typename: 'Method', id: 'method:x', name: 'X', papers: [] };
  };
  const result = await graphql({ schema, source: query, variableValues: variables, rootValue: { node: capture, method: capture } });
  expect(result.errors).toBeUndefined();
  return Object.fromEntries(fields);
}

describe('lookahead', () => {
  it('lists the fields asked of the returned object with their argument values, defaults included', async () => {
    expect(await seen('{ method { id name papers { id } } }')).toEqual({ id: {}, name: {}, papers: { first: 20 } });
    expect(await seen('query ($n: Int, $c: String) { method { papers(first: $n, after: $c) { id } } }', { n: 3, c: 'abc' })).toEqual({
      papers: { first: 3, after: 'abc' },
    });
  });

  it('follows fragment spreads and inline fragments on the type or an interface it implements', async () => {
    const query = `
      query { node(id: "method:x") { id ...M ... on Entity { papers(first: 2) { id } } ... on Paper { title } } }
      fragment M on Method { name }`;
    expect(await seen(query)).toEqual({ id: {}, name: {}, papers: { first: 2 } });
  });

  it('keeps the first occurrence of a field asked twice under aliases', async () => {
    expect(await seen('{ method { a: papers(first: 1) { id } b: papers(first: 5) { id } } }')).toEqual({ papers: { first: 1 } });
  });
});
