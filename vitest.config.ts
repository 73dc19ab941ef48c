import { defineConfig } from 'vitest/config'

// Two projects: pure unit tests beside the code, which share workers (isolate: false makes the hundreds of
// small rule files fast); and integration tests, which each get a copy of a seeded
// database from the global setup. `npm test` runs both on PGlite, then only the integration project on a
// PostgreSQL server. Browser tests have their own config (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'seed/**/*.test.ts', 'scripts/**/*.test.ts'],
          // Rules read the record: their tests need a database, so they run with the integration tests.
          exclude: ['src/rules/**'],
          isolate: false,
          // Processes, not threads: the generator's tests open embedded PGlite (WebAssembly), and V8 has
          // aborted freeing WebAssembly memory in a worker thread ("Check failed: jit_page_->allocations_").
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'src/rules/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          pool: 'forks',
          // Each file builds its own app on its own copy of the database, so files can share a process: the
          // app's modules and PGlite's WebAssembly load once per worker, not once per file (~4 s of CPU each).
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
