// Vitest configuration: one real Neo4j per run (started by the global setup unless NEO4J_URI is set).
// Test files run one at a time because the integration tests share that one database.

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    // A Neo4j test must fail when the database is unreachable, never pass by having run nothing.
    passWithNoTests: false,
  },
});
