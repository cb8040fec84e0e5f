import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@shared': resolve('shared') } },
  test: {
    root: '.',
    include: ['test/{unit,db,renderer,electron,postgres}/**/*.test.{ts,tsx}'],
    // better-sqlite3 is a native addon: separate processes, not worker threads.
    pool: 'forks',
    globals: true,
    testTimeout: 30_000,
    setupFiles: ['test/helpers/setup.ts'],
  },
});
