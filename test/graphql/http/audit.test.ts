import { serverAudits } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { useCorpusServers } from '../serve-corpus.js';

/**
 * graphql-http's GraphQL-over-HTTP audit against the real server on each store: no MUST failed
 * (error) and no SHOULD missed (warn). MAY items (notices) are reported, not required.
 */

const servers = useCorpusServers();

describe.each(['embedded', 'neo4j'])('the GraphQL-over-HTTP audit on the %s store', (name) => {
  it('passes every MUST and SHOULD audit', async (context) => {
    const target = servers().find((s) => s.name === name);
    if (!target) return context.skip();
    const results = await Promise.all(serverAudits({ url: `${target.server.url}/graphql`, fetchFn: fetch }).map((audit) => audit.fn()));
    const problems = results
      .filter((result) => result.status === 'error' || result.status === 'warn')
      .map((result) => `${result.status} ${result.id} ${result.name}: ${'reason' in result ? result.reason : ''}`);
    const notices = results.filter((result) => result.status === 'notice').map((result) => `${result.id} ${result.name}`);
    console.info(
      `graphql-http audit on ${name}: ${results.length} audits, ${problems.length} errors or warnings, ${notices.length} MAY not taken${notices.length ? `:\n  ${notices.join('\n  ')}` : ''}`,
    );
    expect(results.length).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });
});
