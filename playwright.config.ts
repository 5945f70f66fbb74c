import { defineConfig } from '@playwright/test';
import { preferMemoryTmpdir } from './tests/support/memory-tmpdir';

// Chromium profiles (Playwright makes one per browser) in memory: docs/testing.md#time.
preferMemoryTmpdir();

export default defineConfig({
  testDir: 'tests/e2e',
  // Each worker runs its own fake Azure DevOps and Chromium. On two cores, three: a test spends part
  // of its time waiting on the page (a header that renders late, the page settling), and a third
  // worker fills it (318 s against 369 s for the suite, the CPU then busy; docs/testing.md#time).
  // Playwright's default would be one on two cores. The same on CI and locally.
  workers: 3,
  fullyParallel: false,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  retries: 0,
  // The failure summary comes last, so that the end of a long log still says why (tests/support/failure-summary.mjs).
  reporter: [['list'], ...(process.env.CI ? [] : [['html', { open: 'never' }] as const]), ['./tests/support/failure-summary-playwright.ts']],
  // No trace unless asked for (`--trace on`): recording one for every test, kept only on failure,
  // cost a fifth of the stage's time on two cores (docs/testing.md#time). A failure still leaves
  // its screenshot and the page's accessibility snapshot (error-context.md) in test-results.
  use: { trace: 'off', screenshot: 'only-on-failure' },
});
