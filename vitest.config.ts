import { defineConfig } from 'vitest/config';

/**
 * Integration tests: they start servers, processes or browsers, or use the one shared Neo4j
 * database, so their files run one at a time. Everything else is a unit test and runs in parallel.
 * A new integration test goes under one of these folders or is named `*.int.test.ts`.
 */
const INTEGRATION = ['test/graphql/**/*.test.ts', 'test/web/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/store/**/*.test.ts', 'test/**/*.int.test.ts'];

export default defineConfig({
  resolve: {
    // Node resolves `graphql` to its CommonJS build (as Apollo Server, loaded by Node, uses it);
    // Vite would pick its ES build for our code: two graphql instances that reject each other's types.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Stopping the local Neo4j takes a few seconds more than vitest's default.
    teardownTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: INTEGRATION,
          fileParallelism: true,
          // Unit files finish first, so they do not compete with the integration servers for the cores.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION,
          // Only integration tests use Neo4j: it is started (when NEO4J_URI is unset) for them alone.
          globalSetup: ['test/setup/neo4j-global-setup.ts'],
          // One Neo4j database and fixed resources (ports, data folders) serve every file: one file at a time.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
