import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * Every code an API error can carry. Clients switch on these; the README lists them. A code here is
 * a client's mistake or a known condition; anything else reaches clients as INTERNAL_SERVER_ERROR.
 */
export const ApiErrorCode = {
  /** An argument or variable value the API cannot use (out of range, unknown id, wrong cursor). */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** The operation is over a limit (cost, depth, aliases, page size): ask for less. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** The operation is not allowed on this server (ingest without an API key configured). */
  FORBIDDEN: 'FORBIDDEN',
  /** The operation needs the API key and the request did not carry a valid one. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The request took longer than the time limit and was stopped. */
  TIMEOUT: 'TIMEOUT',
  /** The server is at capacity (HTTP 503 with `Retry-After`): retry after that many seconds. */
  OVERLOADED: 'OVERLOADED',
  /** The graph store could not answer; retrying later may succeed. */
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  /** The query text is not GraphQL (a syntax error, or over the token limit); `locations` point at it. */
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  /** The query does not fit the schema (unknown field, wrong argument type, fragment cycle, too deep). */
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** `operationName` names no operation of the document, or the document has several and none was named. */
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  /** The HTTP request is not a GraphQL request (no query, body not JSON, a mutation over GET). */
  BAD_REQUEST: 'BAD_REQUEST',
  /** An automatic persisted query's hash is not known yet: send the query text with it. */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** The request body is over the size limit. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** A bug or an unexpected failure; the message is masked and the error logged on the server. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

/** The one error type resolvers and plugins throw: a message for people, a code for programs. */
export class ApiError extends GraphQLError {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** Extra machine-readable details (`argumentName`, `max`…), sent in `extensions`. */
    details: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { ...details, code } });
    this.name = 'ApiError';
  }
}

/** A bad argument value, naming the argument. */
export function badInput(argumentName: string, message: string, details: Record<string, unknown> = {}): ApiError {
  return new ApiError(ApiErrorCode.BAD_USER_INPUT, message, { argumentName, ...details });
}

/** A GraphQL-shaped error body for refusals made before GraphQL runs (body, timeout, content type, capacity). */
export function errorBody(code: ApiErrorCode, message: string): { errors: GraphQLFormattedError[] } {
  return { errors: [{ message, extensions: { code } }] };
}
