import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // A temporary folder for the run, which must be empty again at the end (test/setup/temp-dir.ts).
    globalSetup: ['test/setup/temp-dir.ts'],
    env: { FORCE_COLOR: '0' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
