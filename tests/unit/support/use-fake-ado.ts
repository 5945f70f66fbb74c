import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startFakeAdo, type FakeAdo } from '../../fake-ado/server';

/**
 * One fake Azure DevOps for the test file, reset before every test; `ready` receives it once it
 * listens. Node's fetch reaches its self-signed certificate (authorize pages, anonymous HEADs).
 */
export function useFakeAdo(ready: (fake: FakeAdo) => void): void {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  let fake: FakeAdo;
  beforeAll(async () => {
    fake = await startFakeAdo({ port: 0 });
    ready(fake);
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.control.reset());
}
