import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    env: { FORCE_COLOR: '0' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
