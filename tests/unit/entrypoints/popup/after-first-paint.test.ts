import { afterEach, describe, expect, it, vi } from 'vitest';

/** A PerformanceObserver that reports the paint entries given to `paint()`, as a browser does once a frame is presented. */
class FakePaintObserver {
  static current: FakePaintObserver | undefined;
  disconnected = false;
  constructor(private readonly callback: (list: { getEntriesByName(name: string): unknown[] }) => void) {
    FakePaintObserver.current = this;
  }
  observe() {}
  disconnect() {
    this.disconnected = true;
  }
  paint(...names: string[]) {
    this.callback({ getEntriesByName: (name) => names.filter((entry) => entry === name) });
  }
}

async function freshModule() {
  vi.resetModules();
  return import('@/entrypoints/popup/after-first-paint');
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('entrypoints/popup/after-first-paint', () => {
  it('waits for the first contentful paint, not the first paint, and stops observing then', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('PerformanceObserver', FakePaintObserver);
    const { afterFirstPaint } = await freshModule();
    let settled = false;
    void afterFirstPaint().then(() => (settled = true));
    FakePaintObserver.current!.paint('first-paint');
    await Promise.resolve();
    expect(settled).toBe(false);
    FakePaintObserver.current!.paint('first-contentful-paint');
    await Promise.resolve();
    expect(settled).toBe(true);
    expect(FakePaintObserver.current!.disconnected).toBe(true);
  });

  it('goes on after the fallback when no paint is reported, or paint timing is missing', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('PerformanceObserver', undefined);
    const { afterFirstPaint, FIRST_PAINT_FALLBACK_MS } = await freshModule();
    let settled = false;
    void afterFirstPaint().then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(FIRST_PAINT_FALLBACK_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
  });

  it('is one wait for the whole opening: a later caller after the paint goes on at once', async () => {
    vi.stubGlobal('PerformanceObserver', FakePaintObserver);
    const { afterFirstPaint } = await freshModule();
    const first = afterFirstPaint();
    FakePaintObserver.current!.paint('first-contentful-paint');
    await first;
    expect(afterFirstPaint()).toBe(first);
  });
});
