/**
 * `fetch` with a deadline: the request (and reading its answer) is aborted after `timeoutMs`, so a
 * stalled server rejects like a dropped connection instead of never settling. For the calls that do
 * not go through the REST client (Entra's token endpoint), which has its own deadline.
 */
export function timedFetch(fetchFn: typeof fetch, timeoutMs: number): typeof fetch {
  return (input, init = {}) => {
    const controller = new AbortController();
    const timer = globalThis.setTimeout(() => controller.abort(), timeoutMs);
    init.signal?.addEventListener('abort', () => controller.abort(), { once: true });
    // The timer is not cleared when the headers arrive: the caller still has to read the body, and an
    // abort after that is harmless.
    return fetchFn(input, { ...init, signal: controller.signal }).catch((error: unknown) => {
      globalThis.clearTimeout(timer);
      throw error;
    });
  };
}
