/**
 * The last lines a test stage prints when it fails: each failed test with the first lines of its
 * error, after everything else. CI keeps only the end of a long log, and a long error (a whole dump
 * of the extension's storage, say) used to push the reason out of it. Plain JavaScript: Node 20
 * loads a node:test reporter without tsx's loader.
 */
const LINES = 4;
const LINE_CHARS = 240;

// The runners' colour codes.
// eslint-disable-next-line no-control-regex
const withoutColour = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** @param {{ title: string; message: string }[]} failures @returns {string} */
export function failureSummary(failures) {
  if (failures.length === 0) return '';
  const lines = [`\n${failures.length} failed, in short:`];
  for (const failure of failures) {
    lines.push(`  ✘ ${failure.title}`);
    const message = withoutColour(failure.message).split('\n').map((line) => line.trimEnd()).filter(Boolean).slice(0, LINES);
    for (const line of message) lines.push(`      ${line.length > LINE_CHARS ? `${line.slice(0, LINE_CHARS)}…` : line}`);
  }
  return `${lines.join('\n')}\n`;
}
