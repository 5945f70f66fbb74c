import { after, afterEach, beforeEach } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { startFakeAdo, type FakeAdo } from '../../fake-ado/server';
import { FirefoxPopup } from '../pages/popup';
import { startAdoProxy, type AdoProxy } from './ado-proxy';
import { resetFirefox } from './reset-firefox';
import { BUILD_DEFAULT_CLIENT_ID } from '../../fake-ado/state';
import { firefoxRedirectUri, launchFirefox, signInToAzureDevOpsWeb, type FirefoxWithExtension } from './launch-firefox';

export interface FirefoxHarness {
  readonly fakeAdo: FakeAdo;
  readonly proxy: AdoProxy;
  /** The Firefox of this process, as good as new for every test (support/reset-firefox.ts). */
  readonly browser: Browser;
  readonly firefox: FirefoxWithExtension;
  popup(): FirefoxPopup;
}

/**
 * What the tests of one process share (docs/testing.md#firefox-reset): one fake Azure DevOps and
 * its proxy, and one Firefox with the built add-on, launched for the first test and reset before
 * every next one, whichever spec file and `describe` it belongs to. A Firefox launch costs 5–7 s on
 * two cores; a reset 1–2 s. A group that installs something else (a zip, a copy with another add-on
 * id) gets a Firefox of its own, closed when the group ends.
 */
let shared: Promise<{ fakeAdo: FakeAdo; proxy: AdoProxy }> | undefined;
let firefox: (FirefoxWithExtension & { installed: string }) | undefined;
const launches: number[] = [];
const resets: number[] = [];

const servers = () =>
  (shared ??= (async () => {
    const fakeAdo = await startFakeAdo({ port: 0 });
    return { fakeAdo, proxy: await startAdoProxy({ hosts: fakeAdo.hosts, fakeAdoPort: fakeAdo.port }) };
  })());

async function closeFirefox(): Promise<void> {
  const closing = firefox;
  firefox = undefined;
  await closing?.close();
}

// The process's last hook: everything shared goes, and what it cost is printed.
after(async () => {
  await closeFirefox();
  if (shared) {
    const { fakeAdo, proxy } = await shared;
    await proxy.close();
    await fakeAdo.close();
  }
  const summary = (what: string, times: number[]) =>
    times.length > 0 ? `${what}: ${times.length}×, average ${Math.round(times.reduce((a, b) => a + b, 0) / times.length)} ms, slowest ${Math.max(...times)} ms` : null;
  const lines = [summary('Firefox launch + add-on install', launches), summary('reset', resets)].filter(Boolean);
  if (lines.length > 0) console.log(lines.join('; '));
});

/**
 * node:test hooks for one group of tests (a `describe`). `extension` installs something other than
 * .output/firefox-mv2 (a zip, or a copy with another add-on id, `addonId`). A test that fails closes
 * the Firefox: the next one gets a new one, never a browser the failure left in an odd state.
 */
export function useFirefox(options: { extension?: () => string; addonId?: string } = {}): FirefoxHarness {
  let servers_: { fakeAdo: FakeAdo; proxy: AdoProxy } | undefined;

  beforeEach(async () => {
    servers_ = await servers();
    const installed = `${options.extension?.() ?? ''}\n${options.addonId ?? ''}`;
    // Another add-on than this group installs: that Firefox goes.
    if (firefox && firefox.installed !== installed) await closeFirefox();
    // A Firefox left by the previous test is reset now rather than after it: the last test pays none.
    if (firefox) {
      try {
        resets.push(await resetFirefox(firefox.browser));
      } catch (error) {
        console.log(`Resetting Firefox failed, so this test gets a new Firefox: ${error instanceof Error ? error.message : String(error)}`);
        await closeFirefox();
      }
    }
    if (!firefox) {
      const launched = await launchFirefox({ proxyPort: servers_.proxy.port, extension: options.extension?.(), addonId: options.addonId });
      firefox = { ...launched, installed };
      launches.push(launched.launchMs);
    }
    // After the browser's reset: a request the previous test's background still had on its way has
    // arrived by now (or was cancelled with it), so it cannot show up in this test's request log.
    servers_.fakeAdo.control.reset();
    // As the owner of the Entra app would: the fake refuses redirect URIs it does not know.
    servers_.fakeAdo.control.registerEntraRedirectUri(BUILD_DEFAULT_CLIENT_ID, firefoxRedirectUri());
    // Signed in to Azure DevOps' web UI like a user of the extension.
    await signInToAzureDevOpsWeb(firefox.browser, servers_.fakeAdo);
  });
  // node:test gives the hook the test's context; its `passed` is missing from the installed types (without it, every test relaunches).
  afterEach(async (t) => {
    if (!(t as { passed?: boolean }).passed) await closeFirefox();
  });
  // A Firefox with another add-on than the built one is this group's alone.
  if (options.extension || options.addonId) after(closeFirefox);

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is only available inside a test`);
    return value;
  };
  return {
    get fakeAdo() {
      return need(servers_, 'fakeAdo').fakeAdo;
    },
    get proxy() {
      return need(servers_, 'proxy').proxy;
    },
    get firefox() {
      return need(firefox, 'firefox');
    },
    get browser() {
      return need(firefox, 'browser').browser;
    },
    popup() {
      return new FirefoxPopup(need(firefox, 'browser').browser);
    },
  };
}
