/** Types of failure-summary.mjs (plain JavaScript, for node:test's reporter loader). */
export declare function failureSummary(failures: readonly { title: string; message: string }[]): string;
