import { after, afterEach, before, beforeEach } from 'node:test';
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
  /** The Firefox of this group of tests, as good as new for every test (support/reset-firefox.ts). */
  readonly browser: Browser;
  readonly firefox: FirefoxWithExtension;
  popup(): FirefoxPopup;
}

/**
 * node:test hooks for one group of tests (a `describe`): one fake Azure DevOps and one proxy, reset
 * before every test; one Firefox with the built extension, launched for the first test and reset
 * before each next one (docs/testing.md#firefox-reset), so no test sees another's accounts. A test that fails
 * closes its Firefox: the next one gets a new one, never a browser the failure left in an odd state.
 * `extension` installs something other than .output/firefox-mv2 (a zip, or a copy with another
 * add-on id, `addonId`).
 */
export function useFirefox(options: { extension?: () => string; addonId?: string } = {}): FirefoxHarness {
  let fakeAdo: FakeAdo | undefined;
  let proxy: AdoProxy | undefined;
  let firefox: FirefoxWithExtension | undefined;
  const launches: number[] = [];
  const resets: number[] = [];

  before(async () => {
    fakeAdo = await startFakeAdo({ port: 0 });
    proxy = await startAdoProxy({ hosts: fakeAdo.hosts, fakeAdoPort: fakeAdo.port });
  });
  beforeEach(async () => {
    // A Firefox left by the previous test is reset now rather than after it: the group's last test pays none.
    if (firefox) {
      try {
        resets.push(await resetFirefox(firefox.browser));
      } catch (error) {
        console.log(`Resetting Firefox failed, so this test gets a new Firefox: ${error instanceof Error ? error.message : String(error)}`);
        await firefox.close();
        firefox = undefined;
      }
    }
    if (!firefox) {
      firefox = await launchFirefox({ proxyPort: proxy!.port, extension: options.extension?.(), addonId: options.addonId });
      launches.push(firefox.launchMs);
    }
    // After the browser's reset: a request the previous test's background still had on its way has
    // arrived by now (or was cancelled with it), so it cannot show up in this test's request log.
    fakeAdo!.control.reset();
    // As the owner of the Entra app would: the fake refuses redirect URIs it does not know.
    fakeAdo!.control.registerEntraRedirectUri(BUILD_DEFAULT_CLIENT_ID, firefoxRedirectUri());
    // Signed in to Azure DevOps' web UI like a user of the extension.
    await signInToAzureDevOpsWeb(firefox.browser, fakeAdo!);
  });
  // node:test gives the hook the test's context; its `passed` is missing from the installed types (without it, every test relaunches).
  afterEach(async (t) => {
    if (!firefox || (t as { passed?: boolean }).passed) return;
    await firefox.close();
    firefox = undefined;
  });
  after(async () => {
    await firefox?.close();
    firefox = undefined;
    await proxy?.close();
    await fakeAdo?.close();
    const summary = (what: string, times: number[]) =>
      times.length > 0 ? `${what}: ${times.length}×, average ${Math.round(times.reduce((a, b) => a + b, 0) / times.length)} ms, slowest ${Math.max(...times)} ms` : null;
    const lines = [summary('Firefox launch + add-on install', launches), summary('reset', resets)].filter(Boolean);
    if (lines.length > 0) console.log(lines.join('; '));
  });

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is only available inside a test`);
    return value;
  };
  return {
    get fakeAdo() {
      return need(fakeAdo, 'fakeAdo');
    },
    get proxy() {
      return need(proxy, 'proxy');
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
