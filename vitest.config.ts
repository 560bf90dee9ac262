import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Tests pin UTC so that date resolution never depends on the laptop's zone.
    env: { TZ: 'UTC' },
    testTimeout: 20_000,
    setupFiles: ['test/setup.ts'],
  },
});
