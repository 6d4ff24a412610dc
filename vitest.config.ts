import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Integration files spend much of their time waiting on PostgreSQL, Redis and child processes:
    // one worker more than there are cores keeps the cores busy (on 2 cores: 262 s → 151 s).
    maxWorkers: Math.max(3, availableParallelism() + 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // Unit tests share no state through modules: one module graph for all of them is much faster.
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // Creates a migrated template database once; each test file clones it (see test/support/database.ts).
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Files run in parallel, each against its own database.
          pool: 'forks',
        },
      },
    ],
  },
});
