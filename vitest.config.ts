import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Node resolves `graphql` to its CommonJS build (as Apollo Server, loaded by Node, uses it);
    // Vite would pick its ES build for our code: two graphql instances that reject each other's types.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/neo4j-global-setup.ts'],
    // One Neo4j database serves every test file that needs it, so files run one at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Stopping the local Neo4j takes a few seconds more than vitest's default.
    teardownTimeout: 60_000,
  },
});
