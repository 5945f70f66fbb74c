import path from 'node:path';
import type { Reporter, TestCase } from 'vitest/node';
import { failureSummary } from './failure-summary.mjs';

/** Vitest reporter (unit and contract tests): the failure summary of failure-summary.mjs once the run has ended. */
export default class FailureSummaryReporter implements Reporter {
  private readonly failures: { title: string; message: string }[] = [];

  onTestCaseResult(testCase: TestCase): void {
    const result = testCase.result();
    if (result.state !== 'failed') return;
    const file = path.relative(process.cwd(), testCase.module.moduleId);
    const message = result.errors?.map((error) => error.message).join('\n') ?? 'failed';
    this.failures.push({ title: `${file} › ${testCase.fullName}`, message });
  }

  onTestRunEnd(): void {
    process.stdout.write(failureSummary(this.failures));
  }
}
