// Mutation testing of the rules in shared/domain, on demand (`npm run mutation`), not in CI:
// it changes the rules one small way at a time and reruns the unit and database tests; a
// mutant that no test notices is a rule no test really checks.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'test/vitest.mutation.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['shared/domain/**/*.ts'],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  concurrency: 2,
  timeoutMS: 60_000,
  thresholds: { high: 90, low: 75, break: null },
  tempDirName: '.stryker-tmp',
};
