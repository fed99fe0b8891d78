import { defineConfig } from 'vitest/config';

// The tiers (docs/CONVENTIONS.md, "Tests"): unit (pure logic, seconds), system (a real database file or process:
// durability under strace, the data inventory), integration (the app in-process on a database; both engines), browser
// (Chromium). `npm test` runs them all as CI does; `npm run test:fast` runs unit and the integration tests of what changed.
export default defineConfig({
  test: {
    // Vitest leaves one core free by default; on the two-core machines that runs one file at a time. Tests wait on
    // databases and child processes often enough that two at a time finish much sooner.
    maxWorkers: 2,
    // One embedded PostgreSQL server for the run (or the one TEST_DATABASE_URL names); each file makes its database.
    globalSetup: ['tests/support/global-db.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          exclude: ['src/**/*.int.test.ts', 'src/**/*.system.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'system',
          include: ['src/**/*.system.test.ts', 'tests/system/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
