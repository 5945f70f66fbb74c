import { describe, expect, it } from 'vitest';
import { createSingleFlight } from '@/lib/auth/single-flight';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('single-flight', () => {
  it('shares one run among 10 concurrent calls with the same key', async () => {
    const once = createSingleFlight<string>();
    const gate = deferred<string>();
    let runs = 0;
    const calls = Array.from({ length: 10 }, () =>
      once('account-1', () => {
        runs += 1;
        return gate.promise;
      }),
    );
    gate.resolve('token-1');
    expect(await Promise.all(calls)).toEqual(Array(10).fill('token-1'));
    expect(runs).toBe(1);
  });

  it('runs again for a call after the previous run settled', async () => {
    const once = createSingleFlight<number>();
    let runs = 0;
    const run = async () => ++runs;
    expect(await once('k', run)).toBe(1);
    expect(await once('k', run)).toBe(2);
    expect(runs).toBe(2);
  });

  it('shares a rejection with every waiting caller, then forgets it', async () => {
    const once = createSingleFlight<string>();
    const gate = deferred<string>();
    let runs = 0;
    const calls = Array.from({ length: 10 }, () =>
      once('k', () => {
        runs += 1;
        return gate.promise;
      }),
    );
    const failure = new Error('refresh failed');
    gate.reject(failure);
    const results = await Promise.allSettled(calls);
    expect(results.every((r) => r.status === 'rejected' && r.reason === failure)).toBe(true);
    expect(runs).toBe(1);
    expect(await once('k', async () => 'recovered')).toBe('recovered');
  });

  it('treats a synchronous throw like a rejection and does not keep it', async () => {
    const once = createSingleFlight<string>();
    const thrown = once('k', () => {
      throw new Error('boom');
    });
    await expect(thrown).rejects.toThrow('boom');
    await expect(once('k', async () => 'ok')).resolves.toBe('ok');
  });

  it('keeps different keys apart', async () => {
    const once = createSingleFlight<string>();
    const a = deferred<string>();
    let runs = 0;
    const first = once('a', () => (runs++, a.promise));
    const second = once('b', async () => (runs++, 'b'));
    expect(await second).toBe('b');
    a.resolve('a');
    expect(await first).toBe('a');
    expect(runs).toBe(2);
  });

  it('lets a call made while settling join the next run, not a finished one', async () => {
    const once = createSingleFlight<number>();
    let runs = 0;
    const first = once('k', async () => ++runs);
    const value = await first;
    const again = once('k', async () => ++runs);
    expect(value).toBe(1);
    expect(await again).toBe(2);
  });
});
