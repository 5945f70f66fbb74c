import { describe, expect, it, vi } from 'vitest';
import { inboxHandlers } from '@/entrypoints/background/handlers/inbox';
import type { Inbox } from '@/lib/inbox/refresh-inbox';

function handlersWith(mayNotify: boolean) {
  const setOptions = vi.fn(async () => ({}) as Awaited<ReturnType<Inbox['setOptions']>>);
  const inbox = { setOptions } as unknown as Inbox;
  return { setOptions, handlers: inboxHandlers(() => inbox, async () => undefined, async () => mayNotify) };
}

describe('entrypoints/background/handlers/inbox', () => {
  it('keeps notifications off, and says why, when the browser did not allow them', async () => {
    const { handlers, setOptions } = handlersWith(false);
    await expect(handlers['inbox.setOptions']({ notify: true })).rejects.toMatchObject({
      kind: 'permission-denied',
      message: 'ADO Companion may not show notifications: the browser did not allow it. Turn notifications on again and choose Allow.',
    });
    expect(setOptions).not.toHaveBeenCalled();
  });

  it('turns notifications on once allowed, and off without asking', async () => {
    const { handlers, setOptions } = handlersWith(true);
    await handlers['inbox.setOptions']({ notify: true });
    expect(setOptions).toHaveBeenLastCalledWith({ notify: true });
    const refused = handlersWith(false);
    await refused.handlers['inbox.setOptions']({ notify: false });
    expect(refused.setOptions).toHaveBeenLastCalledWith({ notify: false });
  });
});
