import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { builtZip } from '../support/built-zip';
import { useFirefox } from './support/harness';
import { FIREFOX_EXTENSION_DIR } from './support/launch-firefox';
import { FirefoxRepoPage } from './pages/repo-page';

describe('the Firefox build', () => {
  const contentScripts = () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    return (manifest.content_scripts as { js: string[] }[]).flatMap((entry) => entry.js);
  };

  it('has a content script', () => {
    assert.deepEqual(contentScripts(), ['azure-devops.js']);
  });

  // A top-level declaration in a content script becomes a global of the extension's sandbox in
  // that page, and would hide Firefox's own `content`, `browser`… (docs/firefox.md).
  it('declares no global variable in its content scripts', () => {
    for (const script of contentScripts()) {
      const code = fs.readFileSync(path.join(FIREFOX_EXTENSION_DIR, script), 'utf8');
      const declared = /^\s*(?:var|let|const|function|class)\s+([\w$]+)/.exec(code)?.[1];
      assert.equal(declared, undefined, `${script} declares ${declared}`);
      assert.match(code, /^\(function\(\)\{/, script);
    }
  });
});

describe('the npm run zip package in Firefox', () => {
  const ff = useFirefox({ extension: () => builtZip('firefox') });

  it('installs, its popup reaches the background and its content script runs', async () => {
    assert.equal(ff.firefox.addonId, 'ado-companion@ado-companion.dev');
    const popup = await ff.popup().open();
    await popup.waitForConnectScreen();
    assert.deepEqual(await popup.send('ping', {}), { ok: true, data: { pong: true, version: '0.1.0' } });
    const repo = await new FirefoxRepoPage(ff.browser).open('https://dev.azure.com/contoso/Mobile%20App/_git/ios-app');
    await repo.waitForHeaderButtons();
  });
});
