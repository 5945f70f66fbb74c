/**
 * `npm test`: every stage, each one's time printed, a summary at the end. Stages in one step run at
 * the same time: the two E2E suites spend much of their time waiting on browsers, so on two cores
 * they finish together sooner than one after the other (docs/testing.md#time). Their output lines
 * carry the stage's name. Stops after the first step with a failed stage and exits with its code,
 * so CI (`.ci/run`) fails as it did with the `&&` chain.
 */
import { spawn } from 'node:child_process';
import readline from 'node:readline';

interface Stage {
  name: string;
  /** An npm script of package.json: the one place each command is written. */
  script: string;
  /** Prefix for its output lines when it runs beside another stage. */
  tag?: string;
}

const STEPS: Stage[][] = [
  [{ name: 'typecheck', script: 'typecheck' }],
  [{ name: 'unit and contract tests', script: 'test:unit' }],
  // One build for everything after it: `wxt zip` builds both targets into .output and zips them there,
  // so the packaging tests check those zips instead of building twice more.
  [{ name: 'build and zip (Chrome, Firefox)', script: 'zip' }],
  [{ name: 'addons-linter (Firefox)', script: 'lint:firefox' }],
  [
    { name: 'E2E in Chromium', script: 'test:e2e', tag: 'chromium' },
    { name: 'E2E in Firefox ESR', script: 'test:e2e:firefox', tag: 'firefox' },
  ],
];
const STAGES = STEPS.flat();

function runScript(stage: Stage, tagged: boolean): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', stage.script], { stdio: tagged ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (tagged) {
      for (const stream of [child.stdout!, child.stderr!]) {
        readline.createInterface({ input: stream }).on('line', (line) => console.log(`[${stage.tag}] ${line}`));
      }
    }
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const done: { name: string; ms: number; ok: boolean }[] = [];
const start = performance.now();

function printSummary(): void {
  const width = Math.max(...STAGES.map((stage) => stage.name.length));
  console.log('\nnpm test, time per stage (stages of one step run at the same time):');
  for (const stage of done) console.log(`  ${(stage.ok ? 'ok' : 'FAILED').padEnd(7)} ${stage.name.padEnd(width)} ${seconds(stage.ms).padStart(8)}`);
  for (const stage of STAGES.filter((s) => !done.some((d) => d.name === s.name))) console.log(`  ${'skipped'.padEnd(7)} ${stage.name}`);
  console.log(`  total ${seconds(performance.now() - start)}`);
}

for (const step of STEPS) {
  const codes = await Promise.all(
    step.map(async (stage) => {
      console.log(`\n▶ ${stage.name} (npm run ${stage.script})`);
      const began = performance.now();
      const code = await runScript(stage, step.length > 1);
      const ms = performance.now() - began;
      done.push({ name: stage.name, ms, ok: code === 0 });
      console.log(`${code === 0 ? '✔' : '✘'} ${stage.name}: ${seconds(ms)}`);
      return code;
    }),
  );
  const failed = codes.find((code) => code !== 0);
  if (failed !== undefined) {
    printSummary();
    process.exit(failed);
  }
}
printSummary();
