import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/globalSetup.ts'],
    pool: 'forks',
    // Two cores here and in CI: run two test files at a time (vitest would otherwise keep one core for itself).
    maxWorkers: 2,
    execArgv: ['--disable-warning=DEP0111'], // restify 11 touches process.binding: noise, not a fault
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
