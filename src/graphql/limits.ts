import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isListType,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { searchTerms } from '../store/rank-search.js';
import { ApiError, ApiErrorCode, badInput } from './api-error.js';

/** The limits that keep one request from taking the server down; documented in the README. */
export const LIMITS = {
  /** Most items one list field may return (`first`, `last`). */
  maxFirst: 100,
  /** Nesting of fields below the root (a root field's children are at depth 1). */
  maxDepth: 10,
  /**
   * Cost: each field 1; a connection its page size (`last` when given, else `first`) times the cost of one item
   * (`nodes` and `edges` are the same items), `pageInfo` and `totalCount` once; a plain list its children
   * times its `first`, or an estimate of 10 without one. Aliases each count.
   */
  maxComplexity: 20_000,
  /** Lexical tokens in one document: bounds the parser's and validators' work on hostile input. */
  maxTokens: 10_000,
  /** Longest a request may run before it is answered with a TIMEOUT error. */
  timeoutMs: 10_000,
  /** Largest request body. */
  maxBodyBytes: 100 * 1024,
  maxIngestPapers: 100,
  /**
   * Words in one search text (`search`, `papers(filter: {text})`, look-ups by name), and its
   * length: each word is a clause of the index query and a term to score, so a 1,200-word search
   * held a core for seconds (and overflowed Lucene's clause limit on Neo4j).
   */
  maxSearchTerms: 32,
  maxSearchLength: 1_000,
} as const;

/** The page size a connection is costed at when the query gives none and the schema has no default. */
const DEFAULT_PAGE = 20;
/** Items assumed for a list without `first` (a paper's methods, a leaderboard's rows). */
const UNPAGED_LIST_ESTIMATE = 10;

/** The refusal of a page size out of range, the same from the cost check and the resolvers. */
function pageSizeError(argumentName: string, value: unknown): ApiError {
  return badInput(argumentName, `${argumentName} must be an integer from 0 to ${LIMITS.maxFirst}; got ${String(value)}.`, { max: LIMITS.maxFirst });
}

/**
 * The page size `first` (or `last`, named by `argumentName`) asks for, `fallback` when it is not
 * given. Throws BAD_USER_INPUT when it is out of 0..maxFirst: refused, never silently clamped.
 */
export function checkFirst(first: number | null | undefined, fallback: number, argumentName = 'first'): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 0 || value > LIMITS.maxFirst) throw pageSizeError(argumentName, value);
  return value;
}

/** A search text within the search limits, trimmed; BAD_USER_INPUT naming the argument otherwise. */
export function checkSearchText(text: string, argumentName: string): string {
  const trimmed = text.trim();
  if (trimmed.length > LIMITS.maxSearchLength) {
    throw badInput(argumentName, `${argumentName} must be at most ${LIMITS.maxSearchLength} characters; got ${trimmed.length}.`, {
      max: LIMITS.maxSearchLength,
    });
  }
  const terms = searchTerms(trimmed).length;
  if (terms > LIMITS.maxSearchTerms)
    throw badInput(argumentName, `${argumentName} must have at most ${LIMITS.maxSearchTerms} words; got ${terms}.`, { max: LIMITS.maxSearchTerms });
  return trimmed;
}

/**
 * Refuses operations nested deeper than `LIMITS.maxDepth`. Each fragment's depth is computed once,
 * so fragments that spread each other many times cost linear work, and a fragment cycle counts as
 * depth 0 here: graphql-js's NoFragmentCyclesRule reports it. (graphql-depth-limit, used before,
 * recursed into self-spreading fragments until the stack overflowed, and re-walked every spread.)
 * Introspection fields (`__schema`, `__type`) are not counted: GraphiQL's schema query is deep.
 */
export function depthRule(context: ValidationContext): ASTVisitor {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const fragmentDepths = new Map<string, number>();
  const onPath = new Set<string>();
  const fragmentDepth = (name: string): number => {
    const known = fragmentDepths.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    // Unknown fragments and cycles are other rules' errors.
    if (!fragment || onPath.has(name)) return 0;
    onPath.add(name);
    const depth = depthBelow(fragment.selectionSet);
    onPath.delete(name);
    fragmentDepths.set(name, depth);
    return depth;
  };
  const depthBelow = (selectionSet: SelectionSetNode): number => {
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.selectionSet && !selection.name.value.startsWith('__')) deepest = Math.max(deepest, 1 + depthBelow(selection.selectionSet));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthBelow(selection.selectionSet));
      } else {
        deepest = Math.max(deepest, fragmentDepth(selection.name.value));
      }
    }
    return deepest;
  };
  return {
    OperationDefinition(operation) {
      const depth = depthBelow(operation.selectionSet);
      if (depth > LIMITS.maxDepth) {
        const name = operation.name?.value ?? '';
        context.reportError(
          new GraphQLError(`'${name}' exceeds maximum operation depth of ${LIMITS.maxDepth}: it nests ${depth} levels. Split it into several requests.`, {
            nodes: operation,
          }),
        );
      }
      return false;
    },
  };
}

/** The fields named `nodes` and `edges` in a connection's selection, through fragments. */
function itemFields(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): FieldNode[] {
  const found: FieldNode[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === 'nodes' || selection.name.value === 'edges') found.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      found.push(...itemFields(selection.selectionSet, fragments, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      found.push(...itemFields(fragments.get(selection.name.value)?.selectionSet, fragments, seen));
    }
  }
  return found;
}

/** A page size as costed: within 0..maxFirst (the resolver refuses values outside it), `fallback` when none. */
function costedSize(value: unknown, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(LIMITS.maxFirst, Math.max(0, Math.floor(value)));
}

/**
 * The cost of each field of one document. graphql-query-complexity calls it children first, so
 * a connection's `nodes`/`edges` record the cost of one item, and the connection multiplies those
 * by its page size once — the page's items are read once however they are selected.
 */
function createCostEstimator(document: DocumentNode): ComplexityEstimator {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const itemCosts = new WeakMap<FieldNode, number>();
  return ({ args, childComplexity, field, type: parent, node }) => {
    // Introspection (GraphiQL's schema query) reads the static schema: it costs nothing.
    if (field.name.startsWith('__') || parent.name.startsWith('__')) return 0;
    // A page size out of range is costed at the cap: the field's resolver refuses it with its own
    // message, as an error of that field alone, so sibling fields still answer.
    if (parent.name.endsWith('Connection') && (field.name === 'nodes' || field.name === 'edges')) {
      itemCosts.set(node, childComplexity);
      return childComplexity;
    }
    if (getNamedType(field.type).name.endsWith('Connection')) {
      const items = itemFields(node.selectionSet, fragments).reduce((sum, item) => sum + (itemCosts.get(item) ?? 0), 0);
      const pageSize = costedSize(args['last'] ?? args['first'], DEFAULT_PAGE);
      return 1 + Math.max(0, childComplexity - items) + pageSize * items;
    }
    if (isListType(getNullableType(field.type))) {
      const size = costedSize(args['first'], UNPAGED_LIST_ESTIMATE);
      return 1 + childComplexity * Math.max(1, size);
    }
    return 1 + childComplexity;
  };
}

/**
 * The cost of an operation for given variables (see LIMITS.maxComplexity), or null when the
 * variables do not fit the operation (execution then reports each one as BAD_USER_INPUT before any
 * resolver runs). Throws QUERY_TOO_COMPLEX when the document is too large to cost.
 */
export function estimateCost(options: {
  schema: Parameters<typeof getComplexity>[0]['schema'];
  document: DocumentNode;
  operationName?: string;
  variables: Record<string, unknown>;
}): number | null {
  const operation = options.document.definitions.find(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && (options.operationName === undefined || definition.name?.value === options.operationName),
  );
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return null;
  if (getVariableValues(options.schema, operation.variableDefinitions ?? [], options.variables).errors) return null;
  try {
    return getComplexity({
      schema: options.schema,
      query: options.document,
      ...(options.operationName !== undefined ? { operationName: options.operationName } : {}),
      variables: options.variables,
      estimators: [createCostEstimator(options.document)],
      maxQueryNodes: LIMITS.maxTokens,
    });
  } catch (error) {
    if (error instanceof ApiError || !(error instanceof GraphQLError)) throw error;
    // The costing library's own refusal: more fields than it will walk (fragments spread many times).
    throw new ApiError(ApiErrorCode.QUERY_TOO_COMPLEX, `Query is too large to cost: ${error.message} Ask for fewer fields.`, { max: LIMITS.maxComplexity });
  }
}

/** Refuses an operation whose estimated cost is over the cap, before anything runs. */
export function complexityPlugin<T extends object>(): ApolloServerPlugin<T> {
  // The cost of a parsed document (Apollo keeps one object per query text) for given variables:
  // clients repeat the same few queries, so each is costed once, not on every request.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          // No operation: execution answers OPERATION_RESOLUTION_FAILURE.
          if (!operation) return;
          // graphql-js validates a subscription against a schema without one, then fails it in execution as a server error.
          if (!schema.getRootType(operation.operation)) {
            throw new ApiError(
              ApiErrorCode.GRAPHQL_VALIDATION_FAILED,
              `This API has no ${operation.operation} operations; send a query (or the ingest mutation).`,
            );
          }
          const operationName = operation.name?.value;
          const variables = request.variables ?? {};
          let key: string | undefined;
          try {
            key = `${operationName ?? ''}|${JSON.stringify(variables)}`;
          } catch {
            // Variables nested too deep to serialise: costed, not cached.
          }
          let known = costs.get(document);
          if (!known) costs.set(document, (known = new Map()));
          let complexity = key === undefined ? undefined : known.get(key);
          if (complexity === undefined) {
            const estimated = estimateCost({ schema, document, ...(operationName !== undefined ? { operationName } : {}), variables });
            if (estimated === null) return;
            complexity = estimated;
            // Bounded: variables vary without limit (ingest posts whole papers).
            if (key !== undefined && key.length <= 1_000 && known.size < 100) known.set(key, complexity);
          }
          if (complexity > LIMITS.maxComplexity) {
            throw new ApiError(
              ApiErrorCode.QUERY_TOO_COMPLEX,
              `Query is too costly: estimated cost ${complexity}, the limit is ${LIMITS.maxComplexity}. Ask for fewer items (first) or fewer fields.`,
              { complexity, max: LIMITS.maxComplexity },
            );
          }
        },
      };
    },
  };
}
