import { GraphQLError, type DocumentNode, type ValidationRule } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';

/** The limits that keep one request from taking the server down; documented in the README. */
export const LIMITS = {
  /** Most items one list field may return (`first`). */
  maxFirst: 100,
  maxDepth: 10,
  /** Cost: each field 1, a list field its children times its `first`; aliases each count. */
  maxComplexity: 20_000,
  /** Longest a request may run before it is answered with a TIMEOUT error. */
  timeoutMs: 10_000,
  /** Largest request body. */
  maxBodyBytes: 100 * 1024,
  maxIngestPapers: 100,
} as const;

/** Refuses, rather than clamps, a page size over the cap. */
export function checkFirst(first: number | null | undefined, fallback: number, argumentName: 'first' | 'last' = 'first'): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 0 || value > LIMITS.maxFirst) {
    throw new GraphQLError(`"${argumentName}" must be an integer from 0 to ${LIMITS.maxFirst}; got ${value}.`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName, max: LIMITS.maxFirst },
    });
  }
  return value;
}

export const depthRule: ValidationRule = depthLimit(LIMITS.maxDepth);

const UNPAGED_LIST_ESTIMATE = 10;

// A list field costs its children times the items it may return.
const listEstimator: ComplexityEstimator = ({ args, childComplexity, field, type: parent }) => {
  // Introspection (GraphiQL's schema query) reads the static schema: it costs nothing.
  if (field.name.startsWith('__') || parent.name.startsWith('__')) return 0;
  const type = String(field.type);
  if (!type.includes('[') && !type.endsWith('Connection!') && !type.endsWith('Connection')) return undefined;
  // Paged lists cost their page size; the short per-paper lists (methods, datasets) an estimate.
  const first = typeof args['first'] === 'number' ? args['first'] : 'first' in args ? 20 : UNPAGED_LIST_ESTIMATE;
  return 1 + childComplexity * Math.max(1, first);
};

/** Refuses an operation whose estimated cost is over the cap, before anything runs. */
export function complexityPlugin<T extends object>(): ApolloServerPlugin<T> {
  // The cost of a parsed document (Apollo keeps one object per query text) for given variables:
  // clients repeat the same few queries, so each is costed once, not on every request.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const key = `${request.operationName ?? ''}|${JSON.stringify(request.variables ?? {})}`;
          let known = costs.get(document);
          if (!known) costs.set(document, (known = new Map()));
          let complexity = known.get(key);
          if (complexity === undefined) {
            complexity = getComplexity({
              schema,
              ...(request.operationName ? { operationName: request.operationName } : {}),
              query: document,
              variables: request.variables ?? {},
              estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
            // Bounded: variables vary without limit (ingest posts whole papers).
            if (key.length <= 1_000 && known.size < 100) known.set(key, complexity);
          }
          if (complexity > LIMITS.maxComplexity) {
            throw new GraphQLError(`Query is too costly: estimated cost ${complexity}, the limit is ${LIMITS.maxComplexity}. Ask for fewer items (first) or fewer fields.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', complexity, max: LIMITS.maxComplexity, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
