import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const TEST_FILES = ['tests/unit/**/*.test.{ts,tsx}', 'tests/contract/**/*.test.ts'];

/**
 * Files that replace a module with `vi.mock` run each in a fresh module graph, so the replacement
 * cannot reach another file. Every other file shares its worker's modules with the files before it
 * (`isolate: false`): importing zod, Dexie, happy-dom and the fake Azure DevOps once per worker
 * instead of once per file halves the stage's CPU time (docs/testing.md#time). Those files restore
 * what they change (stubbed globals, fake timers) in `afterEach`.
 */
const MODULE_MOCKING_FILES = ['tests/unit', 'tests/contract']
  .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => path.join(dir, file)))
  .filter((file) => /\.test\.tsx?$/.test(file) && readFileSync(file, 'utf8').includes('vi.mock('));

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // Contract tests start an HTTPS server; give them room on 2-core machines.
    testTimeout: 20_000,
    // Vitest's default is one worker per core less one: a single worker on two cores, half the CPU
    // idle. Two workers: 33 s against 52 s for the stage, a third gained nothing (docs/testing.md#time).
    maxWorkers: 2,
    // The failure summary comes last, so that the end of a long log still says why (tests/support/failure-summary.mjs).
    reporters: ['default', './tests/support/failure-summary-vitest.ts'],
    projects: [
      { extends: true, test: { name: 'shared modules', include: TEST_FILES, exclude: MODULE_MOCKING_FILES, isolate: false } },
      { extends: true, test: { name: 'module mocks', include: MODULE_MOCKING_FILES } },
    ],
  },
});
