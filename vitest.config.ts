import { defineConfig } from 'vitest/config'

// Unit tests sit beside the code (src/**/*.test.ts); tests that cross layers live in test/integration.
// Browser tests have their own config (vitest.e2e.config.ts) because they need a running server and Chromium.
export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'seed/**/*.test.ts',
      'scripts/**/*.test.ts',
      'test/integration/**/*.test.ts',
    ],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
