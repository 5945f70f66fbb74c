import { describe, it, expect, vi } from 'vitest';
import { createMessageListener, routeMessage, type Handlers } from '@/entrypoints/background/router';

const extensionPage = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };
const contentScript = { id: 'test-extension-id', url: 'https://dev.azure.com/contoso/web/_git/web', tab: { id: 3 } };

function handlers() {
  const accountsList = vi.fn(() => ({ accounts: [], organizations: [] }));
  return {
    ping: vi.fn(() => ({ pong: true as const, version: '1.2.3' })),
    'accounts.list': accountsList,
    'accounts.connectPat': vi.fn(),
  } as unknown as Handlers & { ping: ReturnType<typeof vi.fn>; 'accounts.list': typeof accountsList; 'accounts.connectPat': ReturnType<typeof vi.fn> };
}

const ping = { channel: 'ado-companion', type: 'ping', data: {} };

describe('background/router', () => {
  it('answers a valid message from an extension page', async () => {
    expect(await routeMessage(ping, extensionPage, handlers())).toEqual({ ok: true, data: { pong: true, version: '1.2.3' } });
  });

  it('answers a message a content script may send', async () => {
    expect(await routeMessage(ping, contentScript, handlers())).toMatchObject({ ok: true });
  });

  it.each([
    ['an unknown type', { channel: 'ado-companion', type: 'getToken', data: {} }],
    ['a prototype key as type', { channel: 'ado-companion', type: 'toString', data: {} }],
    ['a missing envelope', { type: 'ping' }],
    ['extra request fields', { ...ping, data: { token: 'x' } }],
    ['a non-object', 'ping'],
    ['null', null],
  ])('refuses %s without calling a handler', async (_label, message) => {
    const all = handlers();
    const result = await routeMessage(message, extensionPage, all);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-message' } });
    expect(all.ping).not.toHaveBeenCalled();
  });

  it.each([
    ['another extension', { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' }],
    ['a content script on a non-Azure DevOps page', { id: 'test-extension-id', url: 'https://evil.example/', tab: { id: 1 } }],
    ['a look-alike host', { id: 'test-extension-id', url: 'https://dev.azure.com.evil.example/x/_git/y', tab: { id: 1 } }],
    ['a sender without a url', { id: 'test-extension-id' }],
    // Real extension origins: under Node `new URL('chrome-extension://x/').origin` is 'null' for every
    // extension, so an origin comparison alone would let these through.
    ['a page of another Chromium extension', { id: 'test-extension-id', url: 'chrome-extension://someone-else/popup.html' }],
    ['a page of a Firefox extension', { id: 'test-extension-id', url: 'moz-extension://0b3c8a4e-1111-4c1d-9a7e-123456789abc/popup.html' }],
    ['a data: URL', { id: 'test-extension-id', url: 'data:text/html,<p>hi</p>' }],
    ['an about:blank frame', { id: 'test-extension-id', url: 'about:blank' }],
  ])('refuses %s', async (_label, sender) => {
    const all = handlers();
    expect(await routeMessage(ping, sender, all)).toMatchObject({ ok: false, error: { kind: 'forbidden-sender' } });
    expect(all.ping).not.toHaveBeenCalled();
  });

  it('takes a page of a granted Azure DevOps Server host as a content script, and no other off-cloud page', async () => {
    const serverPage = { id: 'test-extension-id', url: 'https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/legacy-app', tab: { id: 4 } };
    const isServerPage = vi.fn(async (url: URL) => url.origin === 'https://tfs.contoso.test');
    expect(await routeMessage(ping, serverPage, handlers(), { isServerPage })).toMatchObject({ ok: true });
    expect(await routeMessage(ping, { ...serverPage, url: 'https://evil.example/tfs/x/y/_git/z' }, handlers(), { isServerPage })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden-sender' },
    });
    // Without a tab (not a content script) the Server question is not even asked.
    isServerPage.mockClear();
    expect(await routeMessage(ping, { id: 'test-extension-id', url: serverPage.url }, handlers(), { isServerPage })).toMatchObject({ ok: false });
    expect(isServerPage).not.toHaveBeenCalled();
    // Without the option, as before: no Server page is trusted.
    expect(await routeMessage(ping, serverPage, handlers())).toMatchObject({ ok: false, error: { kind: 'forbidden-sender' } });
  });


  it('answers our own page in a tab without asking whether it is a Server page (that question opens the database)', async () => {
    const isServerPage = vi.fn(async () => false);
    const ownPageInTab = { ...extensionPage, tab: { id: 5 } };
    expect(await routeMessage(ping, ownPageInTab, handlers(), { isServerPage })).toMatchObject({ ok: true });
    expect(await routeMessage(ping, { ...ownPageInTab, url: 'file:///x.html' }, handlers(), { isServerPage })).toMatchObject({ ok: false });
    expect(isServerPage).not.toHaveBeenCalled();
  });

  it('says which field is too long instead of a bare "malformed request"', async () => {
    const all = { ...handlers(), 'sshKeys.add': vi.fn() } as unknown as Handlers;
    const message = { channel: 'ado-companion', type: 'sshKeys.add', data: { orgKey: 'https://dev.azure.com/contoso', publicKey: 'ssh-rsa AAAA x', displayName: 'k'.repeat(201) } };
    expect(await routeMessage(message, extensionPage, all)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-message', message: 'The key name is longer than Azure DevOps accepts: at most 200 characters.' },
    });
  });

  it('turns a handler crash into a plain sentence without a stack trace', async () => {
    const crashing = {
      ping: () => {
        throw new TypeError('Cannot read properties of undefined (reading "token")');
      },
    } as unknown as Handlers;
    const result = await routeMessage(ping, extensionPage, crashing);
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(result)).not.toMatch(/TypeError|token|at /);
  });

  it.each(['accounts.list', 'accounts.connectPat'] as const)(
    'refuses %s from a content script: account data and tokens stay with extension pages',
    async (type) => {
      const all = handlers();
      const data = type === 'accounts.connectPat' ? { host: 'dev.azure.com/contoso', token: 'x' } : {};
      const result = await routeMessage({ channel: 'ado-companion', type, data }, contentScript, all);
      expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden-sender' } });
      expect(all[type]).not.toHaveBeenCalled();
    },
  );

  it('lets an extension page list accounts', async () => {
    const all = handlers();
    const result = await routeMessage({ channel: 'ado-companion', type: 'accounts.list', data: {} }, extensionPage, all);
    expect(result).toEqual({ ok: true, data: { accounts: [], organizations: [] } });
  });
});

describe('background/router listener', () => {
  it('answers through sendResponse and keeps the channel open, as every Chrome, Edge and Firefox version honours', async () => {
    const listener = createMessageListener(handlers());
    const answered = new Promise((resolve) => {
      // Older Chrome ignores a returned Promise: only `return true` + sendResponse reach the sender.
      expect(listener(ping, extensionPage, resolve)).toBe(true);
    });
    expect(await answered).toEqual({ ok: true, data: { pong: true, version: '1.2.3' } });
  });
});
