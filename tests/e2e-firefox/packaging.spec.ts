import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { useFirefox } from './support/harness';
import { FIREFOX_EXTENSION_DIR } from './support/launch-firefox';
import { FirefoxRepoPage } from './pages/repo-page';

const run = promisify(execFile);

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
  let outDir = '';
  let zip = '';
  before(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ado-zip-firefox-'));
    // Its own output folder: a zip never rebuilds .output under a running test.
    await run('npm', ['run', 'zip'], { env: { ...process.env, ADO_COMPANION_OUT_DIR: outDir } });
    const name = fs.readdirSync(outDir).find((file) => file.endsWith('-firefox.zip'));
    assert.ok(name, `no Firefox zip in ${fs.readdirSync(outDir).join(', ')}`);
    zip = path.join(outDir, name);
  });
  after(() => fs.rmSync(outDir, { recursive: true, force: true }));

  const ff = useFirefox({ extension: () => zip });

  it('installs, its popup reaches the background and its content script runs', async () => {
    assert.equal(ff.firefox.addonId, 'ado-companion@ado-companion.dev');
    const popup = await ff.popup().open();
    await popup.waitForConnectScreen();
    assert.deepEqual(await popup.send('ping', {}), { ok: true, data: { pong: true, version: '0.1.0' } });
    const repo = await new FirefoxRepoPage(ff.browser).open('https://dev.azure.com/contoso/Mobile%20App/_git/ios-app');
    await repo.waitForHeaderButtons();
  });
});
