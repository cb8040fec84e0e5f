import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// The fast suites only, for mutation testing (each mutant reruns the tests that cover it).
export default defineConfig({
  resolve: { alias: { '@shared': resolve('shared') } },
  test: { root: '.', include: ['test/unit/**/*.test.ts'], pool: 'forks', globals: true, testTimeout: 30_000 },
});
