/**
 * The server `npm run bench:scale` measures, in a child process so that the load generator does
 * not share its event loop: our API over the Neo4j at BENCH_NEO4J_URI, as in production
 * (NODE_ENV=production). On `{type: 'profile', body}` it sends the request once, catches the read
 * statements the store runs for it (Neo4jStore.observeReads) and answers with each one's PROFILE:
 * the operators of its plan, the rows they produced and the database hits.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { startApp } from '../../src/app.js';
import { Neo4jStore } from '../../src/store/neo4j/neo4j-store.js';

export interface PlanOperator {
  operator: string;
  rows: number;
  dbHits: number;
  /** Rows fed into it (its children's rows): for a Sort, what it sorted. */
  input: number;
  details: string;
}

export interface StatementProfile {
  statement: string;
  dbHits: number;
  operators: PlanOperator[];
}

export type ScaleServerMessage =
  | { type: 'ready'; url: string }
  | { type: 'failed'; error: string }
  | { type: 'profiled'; profiles: StatementProfile[]; answer: string };

const uri = process.env['BENCH_NEO4J_URI'];
if (!uri || !process.send) throw new Error('bench/scale/server.ts is started by bench/scale.ts (fork, BENCH_NEO4J_URI)');
const send = (message: ScaleServerMessage): void => void process.send!(message);

function operators(plan: ProfiledPlan, into: PlanOperator[] = []): PlanOperator[] {
  const details = plan.arguments['Details'];
  into.push({
    operator: plan.operatorType.replace(/@.*$/, ''),
    rows: plan.rows,
    dbHits: plan.dbHits,
    input: plan.children.reduce((n, c) => n + c.rows, 0),
    details: typeof details === 'string' ? details.slice(0, 120) : '',
  });
  for (const child of plan.children) operators(child, into);
  return into;
}

const dir = await mkdtemp(join(tmpdir(), 'kg-bench-scale-'));
const connection = { uri, user: process.env['NEO4J_USER'] ?? 'neo4j', password: process.env['NEO4J_PASSWORD'] ?? '', database: 'neo4j' };
const store = await Neo4jStore.connect(connection);
const driver = neo4j.driver(uri, connection.password ? neo4j.auth.basic(connection.user, connection.password) : undefined, {
  disableLosslessIntegers: true,
  logging: { level: 'error', logger: () => {} },
});
try {
  const app = await startApp({ port: 0, dataDir: dir, corpusPaths: [], store });
  const stop = async (): Promise<void> => {
    await app.close();
    await store.close();
    await driver.close();
    await rm(dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('disconnect', () => void stop());
  process.on('message', (message: { type: string; body?: unknown }) => {
    if (message.type === 'stop') void stop();
    if (message.type !== 'profile') return;
    void (async () => {
      const caught: Array<{ statement: string; parameters: Record<string, unknown> }> = [];
      const unobserve = store.observeReads((statement, parameters) => caught.push({ statement, parameters }));
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message.body),
      });
      const answer = await response.text();
      unobserve();
      const profiles: StatementProfile[] = [];
      for (const { statement, parameters } of caught) {
        const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
        try {
          const result = await session.run(`PROFILE ${statement}`, parameters);
          const plan = result.summary.profile;
          if (!plan) continue;
          const ops = operators(plan);
          profiles.push({ statement: statement.trim(), dbHits: ops.reduce((n, o) => n + o.dbHits, 0), operators: ops });
        } finally {
          await session.close();
        }
      }
      send({ type: 'profiled', profiles, answer });
    })();
  });
  send({ type: 'ready', url: app.url });
} catch (error) {
  send({ type: 'failed', error: (error as Error).stack ?? String(error) });
  process.exit(1);
}
