interface NavigatorPlatform {
  platform: string;
  /** User-Agent Client Hints: Chromium only. */
  userAgentData?: { platform: string };
}

/**
 * Whether the browser runs on Windows, where some clients' links do nothing (Fork): from the client
 * hints where the browser has them (`Windows`), else `navigator.platform` (`Win32`).
 */
export function onWindows(nav: NavigatorPlatform | undefined = globalThis.navigator as NavigatorPlatform | undefined): boolean {
  return /^win/i.test(nav?.userAgentData?.platform || nav?.platform || '');
}
