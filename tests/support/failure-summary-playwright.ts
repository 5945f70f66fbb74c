import path from 'node:path';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { failureSummary } from './failure-summary.mjs';

/** Playwright reporter (the Chromium E2E): the failure summary of failure-summary.mjs once the run has ended. */
export default class FailureSummaryReporter implements Reporter {
  private readonly failures: { title: string; message: string }[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === test.expectedStatus) return;
    const where = `${path.relative(process.cwd(), test.location.file)}:${test.location.line}`;
    const first = result.errors[0];
    const at = first?.location ? `at ${path.relative(process.cwd(), first.location.file)}:${first.location.line}\n` : '';
    const message = at + (result.errors.map((error) => error.message ?? error.value ?? '').join('\n') || result.status);
    // titlePath: root, project, file, then the describe blocks and the test.
    this.failures.push({ title: [where, ...test.titlePath().slice(3)].join(' › '), message });
  }

  onEnd(): void {
    process.stdout.write(failureSummary(this.failures));
  }

  printsToStdio(): boolean {
    return true;
  }
}
