import { failureSummary } from './failure-summary.mjs';

/** node:test reporter (the Firefox E2E): the failure summary of failure-summary.mjs once the run has ended. */
export default async function* failureSummaryReporter(source) {
  const failures = [];
  for await (const event of source) {
    if (event.type !== 'test:fail') continue;
    const { name, file, line, details } = event.data;
    // A suite or a process file fails with its tests: only the tests themselves are listed.
    if (details.error?.failureType === 'subtestsFailed') continue;
    const error = details.error?.cause instanceof Error ? details.error.cause : details.error;
    const where = file ? `${file.replace(`${process.cwd()}/`, '')}:${line ?? ''} › ` : '';
    failures.push({ title: `${where}${name}`, message: String(error?.message ?? error ?? 'failed') });
  }
  yield failureSummary(failures);
}
