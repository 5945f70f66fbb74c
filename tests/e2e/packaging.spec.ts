import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { AZURE_HOST_PERMISSIONS, MINIMUM_CHROME_VERSION, MINIMUM_FIREFOX_VERSION } from '../../wxt.config';
import { BUDGETS_GZIP_BYTES } from '../bench/budgets';
import { measureBundles } from '../bench/bundle-sizes';
import { builtZip } from '../support/built-zip';

test.describe('packaging', () => {
  for (const target of ['chrome-mv3', 'firefox-mv2'] as const) {
    test(`the ${target} manifest asks for the least the product needs`, () => {
      const manifest = JSON.parse(fs.readFileSync(path.resolve('.output', target, 'manifest.json'), 'utf8'));
      expect(manifest.name).toBe('ADO Companion');
      expect(Object.keys(manifest.icons)).toEqual(expect.arrayContaining(['16', '32', '48', '128']));
      const hostPermissions = target === 'chrome-mv3' ? manifest.host_permissions : manifest.permissions.filter((p: string) => p.includes('://'));
      expect([...hostPermissions].sort()).toEqual([...AZURE_HOST_PERMISSIONS].sort());
      const apiPermissions = manifest.permissions.filter((p: string) => !p.includes('://'));
      // Chromium only: `offscreen` (the service worker copies through an offscreen document).
      // `scripting` in both: the pull request dialog on demand, the page script on granted Server hosts.
      const chromiumOnly = target === 'chrome-mv3' ? ['offscreen'] : [];
      // `alarms`: the pull request inbox behind the badge is refreshed on a period. `activeTab`: a
      // keyboard shortcut may show a short note in the tab it was pressed in (no install warning).
      expect(apiPermissions.sort()).toEqual(['activeTab', 'alarms', 'clipboardWrite', 'contextMenus', 'identity', ...chromiumOnly, 'scripting', 'storage']);
      // Azure DevOps Server hosts, and notifications when the user turns them on, are only ever asked for at run time.
      const optionalHosts = target === 'chrome-mv3' ? manifest.optional_host_permissions : manifest.optional_permissions.filter((p: string) => p.includes('://'));
      expect(optionalHosts).toEqual(['https://*/*', 'http://*/*']);
      expect(manifest.optional_permissions.filter((p: string) => !p.includes('://'))).toEqual(['notifications']);
      expect(manifest.content_scripts[0].matches.sort()).toEqual(['https://*.visualstudio.com/*', 'https://dev.azure.com/*']);
      expect(manifest.content_scripts[0].exclude_matches).toContain('https://marketplace.visualstudio.com/*');
      expect(manifest.externally_connectable).toBeUndefined();
      // The oldest browser versions the message protocol and storage were checked against.
      if (target === 'chrome-mv3') expect(manifest.minimum_chrome_version).toBe(MINIMUM_CHROME_VERSION);
      else expect(manifest.browser_specific_settings.gecko.strict_min_version).toBe(MINIMUM_FIREFOX_VERSION);
      // What an IT department may preset: Chromium checks it against the packaged schema; Firefox
      // takes its enterprise policy's `3rdparty` part without one (docs/managed-configuration.md).
      if (target === 'chrome-mv3') expect(JSON.parse(fs.readFileSync(path.resolve('.output', target, manifest.storage.managed_schema), 'utf8')).type).toBe('object');
      else expect(manifest.storage).toBeUndefined();
    });
  }

  // Debian 12 installs Firefox ESR 140 by default; data_collection_permissions needs 140 on desktop
  // and 142 on Android (docs/browser-support.md).
  test('the Firefox build installs on Firefox ESR 140, and on Firefox for Android from 142', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve('.output/firefox-mv2/manifest.json'), 'utf8'));
    const settings = manifest.browser_specific_settings;
    expect(settings.gecko.strict_min_version).toBe('140.0');
    expect(settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(settings.gecko_android).toEqual({ strict_min_version: '142.0' });
  });

  // The popup's header paints in the page's first frame, before its script has loaded, and its first
  // screen as soon as that one file has: no style sheet to wait for, no import fetched after it
  // (docs/page-footprint.md#popup-first-paint).
  for (const target of ['chrome-mv3', 'firefox-mv2'] as const) {
    test(`the ${target} popup paints its header before its script, and its script is one file`, () => {
      const root = path.resolve('.output', target);
      const html = fs.readFileSync(path.join(root, 'popup.html'), 'utf8');
      expect(html).toMatch(/<h1>ADO Companion<\/h1>/);
      expect(html).toMatch(/<style>[^<]*\.popup-header/);
      expect(html).not.toMatch(/<link/);
      const scripts = [...html.matchAll(/<script type="module"[^>]* src="\/([^"]+)"/g)].map((m) => m[1]!);
      expect(scripts).toHaveLength(1);
      const code = fs.readFileSync(path.join(root, scripts[0]!), 'utf8');
      expect(code.match(/\bimport\s*(?:[\w${},*\s]+from\s*)?["'`][^"'`]+["'`]/g) ?? []).toEqual([]);
    });
  }

  test('every bundle of the Chrome build stays within its size budget', () => {
    const sizes = measureBundles();
    expect(sizes.map((s) => s.bundle).sort()).toEqual(Object.keys(BUDGETS_GZIP_BYTES).sort());
    for (const { bundle, gzip, files } of sizes) {
      expect(files, bundle).toBeGreaterThan(0);
      expect(gzip, `${bundle}: ${gzip} B gzip, budget ${BUDGETS_GZIP_BYTES[bundle]} B`).toBeLessThanOrEqual(BUDGETS_GZIP_BYTES[bundle]);
    }
  });

  test('npm run zip makes an installable zip for Chrome/Edge and for Firefox', () => {
    for (const zip of [builtZip('chrome'), builtZip('firefox')]) {
      // A zip starts with a local file header; the manifest must sit at its root.
      const bytes = fs.readFileSync(zip);
      expect(bytes.subarray(0, 4).toString('hex'), zip).toBe('504b0304');
      expect(bytes.includes(Buffer.from('manifest.json')), zip).toBe(true);
    }
  });
});
