import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { fakeBrowser as FakeBrowser } from 'wxt/testing/fake-browser';

let fakeBrowser: typeof FakeBrowser;

/**
 * The policy is cached per worker life (module state): every test loads the modules afresh, with
 * the fake browser of that load, and `start()` runs what the worker runs when it starts.
 */
async function loadWorker() {
  vi.resetModules();
  fakeBrowser = (await import('wxt/testing/fake-browser')).fakeBrowser;
  fakeBrowser.reset();
  const policy = await import('@/entrypoints/background/managed-policy');
  const cloneChoice = await import('@/entrypoints/background/clone-choice');
  return { ...policy, ...cloneChoice, start: () => policy.watchManagedPolicy() };
}

describe('background/managed-policy', () => {
  afterEach(() => vi.restoreAllMocks());
  // The files after this one in the worker share its modules (isolate: false): they get fresh ones,
  // not the last test's cached policy (which named VS Code in the context menu's tests).
  afterAll(() => vi.resetModules());

  it('is no policy when the browser has no managed storage for the extension', async () => {
    const { readManagedPolicy, start } = await loadWorker();
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    start();
    await expect(readManagedPolicy()).resolves.toEqual({});
  });

  it('reads the policy again after the browser reports a change', async () => {
    const { readManagedPolicy, start } = await loadWorker();
    await fakeBrowser.storage.managed.set({ allowPatSignIn: true });
    start();
    await expect(readManagedPolicy()).resolves.toEqual({ allowPatSignIn: true });

    await fakeBrowser.storage.managed.set({ allowPatSignIn: false });

    await expect(readManagedPolicy()).resolves.toEqual({ allowPatSignIn: false });
  });

  it('says which Azure DevOps Server origins the policy pre-approves for page actions', async () => {
    const { isServerPreapprovedForPageActions, start } = await loadWorker();
    await fakeBrowser.storage.managed.set({ pageActionServerHosts: ['tfs.contoso.test', 'build.contoso.test:8443'] });
    start();

    expect(await isServerPreapprovedForPageActions('https://tfs.contoso.test')).toBe(true);
    expect(await isServerPreapprovedForPageActions('https://build.contoso.test:8443')).toBe(true);
    expect(await isServerPreapprovedForPageActions('https://build.contoso.test')).toBe(false);
    expect(await isServerPreapprovedForPageActions('https://tfs.fabrikam.test')).toBe(false);
  });

  it("makes the policy's client and protocol the clone choice, over the user's", async () => {
    const { readCloneChoice, start } = await loadWorker();
    await fakeBrowser.storage.local.set({ 'clone-client': 'fork', 'clone-protocol': 'https' });
    await fakeBrowser.storage.managed.set({ defaultClient: 'vscode', cloneProtocol: 'ssh' });
    start();

    const choice = await readCloneChoice();

    expect({ client: choice.client.id, protocol: choice.protocol }).toEqual({ client: 'vscode', protocol: 'ssh' });
  });

  it("stores the policy's clone choice for the page buttons, and puts it back when something changes it", async () => {
    const { keepPolicyCloneChoice, start } = await loadWorker();
    await fakeBrowser.storage.local.set({ 'clone-client': 'fork', 'clone-client-name': 'Fork' });
    await fakeBrowser.storage.managed.set({ defaultClient: 'vscode', cloneProtocol: 'ssh' });
    start();

    keepPolicyCloneChoice();
    await vi.waitFor(async () =>
      expect(await fakeBrowser.storage.local.get(null)).toEqual({ 'clone-client': 'vscode', 'clone-client-name': 'Visual Studio Code', 'clone-protocol': 'ssh' }),
    );

    // As the page's client menu would.
    await fakeBrowser.storage.local.set({ 'clone-client': 'tower', 'clone-client-name': 'Tower' });
    await vi.waitFor(async () => expect(await fakeBrowser.storage.local.get('clone-client')).toEqual({ 'clone-client': 'vscode' }));
  });

  it('leaves the clone choice to the user when the policy sets none', async () => {
    const { keepPolicyCloneChoice, readCloneChoice, start } = await loadWorker();
    await fakeBrowser.storage.local.set({ 'clone-client': 'fork' });
    await fakeBrowser.storage.managed.set({ allowPatSignIn: false });
    start();

    keepPolicyCloneChoice();
    await fakeBrowser.storage.local.set({ 'clone-protocol': 'ssh' });

    const choice = await readCloneChoice();
    expect({ client: choice.client.id, protocol: choice.protocol }).toEqual({ client: 'fork', protocol: 'ssh' });
  });
});
