import { describe, expect, it } from 'vitest';
import { DESKTOP_CLIENTS, buildCloneLink, desktopClient, type CloneRequest } from '@/lib/clients/desktop-clients';
import { parseAzureRemote } from '@/lib/azure/remote-url';

const repo = parseAzureRemote('https://dev.azure.com/contoso/Mobile%20App/_git/ios-app')!;
const https: CloneRequest = { httpsUrl: repo.httpsUrl, sshUrl: repo.sshUrl, protocol: 'https', branch: 'feature/1234-login' };
const ssh: CloneRequest = { ...https, protocol: 'ssh' };

describe('lib/clients/desktop-clients', () => {
  it('encodes the clone URL and the branch for VS Code when names have spaces and slashes', () => {
    expect(buildCloneLink('vscode', https)).toBe(
      'vscode://vscode.git/clone?url=https%3A%2F%2Fdev.azure.com%2Fcontoso%2FMobile%2520App%2F_git%2Fios-app&ref=feature%2F1234-login',
    );
  });

  it('gives VS Code and its forks the ssh:// form of an SSH URL', () => {
    for (const id of ['vscode', 'cursor', 'vscodium']) {
      const url = new URL(buildCloneLink(id, ssh)!);
      expect(url.searchParams.get('url'), id).toBe('ssh://git@ssh.dev.azure.com/v3/contoso/Mobile%20App/ios-app');
    }
  });

  it('falls back to HTTPS when SSH is chosen but the repository has no known SSH URL', () => {
    const link = buildCloneLink('vscode', { ...ssh, sshUrl: null })!;
    expect(new URL(link).searchParams.get('url')).toBe(repo.httpsUrl);
  });

  it('opens GitKraken Desktop through gitkraken.dev with a GitLens link to the branch, as GitKraken’s extension does', () => {
    const link = new URL(buildCloneLink('gitkraken', https)!);
    expect(link.origin).toBe('https://gitkraken.dev');
    expect(link.searchParams.get('referrer')).toBe('extension');
    const inner = new URL(atob(decodeURIComponent(link.pathname.replace('/link/', ''))));
    expect(inner.href.startsWith('vscode://eamodio.gitlens/link/r/-/b/feature/1234-login?')).toBe(true);
    expect(inner.searchParams.get('url')).toBe(repo.httpsUrl);
  });

  it('puts the URL raw in the path for GitHub Desktop and Tower, as their handlers read it', () => {
    expect(buildCloneLink('github-desktop', https)).toBe(`x-github-client://openRepo/${repo.httpsUrl}?branch=feature%2F1234-login`);
    expect(buildCloneLink('tower', ssh)).toBe(`gittower://openRepo/${repo.sshUrl}`);
  });

  it('builds JetBrains Toolbox and Sourcetree links with an encoded clone URL', () => {
    expect(buildCloneLink('jetbrains-idea', https)).toBe(
      `jetbrains://idea/checkout/git?checkout.repo=${encodeURIComponent(repo.httpsUrl)}&idea.required.plugins.id=Git4Idea`,
    );
    expect(buildCloneLink('sourcetree', https)).toBe(`sourcetree://cloneRepo?type=local&cloneUrl=${encodeURIComponent(repo.httpsUrl)}`);
  });

  it('has no link for Sublime Merge, and says what to do instead', () => {
    expect(buildCloneLink('sublime-merge', https)).toBeNull();
    expect(desktopClient('sublime-merge').note).toMatch(/copy the URL/);
  });

  it('offers at least the clients users ask for, each with a name, an https install page and unique id', () => {
    const names = DESKTOP_CLIENTS.map((c) => c.name);
    for (const name of ['GitKraken Desktop', 'Visual Studio Code', 'Visual Studio', 'GitHub Desktop', 'Sourcetree', 'Fork', 'Tower', 'IntelliJ IDEA', 'Cursor', 'Sublime Merge']) {
      expect(names).toContain(name);
    }
    expect(new Set(DESKTOP_CLIENTS.map((c) => c.id)).size).toBe(DESKTOP_CLIENTS.length);
    for (const client of DESKTOP_CLIENTS) expect(client.installUrl, client.id).toMatch(/^https:\/\//);
    expect(desktopClient('no-such-client').id).toBe('gitkraken');
  });
});
