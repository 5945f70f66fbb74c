/**
 * The browser side of an Entra sign-in against tests/fake-ado, for unit tests of lib/auth:
 * - `authWindow` plays `identity.launchWebAuthFlow`: loads the authorize URL, presses the fake's
 *   "Sign in as …" (or Cancel) button like a person, and resolves with the final redirect URL
 *   (never following it: the https redirect URI is the extension's own, not a server), or rejects
 *   with Chromium's wording when the window is closed or needs a person but may not show.
 * - `extensionFetch` adds the `Origin` the browser adds to a service worker's cross-origin fetch
 *   (Node's fetch sends none; Entra requires it of SPA clients), records every secret that passes
 *   so tests can assert none leaks into an error, and can tamper with the token request.
 * - `hostRoutedFetch` reaches a fixed Microsoft host (app.vssps.visualstudio.com, dev.azure.com)
 *   on the fake, keeping the Host header, the way Chromium's --host-resolver-rules does.
 */

export const CLIENT_ID = '5b0a9c2e-3d51-4f7a-9e0b-6c1d2e3f4a5b';
export const REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
export const EXTENSION_ORIGIN = 'chrome-extension://test';

/** Chromium's rejections (extensions/browser/api/identity). */
export const CHROME_WINDOW_CLOSED = 'The user did not approve access.';
export const CHROME_INTERACTION_REQUIRED = 'User interaction required.';

export type WindowChoice = { signInAs: string } | { cancel: true } | { closeWindow: true };

export interface AuthWindow {
  (details: { url: string; interactive: boolean }): Promise<string | undefined>;
  /** Every call, for asserting on the authorize URL. */
  calls: { url: string; interactive: boolean }[];
}

export function authWindow(choice: WindowChoice, hooks: { afterRedirect?: () => void } = {}): AuthWindow {
  const calls: AuthWindow['calls'] = [];
  const launch = async (details: { url: string; interactive: boolean }) => {
    calls.push(details);
    const page = await fetch(details.url, { redirect: 'manual' });
    let location = redirectLocation(page);
    if (!location) {
      if (!details.interactive) throw new Error(CHROME_INTERACTION_REQUIRED);
      // An error page or the account picker: the person can only act on the picker.
      if (page.status !== 200 || 'closeWindow' in choice) throw new Error(CHROME_WINDOW_CLOSED);
      const html = await page.text();
      const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
      if (!action) throw new Error(CHROME_WINDOW_CLOSED);
      let field: [string, string];
      if ('cancel' in choice) field = ['cancel', '1'];
      else {
        const name = choice.signInAs.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const userId = new RegExp(`name="login_user" value="([^"]+)">Sign in as ${name}<`).exec(html)?.[1];
        if (!userId) throw new Error(`no "Sign in as ${choice.signInAs}" button on the page`);
        field = ['login_user', userId];
      }
      const posted = await fetch(new URL(action, details.url), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams([field]).toString(),
      });
      location = redirectLocation(posted);
      if (!location) throw new Error(CHROME_WINDOW_CLOSED);
    }
    hooks.afterRedirect?.();
    // launchWebAuthFlow ends when the window navigates to the redirect URI.
    if (!location.startsWith(REDIRECT_URI)) throw new Error(`the flow left the fake for ${new URL(location).origin}`);
    return location;
  };
  return Object.assign(launch, { calls });
}

function redirectLocation(response: Response): string | null {
  return response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
}

export interface ExtensionFetch {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
  /** Codes, verifiers and tokens seen in token requests and answers. */
  secrets: Set<string>;
  /** Token endpoint calls. */
  tokenCalls: URLSearchParams[];
}

export function extensionFetch(options: { tamper?: (params: URLSearchParams) => void; origin?: string | null } = {}): ExtensionFetch {
  const secrets = new Set<string>();
  const tokenCalls: URLSearchParams[] = [];
  const run = async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init.headers);
    const origin = options.origin === undefined ? EXTENSION_ORIGIN : options.origin;
    if (origin) headers.set('Origin', origin);
    let body = init.body;
    const isToken = /\/oauth2\/v2\.0\/token$/.test(new URL(url).pathname);
    if (isToken && typeof body === 'string') {
      const params = new URLSearchParams(body);
      for (const key of ['code', 'code_verifier', 'refresh_token']) if (params.get(key)) secrets.add(params.get(key)!);
      options.tamper?.(params);
      for (const key of ['code', 'code_verifier', 'refresh_token']) if (params.get(key)) secrets.add(params.get(key)!);
      tokenCalls.push(params);
      body = params.toString();
    }
    const response = await fetch(url, { ...init, headers, body });
    if (isToken) {
      const answer = (await response.clone().json().catch(() => ({}))) as Record<string, unknown>;
      for (const key of ['access_token', 'refresh_token', 'id_token']) if (typeof answer[key] === 'string') secrets.add(answer[key]);
    }
    return response;
  };
  return Object.assign(run, { secrets, tokenCalls });
}

export { hostRoutedFetch } from '../../../fake-ado/host-routed-fetch';

/** No message or detail of `error` contains any of `secrets`. */
export function leakedSecrets(error: unknown, secrets: Iterable<string>): string[] {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify((error as { details?: unknown }).details ?? {})} ${error.stack ?? ''}` : String(error);
  return [...secrets].filter((secret) => secret.length >= 8 && text.includes(secret));
}

export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { kind?: string; details?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { kind?: string; details?: Record<string, unknown> };
  }
  throw new Error('expected a rejection');
}
