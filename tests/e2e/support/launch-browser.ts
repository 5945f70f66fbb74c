import type { FakeAdo } from '../../fake-ado/server';
import { BUILD_DEFAULT_CLIENT_ID } from '../../fake-ado/state';
import { chromium, type BrowserContext } from '@playwright/test';
import path from 'node:path';

export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');

/** Debian's Chromium; no tool may download a browser (docs/testing.md#browsers). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Real Chromium with the built extension, every Azure DevOps and Entra host mapped to the fake
 * server, and nothing reaching the internet.
 */
export async function launchExtensionBrowser(options: {
  fakeAdoPort: number;
  hosts: readonly string[];
  userDataDir?: string;
  headless?: boolean;
  /** Other unpacked extensions loaded beside ours (the benchmarks' bare extension). */
  alongside?: readonly string[];
  /** A copy of the built extension to load instead (an id of its own, for a managed policy). */
  extensionDir?: string;
  /**
   * At most this many page processes where sites allow sharing one (Chromium's `--renderer-process-limit`,
   * what it does by itself on a device short of memory): a new tab then joins a page process instead of
   * starting one. The E2E set it; the benchmarks and the demo run as a user's Chromium does.
   */
  rendererProcessLimit?: number;
}): Promise<BrowserContext> {
  const extensions = [options.extensionDir ?? EXTENSION_DIR, ...(options.alongside ?? [])].join(',');
  const rules = options.hosts.map((host) => `MAP ${host} 127.0.0.1:${options.fakeAdoPort}`);
  // Everything else fails fast instead of trying the network.
  rules.push('MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1');
  return chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      `--host-resolver-rules=${rules.join(', ')}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      ...(options.rendererProcessLimit ? [`--renderer-process-limit=${options.rendererProcessLimit}`] : []),
    ],
  });
}

/** The extension's id, read from its service worker (started on load). */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

/**
 * Registers the extension's redirect URI (`https://<id>.chromiumapp.org/`) with the fake Entra for
 * the client id the extension is built with, as its owner would in the Entra admin center: the fake
 * refuses any redirect URI that is not registered.
 */
export function registerWithFakeEntra(fake: Pick<FakeAdo, 'control'>, extensionId: string): void {
  fake.control.registerEntraRedirectUri(BUILD_DEFAULT_CLIENT_ID, `https://${extensionId}.chromiumapp.org/`);
}

/**
 * Signs the browser in to the web UI of every Azure DevOps host of the fake (default: as the first
 * member of the first organization), as the fake's sign-in page would: its session cookies, set
 * through the browser's cookie API (docs/page-session.md).
 */
export async function signInToAzureDevOpsWeb(context: BrowserContext, fake: Pick<FakeAdo, 'control'>, options: { user?: string } = {}): Promise<void> {
  const cookies = fake.control.startWebSessions(options);
  await context.addCookies(
    cookies.map((cookie) => ({
      name: cookie.name,
      value: cookie.value,
      // A URL (not a domain) makes a host-only cookie, as the fake's Set-Cookie does.
      url: `https://${cookie.host}/`,
      httpOnly: true,
      secure: true,
      sameSite: 'None' as const,
    })),
  );
}
