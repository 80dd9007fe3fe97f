import type { ApolloServerPlugin } from '@apollo/server';
import Negotiator from 'negotiator';
import { ApiErrorCode } from './api-error.js';

/** Errors that refuse the whole request before anything runs: the document, its variables, its cost. */
const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set([
  ApiErrorCode.GRAPHQL_PARSE_FAILED,
  ApiErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApiErrorCode.BAD_USER_INPUT,
  ApiErrorCode.QUERY_TOO_COMPLEX,
  ApiErrorCode.OPERATION_RESOLUTION_FAILURE,
]);

/** Whether the client prefers `application/graphql-response+json` to `application/json` (as Apollo negotiates it). */
export function prefersGraphQLResponseJson(accept: string | undefined): boolean {
  if (!accept) return false;
  return new Negotiator({ headers: { accept } }).mediaType(['application/json', 'application/graphql-response+json']) === 'application/graphql-response+json';
}

/**
 * Sets the status of a request error (parse, validation, variables, page size, cost) as the
 * GraphQL-over-HTTP spec asks: 200 for `application/json` (which Apollo Client and urql then read
 * as GraphQL errors rather than a bare network error) and 400 for
 * `application/graphql-response+json`. Apollo alone answers 400 for both, and 500 for errors our
 * plugins throw; statuses it chose on purpose (405 for a mutation over GET) are kept.
 */
export function responseStatusPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data !== undefined || !errors?.length) return;
          if (!errors.every((error) => REQUEST_ERROR_CODES.has(String(error.extensions?.['code'])))) return;
          const status = response.http.status;
          if (status !== undefined && status !== 400 && status !== 500) return;
          response.http.status = prefersGraphQLResponseJson(request.http?.headers.get('accept')) ? 400 : 200;
        },
      };
    },
  };
}
