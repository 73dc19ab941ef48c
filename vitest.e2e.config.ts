import { defineConfig } from 'vitest/config'

// Browser tests drive Debian's Chromium through playwright-core. One file at a time: each launches a browser
// and a server, and two of those at once on two cores make timings flaky. scripts/test.ts runs this config.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    // The demo authority is seeded once per run; each file starts Hearth on a copy of it.
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
