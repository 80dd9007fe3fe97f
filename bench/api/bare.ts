/**
 * The comparison target "(a)" of bench/api.ts: the hand-written Cypher of each query run through
 * neo4j-driver behind the smallest HTTP server node:http allows, so that autocannon measures the
 * same HTTP path as for the GraphQL servers. `POST /<query name>` with the parameters as a JSON
 * body; the answer is `{"data": {<column>: <value>}}` from the statement's one row.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';
import type { BenchQuery } from './queries.js';
import type { RunningTarget } from './neo4j-graphql.js';

export async function startBare(driver: Driver, database: string, queries: readonly BenchQuery[]): Promise<RunningTarget> {
  const byPath = new Map(queries.map((q) => [`/${q.name}`, q]));
  const server = createServer((req, res) => void handle(req, res));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const query = byPath.get(req.url ?? '');
    if (!query || req.method !== 'POST') return send(res, 404, { errors: [{ message: `no query at ${req.method} ${req.url}` }] });
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const params = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      // Cypher wants integers for LIMIT and slices; JSON numbers reach the driver as floats.
      for (const key of query.bare.intParams ?? []) params[key] = neo4j.int(params[key] as number);
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      try {
        // An auto-commit query, as our store sends its reads: one round trip, not BEGIN/RUN/COMMIT.
        const records = (await session.run(query.bare.cypher, params)).records;
        const record = records[0];
        send(res, 200, { data: record ? Object.fromEntries(record.keys.map((k) => [k, record.get(k)])) : null });
      } finally {
        await session.close();
      }
    } catch (error) {
      send(res, 500, { errors: [{ message: (error as Error).message }] });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
