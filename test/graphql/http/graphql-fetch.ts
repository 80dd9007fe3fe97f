/** A GraphQL response as the tests read it. */
export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

export interface Answer {
  status: number;
  contentType: string;
  body: GraphQLBody;
  text: string;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: GraphQLBody = {};
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    // Not JSON: the test reads `text`.
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body, text };
}

/** POSTs a GraphQL request (or any raw body) to `${url}/graphql`. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return answer(response);
}

/** GETs a GraphQL request with its parameters in the query string. */
export async function get(
  url: string,
  params: { query: string; variables?: Record<string, unknown>; operationName?: string },
  headers: Record<string, string> = {},
): Promise<Answer> {
  const search = new URLSearchParams({ query: params.query });
  if (params.variables) search.set('variables', JSON.stringify(params.variables));
  if (params.operationName) search.set('operationName', params.operationName);
  return answer(await fetch(`${url}/graphql?${search}`, { headers }));
}

/** The `extensions.code` of each error. */
export const codes = (body: GraphQLBody): unknown[] => (body.errors ?? []).map((error) => error.extensions?.['code']);
