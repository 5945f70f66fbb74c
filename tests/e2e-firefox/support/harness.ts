import { after, afterEach, before, beforeEach } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { startFakeAdo, type FakeAdo } from '../../fake-ado/server';
import { FirefoxPopup } from '../pages/popup';
import { startAdoProxy, type AdoProxy } from './ado-proxy';
import { BUILD_DEFAULT_CLIENT_ID } from '../../fake-ado/state';
import { firefoxRedirectUri, launchFirefox, signInToAzureDevOpsWeb, type FirefoxWithExtension } from './launch-firefox';

export interface FirefoxHarness {
  readonly fakeAdo: FakeAdo;
  readonly proxy: AdoProxy;
  /** A fresh Firefox (new profile, extension just installed) for every test. */
  readonly browser: Browser;
  readonly firefox: FirefoxWithExtension;
  popup(): FirefoxPopup;
}

/**
 * node:test hooks for one spec file: one fake Azure DevOps and one proxy for the file, reset before
 * every test; a new Firefox profile with the built extension for every test, so no test sees
 * another's accounts. `extension` installs something other than .output/firefox-mv2 (a zip);
 * `grantOptionalPermissions` lets a real click grant an optional permission without the prompt.
 */
export function useFirefox(options: { extension?: () => string; grantOptionalPermissions?: boolean } = {}): FirefoxHarness {
  let fakeAdo: FakeAdo | undefined;
  let proxy: AdoProxy | undefined;
  let firefox: FirefoxWithExtension | undefined;
  const launches: number[] = [];

  before(async () => {
    fakeAdo = await startFakeAdo({ port: 0 });
    proxy = await startAdoProxy({ hosts: fakeAdo.hosts, fakeAdoPort: fakeAdo.port });
  });
  beforeEach(async () => {
    fakeAdo!.control.reset();
    // As the owner of the Entra app would: the fake refuses redirect URIs it does not know.
    fakeAdo!.control.registerEntraRedirectUri(BUILD_DEFAULT_CLIENT_ID, firefoxRedirectUri());
    firefox = await launchFirefox({ proxyPort: proxy!.port, extension: options.extension?.(), grantOptionalPermissions: options.grantOptionalPermissions });
    launches.push(firefox.launchMs);
    // Signed in to Azure DevOps' web UI like a user of the extension.
    await signInToAzureDevOpsWeb(firefox.browser, fakeAdo!);
  });
  afterEach(async () => {
    await firefox?.close();
    firefox = undefined;
  });
  after(async () => {
    await proxy?.close();
    await fakeAdo?.close();
    if (launches.length > 0) {
      const average = Math.round(launches.reduce((a, b) => a + b, 0) / launches.length);
      console.log(`Firefox launch + add-on install: ${launches.length}×, average ${average} ms, slowest ${Math.max(...launches)} ms`);
    }
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
