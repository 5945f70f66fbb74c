/**
 * `npm start`: the built extension in Chromium against the embedded demo Azure DevOps.
 * With a display it opens a window and stays up until Ctrl-C; without one it runs headless,
 * walks through the main screens and writes screenshots to demo-output/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startFakeAdo } from '../tests/fake-ado/server';
import { demoFixture } from '../tests/fake-ado/fixtures/demo';
import { extensionIdOf, launchExtensionBrowser } from '../tests/e2e/support/launch-browser';

const OUTPUT_DIR = path.resolve(process.env.DEMO_OUTPUT_DIR ?? 'demo-output');
const headless = !process.env.DISPLAY || process.argv.includes('--headless');

const fixture = demoFixture();
const fakeAdo = await startFakeAdo({ port: Number(process.env.FAKE_ADO_PORT ?? 0), fixture });
// The busiest repository of the first organization makes the richest screens.
const demoOrg = fixture.organizations[0]!;
const [demoProject, demoRepo] = demoOrg.projects
  .flatMap((project) => project.repositories.map((repo) => [project, repo] as const))
  .sort(([, a], [, b]) => b.pullRequests.length - a.pullRequests.length)[0]!;
const repoUrl = ['https://dev.azure.com', demoOrg.name, demoProject.name, '_git', demoRepo.name]
  .map((segment, index) => (index === 0 ? segment : encodeURIComponent(segment)))
  .join('/');
const profileDir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'ado-companion-demo-'));
const context = await launchExtensionBrowser({
  fakeAdoPort: fakeAdo.port,
  hosts: fakeAdo.hosts,
  userDataDir: profileDir,
  headless,
});

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await context.close().catch(() => {});
  await fakeAdo.close().catch(() => {});
  fs.rmSync(profileDir, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const extensionId = await extensionIdOf(context);
  console.log(`Fake Azure DevOps: ${fakeAdo.origin} (answers for ${fakeAdo.hosts.join(', ')})`);
  console.log(`Extension: chrome-extension://${extensionId}/popup.html`);

  const screens: { name: string; url: string; size?: { width: number; height: number } }[] = [
    { name: 'popup', url: `chrome-extension://${extensionId}/popup.html`, size: { width: 400, height: 600 } },
    { name: 'repository-files', url: repoUrl },
    { name: 'pull-requests', url: `${repoUrl}/pullrequests` },
  ];

  if (headless) {
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    for (const screen of screens) {
      const page = await context.newPage();
      if (screen.size) await page.setViewportSize(screen.size);
      await page.goto(screen.url);
      await page.waitForLoadState('networkidle');
      const file = path.join(OUTPUT_DIR, `${screen.name}.png`);
      await page.screenshot({ path: file });
      console.log(`screenshot: ${file}`);
      await page.close();
    }
    await stop(0);
  } else {
    for (const screen of screens.slice(1)) await (await context.newPage()).goto(screen.url);
    const popup = await context.newPage();
    await popup.goto(screens[0]!.url);
    console.log('Chromium is open with ADO Companion. Press Ctrl-C to stop.');
    context.on('close', () => void stop(0));
  }
} catch (error) {
  console.error('The demo could not start:', error instanceof Error ? error.message : error);
  await stop(1);
}
