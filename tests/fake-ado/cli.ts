/**
 * Run the fake on its own:
 *
 *   node --import tsx tests/fake-ado/cli.ts [--port 8443] [--fixture demo|basic|path/to/fixture.json] [--log]
 *
 * Prints one JSON line `{"origin":…,"port":…,"hosts":[…]}` and stays up until SIGINT/SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Fixture } from './fixture-types';
import { loadBasicFixture } from './fixtures/basic';
import { demoFixture } from './fixtures/demo';
import { startFakeAdo } from './server';

function loadFixture(name: string): Fixture {
  if (name === 'basic') return loadBasicFixture();
  if (name === 'demo') return demoFixture();
  return JSON.parse(readFileSync(name, 'utf8')) as Fixture;
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    fixture: { type: 'string', default: 'basic' },
    log: { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got ${values.port}`);
  process.exit(2);
}

const fake = await startFakeAdo({ port, fixture: loadFixture(values.fixture), log: values.log });
console.log(JSON.stringify({ origin: fake.origin, port: fake.port, hosts: fake.hosts }));

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void fake.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
