/**
 * Runs shared by key: calls with the same key while a run is pending get that run's promise
 * (fulfilled or rejected); once it settles, the next call starts a new run. In memory only, on
 * purpose: it collapses the concurrent refreshes of one service-worker lifetime, while the token
 * store (not this) is what survives the worker.
 */
export type SingleFlight<T> = (key: string, run: () => Promise<T>) => Promise<T>;

export function createSingleFlight<T>(): SingleFlight<T> {
  const pending = new Map<string, Promise<T>>();
  return (key, run) => {
    const existing = pending.get(key);
    if (existing) return existing;
    let started: Promise<T>;
    try {
      started = Promise.resolve(run());
    } catch (error) {
      // A synchronous throw is shared like a rejection.
      started = Promise.reject(error);
    }
    // `finally` callbacks run asynchronously, so the entry set below is always the one removed.
    const shared = started.finally(() => {
      if (pending.get(key) === shared) pending.delete(key);
    });
    pending.set(key, shared);
    return shared;
  };
}
