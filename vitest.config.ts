import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/globalSetup.ts'],
    pool: 'forks',
    execArgv: ['--disable-warning=DEP0111'], // restify 11 touches process.binding: noise, not a fault
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
