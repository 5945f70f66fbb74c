import type { BrowserContext, Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { LinkPage } from './pages/link-page';
import { RepoPage } from './pages/repo-page';
import { basic } from '../fake-ado/fixtures/basic';
import { stopServiceWorker } from './support/stop-service-worker';

const HTTPS = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';
const SSH = 'git@ssh.dev.azure.com:v3/contoso/Mobile%20App/ios-app';
const SERVER = `${basic.orgs.server.url}/Legacy/_git/legacy-app`;

const LINKS = {
  'ios-app': HTTPS,
  'ios-app (old address)': 'https://contoso.visualstudio.com/DefaultCollection/Mobile%20App/_git/ios-app?path=/README.md',
  'legacy-app on our server': SERVER,
  'Mobile App board': 'https://dev.azure.com/contoso/Mobile%20App/_boards/board/t/Mobile%20App%20Team',
  'ios-app on GitHub': 'https://github.com/contoso/ios-app',
  'look-alike': 'https://dev.azure.com.evil.example/contoso/Mobile%20App/_git/ios-app',
};

const ITEMS = ['clone-in-client', 'copy-https-clone-url', 'copy-ssh-clone-url', 'open-in-azure-devops'];

async function openLinks(context: BrowserContext) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: LinkPage.ORIGIN });
  return LinkPage.open(context, LINKS);
}

/** Whether the worker knows a menu item: updating an unknown one is refused. */
function menuItemExists(worker: Worker, id: string): Promise<boolean> {
  return worker.evaluate(
    (itemId) =>
      (globalThis as unknown as { chrome: typeof browser }).chrome.contextMenus.update(itemId, {}).then(
        () => true,
        () => false,
      ),
    id,
  );
}

test.describe('context menu on repository links', () => {
  test('is made at install and survives the service worker being stopped', async ({ context, serviceWorker, popup }) => {
    // Made when runtime.onInstalled fires, just after the worker starts.
    for (const id of ITEMS) await expect.poll(() => menuItemExists(serviceWorker, id), id).toBe(true);
    expect(await menuItemExists(serviceWorker, 'no-such-item')).toBe(false);

    await popup.open();
    await stopServiceWorker(context, popup.page, serviceWorker);
    const worker = context.serviceWorkers().at(-1)!;
    for (const id of ITEMS) expect(await menuItemExists(worker, id), id).toBe(true);

    // A click reaches the new worker's listener.
    const links = await openLinks(context);
    await links.choose(worker, 'copy-https-clone-url', 'ios-app');
    await expect.poll(() => links.clipboard()).toBe(HTTPS);
  });

  test('copies the HTTPS and SSH clone URLs, in the dev.azure.com form for a legacy visualstudio.com link', async ({ context, serviceWorker }) => {
    const links = await openLinks(context);
    const tabsBefore = context.pages().map((page) => page.url());

    await links.choose(serviceWorker, 'copy-ssh-clone-url', 'ios-app');
    await expect.poll(() => links.clipboard()).toBe(SSH);
    await links.choose(serviceWorker, 'copy-https-clone-url', 'ios-app (old address)');
    await expect.poll(() => links.clipboard()).toBe(HTTPS);
    await links.choose(serviceWorker, 'copy-ssh-clone-url', 'ios-app (old address)');
    await expect.poll(() => links.clipboard()).toBe(SSH);
    await links.choose(serviceWorker, 'copy-https-clone-url', 'legacy-app on our server');
    await expect.poll(() => links.clipboard()).toBe(SERVER);
    // No tab was opened or navigated for a copy.
    expect(context.pages().map((page) => page.url())).toEqual(tabsBefore);
  });

  test('opens the repository in Azure DevOps in a new tab, in the dev.azure.com form for a legacy link', async ({ context, serviceWorker }) => {
    const links = await openLinks(context);
    const opened = context.waitForEvent('page');
    await links.choose(serviceWorker, 'open-in-azure-devops', 'ios-app (old address)');
    const page = await opened;
    await expect(page).toHaveURL(HTTPS);
    // The fake's repository page, with the content script's buttons.
    await new RepoPage(page).waitForHeaderButtons();
    expect(links.page.url()).toBe(`${LinkPage.ORIGIN}/`);
  });

  test('clones in GitKraken Desktop by default, through gitkraken.dev in a new tab', async ({ context, serviceWorker }) => {
    // gitkraken.dev stands in for itself: nothing reaches the network.
    await context.route('https://gitkraken.dev/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>GitKraken</title>' }));
    const links = await openLinks(context);
    const opened = context.waitForEvent('page');
    await links.choose(serviceWorker, 'clone-in-client', 'ios-app (old address)');
    const page = await opened;
    await expect(page).toHaveURL(/^https:\/\/gitkraken\.dev\/link\//);
    const inner = atob(decodeURIComponent(new URL(page.url()).pathname.replace('/link/', '')));
    expect(new URL(inner).searchParams.get('url')).toBe(HTTPS);
  });

  test('clones with the client and protocol chosen in the popup, from the page the link is on', async ({ context, serviceWorker, popup }) => {
    await popup.open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.getByRole('button', { name: 'Repositories' }).click();
    await popup.page.getByRole('combobox', { name: 'Clone with' }).selectOption({ label: 'Visual Studio Code' });
    await popup.page.getByRole('combobox', { name: 'using' }).selectOption('ssh');
    await popup.page.close();

    const links = await openLinks(context);
    const tabsBefore = context.pages().length;
    // A custom-scheme link goes to the operating system from the link's own tab, which stays on its
    // page: no tab is left behind.
    const handedOver = links.page.waitForRequest(/^vscode:/);
    await links.choose(serviceWorker, 'clone-in-client', 'ios-app');
    expect((await handedOver).url()).toBe(`vscode://vscode.git/clone?url=${encodeURIComponent('ssh://git@ssh.dev.azure.com/v3/contoso/Mobile%20App/ios-app')}`);
    await expect(links.page).toHaveURL(`${LinkPage.ORIGIN}/`);
    expect(context.pages()).toHaveLength(tabsBefore);
  });

  test('does nothing on links that are not Azure DevOps repositories', async ({ context, serviceWorker }) => {
    const links = await openLinks(context);
    const tabsBefore = context.pages().map((page) => page.url());
    await links.setClipboard('unchanged');
    const requests: string[] = [];
    links.page.on('request', (request) => requests.push(request.url()));

    for (const link of ['Mobile App board', 'ios-app on GitHub', 'look-alike']) {
      for (const id of ITEMS) await links.choose(serviceWorker, id, link);
    }
    // A Server's SSH URL does not follow from its web link: nothing to copy.
    await links.choose(serviceWorker, 'copy-ssh-clone-url', 'legacy-app on our server');
    expect(await links.clipboard()).toBe('unchanged');

    // Handled in order: once a real copy lands, the clicks before it are done.
    await links.choose(serviceWorker, 'copy-https-clone-url', 'ios-app');
    await expect.poll(() => links.clipboard()).toBe(HTTPS);
    expect(context.pages().map((page) => page.url())).toEqual(tabsBefore);
    expect(requests).toEqual([]);
  });
});
