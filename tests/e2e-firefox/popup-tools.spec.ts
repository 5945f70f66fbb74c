import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { basic } from '../fake-ado/fixtures/basic';
import { DEFAULT_CLIENT_ID, desktopClient } from '../../lib/clients/desktop-clients';
import { useFirefox } from './support/harness';
import { FirefoxLinkPage } from './pages/link-page';
import { click, field, fill, poll, waitForText } from './support/queries';

/** The real ssh-keygen judges what the popup made. */
function sshKeygen(file: string, ...args: string[]): string {
  return execFileSync('ssh-keygen', [...args, '-f', file], { encoding: 'utf8' }).trim();
}

describe('popup tools in Firefox', () => {
  const ff = useFirefox();
  const contoso = () => ff.fakeAdo.control.state.data.organizations.find((o) => o.name === 'contoso')!;
  const project = (name: string) => contoso().projects.find((p) => p.name === name)!;
  /** The system clipboard, read and written by the browser window (link-page.ts). */
  const clipboard = () => new FirefoxLinkPage(ff.browser);

  async function signedIn() {
    const popup = await ff.popup().open();
    await popup.connectWithPat('dev.azure.com/contoso', basic.pats.janeContoso);
    await popup.page.waitForSelector(popup.organizationRowSelector('contoso'), { timeout: 10_000 });
    return popup;
  }

  it('repository browser: grouped by organization and project, filters as you type, copies the clone URL without a request', async () => {
    const popup = await signedIn();
    await popup.go('Repositories');
    await waitForText(popup.page, 'updated', '#repositories-count');
    // Reopened within minutes, the popup shows the list the background cached, without asking again.
    await popup.reopen();
    ff.fakeAdo.control.clearRequests();
    await popup.go('Repositories');
    await waitForText(popup.page, 'updated', '#repositories-count');
    // The lines in view (the list is windowed), under organization then project headings.
    // Each with when it last changed, asked for the lines in view only.
    const inView = [
      '# contoso',
      '## Automação',
      'Framework de Automação · contoso / Automação · main · updated',
      'scripts · contoso / Automação · main · updated',
      '## Mobile App',
      'android-app · contoso / Mobile App · main · updated',
      'ios-app · contoso / Mobile App · main · updated',
      'Mobile App · contoso / Mobile App · main · updated',
      '## Platform',
    ];
    assert.deepEqual(await poll(() => popup.repositoryLines(), inView), inView);

    await popup.filterRepositories('web-portal');
    const filtered = ['# contoso', '## Platform', 'web-portal · contoso / Platform · main · updated', 'web-portal-fork (fork) · contoso / Platform · main · updated'];
    assert.deepEqual(await poll(() => popup.repositoryLines(), filtered), filtered);
    const total = contoso().projects.flatMap((p) => p.repositories).length;
    assert.match(await waitForText(popup.page, /^2 of \d+ repositories/, '#repositories-count'), new RegExp(`^2 of ${total} repositories`));

    await popup.filterRepositories('mapios');
    const one = ['# contoso', '## Mobile App', 'ios-app · contoso / Mobile App · main · updated'];
    assert.deepEqual(await poll(() => popup.repositoryLines(), one), one);

    const listed = () => ff.fakeAdo.control.requests({ pathIncludes: '/_apis/git/repositories' }).filter((r) => r.path.endsWith('/_apis/git/repositories'));
    assert.deepEqual(listed(), [], 'the list came from the cache');
    await clipboard().setClipboard('before');
    ff.fakeAdo.control.clearRequests();
    await click(popup.page, 'Copy HTTPS URL', popup.repositoryRow('ios-app'));
    const url = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';
    assert.equal(await poll(() => clipboard().clipboard(), url), url);
    await popup.announced('Copied the HTTPS clone URL of ios-app.');
    // Computed in the popup: Azure DevOps saw nothing.
    assert.deepEqual(ff.fakeAdo.control.requests(), []);
  });

  it('clone many: two ticked repositories, one copied bash script that clones both, each URL and folder one argument', async () => {
    const popup = await signedIn();
    await popup.go('Repositories');
    await popup.filterRepositories('app');
    await waitForText(popup.page, /^3 of /, '#repositories-count');
    for (const name of ['ios-app', 'android-app']) {
      const box = await popup.page.waitForSelector(`${popup.repositoryRow(name)} input[type="checkbox"]`, { timeout: 10_000 });
      await box!.click();
    }
    await waitForText(popup.page, '2 selected', '.clone-many');
    await popup.page.select('.clone-many select', 'bash');
    await clipboard().setClipboard('before');
    await click(popup.page, 'Copy clone script');
    const script = await poll(async () => ((await clipboard().clipboard()).startsWith('#!') ? 'copied' : 'not yet'), 'copied').then(() => clipboard().clipboard());
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ff-clone-many-'));
    const bin = path.join(work, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'git'), `#!/usr/bin/env bash\nprintf '%s|' "$@" >> '${work}/calls'\necho >> '${work}/calls'\n`, { mode: 0o755 });
    let calls: string[];
    try {
      execFileSync('bash', ['-c', script], { cwd: work, env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
      calls = fs.readFileSync(path.join(work, 'calls'), 'utf8').trim().split('\n').sort();
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
    assert.deepEqual(calls, [
      'clone|--|https://dev.azure.com/contoso/Mobile%20App/_git/android-app|contoso/Mobile App/android-app|',
      'clone|--|https://dev.azure.com/contoso/Mobile%20App/_git/ios-app|contoso/Mobile App/ios-app|',
    ]);
  });

  it('new repository with README, .gitignore and MIT license: one commit with the three files, then clone and copy', async () => {
    const popup = await signedIn();
    await popup.go('Repositories');
    await popup.go('New repository');
    await popup.choose('Project', 'Platform');
    await fill(popup.page, 'Repository name', 'billing-service');
    await popup.choose('.gitignore template', 'Node');
    await popup.choose('License', 'MIT License');
    // The holder defaults to the account's name.
    assert.equal(await (await field(popup.page, 'Copyright holder')).evaluate((input) => input.value), 'Jane Doe');
    await fill(popup.page, 'Copyright holder', 'Contoso Ltd');
    await click(popup.page, 'Create repository');
    await waitForText(popup.page, 'Created billing-service in contoso / Platform with README.md, .gitignore, LICENSE in its first commit.', '[data-created]');

    const repo = project('Platform').repositories.find((r) => r.name === 'billing-service');
    assert.ok(repo, 'Azure DevOps has the repository');
    assert.equal(repo.defaultBranch, 'refs/heads/main');
    const commits = ff.fakeAdo.control.state.commitsOf(repo.id);
    assert.equal(commits.length, 1);
    assert.deepEqual(Object.keys(commits[0]!.tree).sort(), ['/.gitignore', '/LICENSE', '/README.md']);
    assert.equal(commits[0]!.tree['/README.md'], '# billing-service\n');
    assert.match(commits[0]!.tree['/.gitignore']!, /^node_modules\/$/m);
    assert.match(commits[0]!.tree['/LICENSE']!, new RegExp(`^MIT License[\\s\\S]*Copyright \\(c\\) ${new Date().getFullYear()} Contoso Ltd`));

    const row = popup.repositoryRow('billing-service', 'New repository');
    const httpsUrl = 'https://dev.azure.com/contoso/Platform/_git/billing-service';
    const cloneLink = desktopClient(DEFAULT_CLIENT_ID).link({ httpsUrl, sshUrl: 'git@ssh.dev.azure.com:v3/contoso/Platform/billing-service', protocol: 'https', branch: null });
    const link = await popup.page.waitForSelector(`${row} a[data-primary]`, { timeout: 10_000 });
    assert.deepEqual(await link!.evaluate((a) => [a.textContent, a.getAttribute('href')]), ['Clone in GitKraken Desktop', cloneLink]);
    await clipboard().setClipboard('before');
    await click(popup.page, 'Copy HTTPS URL', row);
    assert.equal(await poll(() => clipboard().clipboard(), httpsUrl), httpsUrl);
  });

  it('SSH key: the public key on the clipboard has the fingerprint shown, the private key downloads and matches, and it is added to contoso', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ff-ssh-key-'));
    try {
      const popup = await signedIn();
      await popup.go('SSH key');
      await fill(popup.page, 'Key comment', 'jane@laptop');
      await clipboard().setClipboard('before');
      await click(popup.page, 'Generate SSH key and copy to clipboard');
      const fingerprint = await popup.sshKeyFingerprint();
      await waitForText(popup.page, 'The public key is on the clipboard.');

      const publicKey = await clipboard().clipboard();
      assert.match(publicKey, /^ssh-rsa AAAAB3NzaC1yc2E[A-Za-z0-9+/]+=* jane@laptop$/);
      fs.writeFileSync(path.join(dir, 'key.pub'), `${publicKey}\n`);
      assert.equal(sshKeygen(path.join(dir, 'key.pub'), '-l', '-E', 'sha256'), `3072 ${fingerprint} jane@laptop (RSA)`);

      // The private key is a download (a blob: URL of the popup) in OpenSSH format.
      const downloads = path.join(dir, 'downloads');
      fs.mkdirSync(downloads);
      await popup.allowDownloadsInto(downloads);
      await (await popup.page.waitForSelector('a[download="id_rsa_azure_devops"]'))!.click();
      const privatePath = path.join(downloads, 'id_rsa_azure_devops');
      assert.equal(await poll(async () => fs.existsSync(privatePath) && fs.readFileSync(privatePath, 'utf8').endsWith('-----END OPENSSH PRIVATE KEY-----\n'), true), true);
      // A copy of our own, readable by us only as ssh-keygen wants: Firefox may still be finishing its
      // download (and setting the file's mode) after the content is complete.
      const keyCopy = path.join(dir, 'id_rsa_copy');
      fs.copyFileSync(privatePath, keyCopy);
      fs.chmodSync(keyCopy, 0o600);
      assert.equal(sshKeygen(keyCopy, '-y'), publicKey);

      await click(popup.page, 'Add to contoso');
      await waitForText(popup.page, 'Added to contoso.', popup.organizationRowSelector('contoso'));
      assert.deepEqual((contoso().sshKeys ?? []).map((k) => k.publicData), [publicKey]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('my pull requests: waiting for my vote (drafts left out) and created by me; a vote takes one off the waiting list', async () => {
    const { login, iosCrash } = basic.pullRequests;
    const popup = await signedIn();
    await popup.go('Pull requests');
    const waiting = [`ios-app#${iosCrash}`];
    const waitingIds = async () => (await popup.pullRequestLines('Waiting for my vote')).map((line) => line.split(':')[0]);
    assert.deepEqual(await poll(waitingIds, waiting), waiting);
    const reviewing = await popup.pullRequestLines('Waiting for my vote');
    assert.match(reviewing[0]!, new RegExp(`contoso / ios-app · #${iosCrash} · Sam Lee · opened .*Asked of you`));
    const created = await popup.pullRequestLines('Created by me');
    assert.deepEqual(created.map((line) => line.split(':')[0]), [`web-portal#${login}`]);
    assert.match(created[0]!, new RegExp(`contoso / web-portal · #${login} ·`));

    // Jane approves the ios-app one in Azure DevOps: once the popup refreshes, it no longer waits for her.
    const crash = project('Mobile App').repositories.find((r) => r.name === 'ios-app')!.pullRequests.find((pr) => pr.pullRequestId === iosCrash)!;
    crash.reviewers.find((r) => r.userId === basic.users.jane.id)!.vote = 10;
    await popup.reopen();
    await popup.go('Pull requests');
    assert.deepEqual(await poll(waitingIds, []), []);
  });

  it('remote URL helper (no account needed): a visualstudio.com remote gives the dev.azure.com set-url command, copied', async () => {
    const popup = await ff.popup().open();
    await popup.go('Remote URL helper (no account needed)');
    await fill(popup.page, 'Remote URL', 'https://contoso.visualstudio.com/DefaultCollection/Mobile%20App/_git/ios-app');
    const command = 'git remote set-url origin https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';
    assert.equal(await waitForText(popup.page, command, '#remote-helper-result code'), command);
    assert.match(await waitForText(popup.page, 'Organization', '#remote-helper-result dl'), /Organization\s+contoso\s+Project\s+Mobile App\s+Repository\s+ios-app/);
    await clipboard().setClipboard('before');
    await click(popup.page, 'Copy command');
    assert.equal(await poll(() => clipboard().clipboard(), command), command);
    assert.deepEqual(ff.fakeAdo.control.requests(), []);
  });

  it('forks: progress while Azure DevOps copies the fork, clone and copy offered once it is ready', async () => {
    const popup = await signedIn();
    await popup.go('Repositories');
    await popup.filterRepositories('ios-app');
    await click(popup.page, 'Forks of ios-app', popup.repositoryRow('ios-app'));
    await waitForText(popup.page, 'Forks of ios-app', 'main h2');
    await waitForText(popup.page, 'No forks yet.');
    await popup.choose('Project', 'Platform');
    ff.fakeAdo.control.setFailures({ forkSync: 'hold' });
    await click(popup.page, 'Create fork');
    const status = 'section[aria-labelledby="create-fork-title"] [role="status"]';
    await waitForText(popup.page, 'Queued: Azure DevOps will copy the repository in a moment…', status);
    // The popup keeps asking while the copy is held, and still shows the progress and no clone.
    const reads = () => ff.fakeAdo.control.requests({ method: 'GET', pathIncludes: '/forkSyncRequests/' }).length >= 2;
    assert.equal(await poll(async () => reads(), true), true);
    assert.match(await waitForText(popup.page, /\S/, status), /^Queued/);
    assert.equal(await popup.page.$('section[aria-labelledby="create-fork-title"] a[data-primary]'), null);

    ff.fakeAdo.control.setFailures({ forkSync: 'advance' });
    await waitForText(popup.page, 'Ready.', status);
    const fork = project('Platform').repositories.find((r) => r.name === 'ios-app');
    assert.ok(fork, 'Azure DevOps has the fork');
    assert.equal(fork.parentRepositoryId, basic.repos.iosApp.id);
    const row = popup.repositoryRow('ios-app', 'New fork');
    assert.match(await waitForText(popup.page, 'contoso / Platform', row), /contoso \/ Platform · main/);
    const clone = await popup.page.waitForSelector(`${row} a[data-primary]`, { timeout: 10_000 });
    assert.equal(await clone!.evaluate((a) => a.textContent), 'Clone in GitKraken Desktop');
    await clipboard().setClipboard('before');
    await click(popup.page, 'Copy HTTPS URL', row);
    const url = 'https://dev.azure.com/contoso/Platform/_git/ios-app';
    assert.equal(await poll(() => clipboard().clipboard(), url), url);
    // The list of forks above now has it too.
    await waitForText(popup.page, 'Platform / ios-app', 'ul[aria-label="Forks of ios-app"]');
  });
});
