import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Tests pin UTC so that date resolution never depends on the laptop's zone.
    env: { TZ: 'UTC' },
    testTimeout: 20_000,
    // Creating and dropping PostgreSQL databases and starting worker pools can take a while on a busy 2-core machine.
    hookTimeout: 60_000,
    setupFiles: ['test/setup.ts'],
  },
});
