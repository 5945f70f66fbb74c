/**
 * `npm test`: every stage in order, each one's time printed, a summary at the end. Stops at the first
 * stage that fails and exits with its code, so CI (`.ci/run`) fails as it did with the `&&` chain.
 */
import { spawn } from 'node:child_process';

interface Stage {
  name: string;
  /** An npm script of package.json: the one place each command is written. */
  script: string;
}

const STAGES: Stage[] = [
  { name: 'typecheck', script: 'typecheck' },
  { name: 'unit and contract tests', script: 'test:unit' },
  // One build for everything after it: `wxt zip` builds both targets into .output and zips them there,
  // so the packaging tests check those zips instead of building twice more.
  { name: 'build and zip (Chrome, Firefox)', script: 'zip' },
  { name: 'addons-linter (Firefox)', script: 'lint:firefox' },
  { name: 'E2E in Chromium', script: 'test:e2e' },
  { name: 'E2E in Firefox ESR', script: 'test:e2e:firefox' },
];

function runScript(script: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const done: { name: string; ms: number; ok: boolean }[] = [];
const start = performance.now();

function printSummary(): void {
  const width = Math.max(...STAGES.map((stage) => stage.name.length));
  console.log('\nnpm test, time per stage:');
  for (const stage of done) console.log(`  ${(stage.ok ? 'ok' : 'FAILED').padEnd(7)} ${stage.name.padEnd(width)} ${seconds(stage.ms).padStart(8)}`);
  for (const stage of STAGES.slice(done.length)) console.log(`  ${'skipped'.padEnd(7)} ${stage.name}`);
  console.log(`  total ${seconds(performance.now() - start)}`);
}

for (const stage of STAGES) {
  console.log(`\n▶ ${stage.name} (npm run ${stage.script})`);
  const began = performance.now();
  const code = await runScript(stage.script);
  const ms = performance.now() - began;
  done.push({ name: stage.name, ms, ok: code === 0 });
  console.log(`${code === 0 ? '✔' : '✘'} ${stage.name}: ${seconds(ms)}`);
  if (code !== 0) {
    printSummary();
    process.exit(code);
  }
}
printSummary();
