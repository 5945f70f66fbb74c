/**
 * `npm test`: every stage, each one's time printed, a summary at the end. Stops after the first step
 * with a failed stage and exits with its code, so CI (`.ci/run`) fails as it did with the `&&` chain.
 */
import { spawn } from 'node:child_process';

interface Stage {
  name: string;
  /** An npm script of package.json: the one place each command is written. */
  script: string;
}

/**
 * Steps run one after the other; the stages of one step run side by side. The type check uses one
 * core for a dozen seconds, as the build does: together they take the time of the longer (the
 * build's tests come later, so a type error still stops the run before them).
 */
const STEPS: Stage[][] = [
  [
    { name: 'typecheck', script: 'typecheck' },
    // One build for everything after it: `wxt zip` builds both targets into .output and zips them there,
    // so the packaging tests check those zips instead of building twice more.
    { name: 'build and zip (Chrome, Firefox)', script: 'zip' },
  ],
  [{ name: 'addons-linter (Firefox)', script: 'lint:firefox' }],
  [{ name: 'unit and contract tests', script: 'test:unit' }],
  [{ name: 'E2E in Chromium', script: 'test:e2e' }],
  [{ name: 'E2E in Firefox ESR', script: 'test:e2e:firefox' }],
];

interface Outcome {
  code: number;
  ms: number;
}

/** Runs an npm script; with `buffer`, its output is held back and printed in one piece when it ends, so side-by-side stages do not interleave. */
function runScript(script: string, buffer: boolean): Promise<Outcome> {
  const began = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: buffer ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
    const end = (code: number) => {
      if (buffer) process.stdout.write(Buffer.concat(chunks));
      resolve({ code, ms: performance.now() - began });
    };
    child.on('error', () => end(1));
    child.on('exit', (code, signal) => end(code ?? (signal ? 1 : 0)));
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const stages = STEPS.flat();
const done: { name: string; ms: number; ok: boolean }[] = [];
const start = performance.now();

function printSummary(): void {
  const width = Math.max(...stages.map((stage) => stage.name.length));
  console.log('\nnpm test, time per stage (stages of one step run side by side):');
  for (const stage of done) console.log(`  ${(stage.ok ? 'ok' : 'FAILED').padEnd(7)} ${stage.name.padEnd(width)} ${seconds(stage.ms).padStart(8)}`);
  for (const stage of stages.filter((stage) => !done.some((ran) => ran.name === stage.name))) console.log(`  ${'skipped'.padEnd(7)} ${stage.name}`);
  console.log(`  total ${seconds(performance.now() - start)}`);
}

for (const step of STEPS) {
  console.log(`\n▶ ${step.map((stage) => `${stage.name} (npm run ${stage.script})`).join(', side by side with ')}`);
  const outcomes = await Promise.all(
    step.map(async (stage) => {
      const outcome = await runScript(stage.script, step.length > 1);
      console.log(`${outcome.code === 0 ? '✔' : '✘'} ${stage.name}: ${seconds(outcome.ms)}`);
      done.push({ name: stage.name, ms: outcome.ms, ok: outcome.code === 0 });
      return outcome;
    }),
  );
  const failed = outcomes.find((outcome) => outcome.code !== 0);
  if (failed) {
    printSummary();
    process.exit(failed.code);
  }
}
printSummary();
