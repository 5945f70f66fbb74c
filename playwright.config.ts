import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  // Each worker runs its own fake Azure DevOps and Chromium; two cores fit two workers (Playwright's
  // default would be one on two cores, half the speed), on CI and locally alike.
  workers: 2,
  fullyParallel: false,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: { trace: 'retain-on-failure' },
});
