import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serverPageHandlers } from '@/entrypoints/background/handlers/server-pages';
import { pageActionOrigins } from '@/entrypoints/background/server-page-scripts';
import { AppError } from '@/lib/errors/app-error';

const TFS = 'https://tfs.contoso.test';

/** WXT's fake browser has no scripting API: registrations the sync would make are recorded here. */
function setUp(granted: boolean) {
  const registered: { id: string }[] = [];
  (fakeBrowser as unknown as Record<string, unknown>).scripting = {
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => registered.filter((script) => ids.includes(script.id))),
  };
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(granted);
  const sync = vi.fn(async () => {
    for (const origin of await pageActionOrigins.getValue()) registered.push({ id: `server-page:${origin}` });
  });
  return { handlers: serverPageHandlers({ sync }), sync };
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error instanceof AppError ? error.message : String(error);
  }
  return null;
}

describe('background/handlers/server-pages', () => {
  beforeEach(() => fakeBrowser.reset());

  it('turns page actions on for a granted Server host: kept, synced, and then reported on', async () => {
    const { handlers, sync } = setUp(true);
    expect(await handlers['serverPages.status']({ origin: TFS })).toEqual({ enabled: false });
    expect(await handlers['serverPages.enable']({ origin: 'https://TFS.contoso.test' })).toEqual({ enabled: true });
    expect(await pageActionOrigins.getValue()).toEqual([TFS]);
    expect(sync).toHaveBeenCalledOnce();
    expect(await handlers['serverPages.status']({ origin: TFS })).toEqual({ enabled: true });
  });

  it('refuses a host the user did not grant, saying what to click', async () => {
    const { handlers, sync } = setUp(false);
    expect(await refusal(handlers['serverPages.enable']({ origin: TFS }))).toBe(
      'ADO Companion needs your permission to add its buttons to the pages of tfs.contoso.test. Click “Enable page actions on tfs.contoso.test” and choose Allow.',
    );
    expect(await pageActionOrigins.getValue()).toEqual([]);
    expect(sync).not.toHaveBeenCalled();
  });

  it('refuses an Azure DevOps Services host, whose page script is always there', async () => {
    const { handlers } = setUp(true);
    expect(await refusal(handlers['serverPages.enable']({ origin: 'https://dev.azure.com' }))).toBe('ADO Companion received a malformed request.');
    expect(await pageActionOrigins.getValue()).toEqual([]);
  });
});
