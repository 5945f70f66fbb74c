import type { FakeAdo } from '../../fake-ado/server';
import { createHash } from 'node:crypto';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { preferMemoryTmpdir } from '../../support/memory-tmpdir';

export const FIREFOX_EXTENSION_DIR = path.resolve('.output/firefox-mv2');

/** Debian's Firefox ESR; no tool may download a browser (docs/testing.md#browsers). */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The add-on id from wxt.config.ts (browser_specific_settings.gecko.id). */
export const GECKO_ID = 'ado-companion@ado-companion.dev';

/**
 * The moz-extension:// host of the installed add-on. Firefox picks a random one per profile unless
 * the pref `extensions.webextensions.uuids` names it in advance.
 */
export const EXTENSION_UUID = '0a6c0d3e-5b1f-4c8e-9a7d-ad0c0a1e0001';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/**
 * What `browser.identity.getRedirectURL()` returns in Firefox for this add-on:
 * `https://<SHA-1 of the add-on id, hex>.extensions.allizom.org/` (Chromium's form is
 * `https://<extension id>.chromiumapp.org/`). See docs/firefox.md.
 */
export function firefoxRedirectUri(addonId = GECKO_ID): string {
  return `https://${createHash('sha1').update(addonId).digest('hex')}.extensions.allizom.org/`;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** The gecko id Firefox reported on install. */
  addonId: string;
  /** How long launch and install took (ms), for the summary line. */
  launchMs: number;
  close(): Promise<void>;
}

/**
 * Firefox ESR, headless, driven over WebDriver BiDi, with the built extension installed as a
 * temporary add-on and every Azure DevOps and Entra host reaching the fake through `proxyPort`.
 */
export async function launchFirefox(options: { proxyPort: number; extension?: string; addonId?: string }): Promise<FirefoxWithExtension> {
  const started = Date.now();
  // puppeteer makes the profile in the temporary folder: in memory where it can (docs/testing.md#time).
  preferMemoryTmpdir();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: process.env.HEADED ? false : true,
    // The fake's certificate is self-signed.
    acceptInsecureCerts: true,
    defaultViewport: { width: 1280, height: 800 },
    // BiDi refuses moz-extension:// pages without it.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // The same host for a copy with another add-on id (a managed policy's), so pages open alike.
      'extensions.webextensions.uuids': JSON.stringify({ [options.addonId ?? GECKO_ID]: EXTENSION_UUID }),
      // Every connection goes through the proxy, which tunnels only the fake's hosts.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': options.proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': options.proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.socks_remote_dns': true,
      'network.dns.disablePrefetch': true,
      'network.http.speculative-parallel-limit': 0,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'app.update.enabled': false,
      // Optional permissions are granted to a real click without Firefox's prompt (automation cannot answer it).
      'extensions.webextOptionalPermissionPrompts': false,
      // Tests open several tabs and keep acting on those behind the newest: Firefox would run their
      // timers at most once a second and their animation frames once a second, as for tabs a person
      // left; a person acts on the tab in front, which runs at full speed.
      'dom.min_background_timeout_value': 4,
      'dom.min_background_timeout_value_without_budget_throttling': 4,
      'dom.timeout.enable_budget_timer_throttling': false,
      'layout.throttled_frame_rate': 60,
    },
  });
  try {
    const addonId = await browser.installExtension(options.extension ?? FIREFOX_EXTENSION_DIR);
    return { browser, addonId, launchMs: Date.now() - started, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Opens an extension page (e.g. "popup.html") in a new tab. `page.goto()` never resolves for
 * moz-extension:// URLs (no load event reaches it), so this sends the raw BiDi command
 * `browsingContext.navigate` with `wait: 'complete'`.
 */
export async function openExtensionPage(browser: Browser, pagePath: string, page?: Page): Promise<Page> {
  const tab = page ?? (await browser.newPage());
  await navigateRaw(browser, tab, `${EXTENSION_ORIGIN}/${pagePath}`);
  return tab;
}

export async function navigateRaw(browser: Browser, page: Page, url: string): Promise<void> {
  await bidi(browser).send('browsingContext.navigate', { context: browsingContextOf(page), url, wait: 'complete' });
}

// puppeteer-core exposes the BiDi connection and context ids on its BiDi classes only.
interface BidiSend {
  send(method: 'browsingContext.navigate', params: { context: string; url: string; wait: 'complete' }): Promise<unknown>;
}
function bidi(browser: Browser): BidiSend {
  const connection = (browser as unknown as { connection?: BidiSend }).connection;
  if (!connection) throw new Error('not a WebDriver BiDi session');
  return connection;
}
export function browsingContextOf(page: Page): string {
  const id = (page.mainFrame() as unknown as { _id?: string })._id;
  if (!id) throw new Error('no browsing context id on the page');
  return id;
}

/**
 * Signs Firefox in to the web UI of every Azure DevOps host of the fake (default: as the first member
 * of the first organization): the fake's session cookies, set through the browser's cookie API
 * (docs/page-session.md).
 */
export async function signInToAzureDevOpsWeb(browser: Browser, fake: Pick<FakeAdo, 'control'>, options: { user?: string } = {}): Promise<void> {
  const cookies = fake.control.startWebSessions(options);
  await browser.setCookie(
    ...cookies.map((cookie) => ({ name: cookie.name, value: cookie.value, domain: cookie.host, path: '/', httpOnly: true, secure: true, sameSite: 'None' as const })),
  );
}
