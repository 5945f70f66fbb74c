import puppeteer from 'puppeteer-core';
import fs from 'node:fs';
import { navigateRaw } from './tests/e2e-firefox/support/launch-firefox';
const file = '/usr/lib/firefox-esr/distribution/policies.json';
fs.writeFileSync(file, JSON.stringify({ policies: { '3rdparty': { Extensions: { 'polexp@ado-companion.dev': { allowPatSignIn: false } } } } }));
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, args: ['--remote-allow-system-access'],
  extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ 'polexp@ado-companion.dev': '0a6c0d3e-5b1f-4c8e-9a7d-ad0c0a1e0009' }) } });
try {
  const id = await browser.installExtension('/tmp/polexp/fx');
  console.log('installed', id);
  const page = await browser.newPage();
  await navigateRaw(browser, page, 'moz-extension://0a6c0d3e-5b1f-4c8e-9a7d-ad0c0a1e0009/p.html');
  await new Promise((r) => setTimeout(r, 1000));
  console.log(await page.title());
} finally { await browser.close(); fs.rmSync(file); }
