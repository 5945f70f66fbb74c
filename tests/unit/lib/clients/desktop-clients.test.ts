import { describe, expect, it } from 'vitest';
import { DESKTOP_CLIENTS, buildCloneLink, clientLabel, clientPlatformNote, desktopClient, type CloneRequest } from '@/lib/clients/desktop-clients';
import { cloneLinkWithIds } from '@/lib/clients/visual-studio-link';
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
  });

  it('hands Sourcetree and Fork the clone link GitLab and Bitbucket send, not the local-folder form', () => {
    const expected = 'sourcetree://cloneRepo?cloneUrl=https%3A%2F%2Fdev.azure.com%2Fcontoso%2FMobile%2520App%2F_git%2Fios-app';
    expect(buildCloneLink('sourcetree', https)).toBe(expected);
    expect(buildCloneLink('fork', https)).toBe(expected);
  });

  it('opens Visual Studio the way Azure DevOps’ own clone dialog does when the project and repository ids are known', () => {
    const ids = { collectionUrl: 'https://dev.azure.com/contoso/', projectId: '6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c', repositoryId: '5febef5a-833d-4e14-b9c0-14cb638f91e6' };
    const link = cloneLinkWithIds(desktopClient('visual-studio'), https, ids)!;
    const prefix = 'vsweb://vs/?Product=Visual_Studio&EncFormat=UTF8&tfslink=';
    expect(link.startsWith(prefix)).toBe(true);
    const tfslink = link.slice(prefix.length);
    expect(Buffer.from(tfslink, 'base64').toString('utf8')).toBe(
      'vstfs:///Framework/TeamProject/6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c?url=https://dev.azure.com/contoso/&project=6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c&repo=5febef5a-833d-4e14-b9c0-14cb638f91e6',
    );
    // Plain base64, as Azure DevOps builds it (Convert.ToBase64String), not the URL-safe alphabet.
    expect(tfslink).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('encodes a non-ASCII collection URL as UTF-8 inside Visual Studio’s link', () => {
    const ids = { collectionUrl: 'https://tfs.contoso.test/tfs/Équipe/', projectId: 'p', repositoryId: 'r' };
    const tfslink = cloneLinkWithIds(desktopClient('visual-studio'), https, ids)!.split('tfslink=')[1]!;
    expect(Buffer.from(tfslink, 'base64').toString('utf8')).toBe('vstfs:///Framework/TeamProject/p?url=https://tfs.contoso.test/tfs/Équipe/&project=p&repo=r');
  });

  it('keeps the git-client link for Visual Studio when only the clone URL is known (page buttons, context menu), and every other client’s link with ids', () => {
    const ids = { collectionUrl: 'https://dev.azure.com/contoso/', projectId: 'p', repositoryId: 'r' };
    expect(cloneLinkWithIds(desktopClient('vscode'), https, ids)).toBe(buildCloneLink('vscode', https));
    expect(buildCloneLink('visual-studio', https)).toBe('git-client://clone?repo=https%3A%2F%2Fdev.azure.com%2Fcontoso%2FMobile%2520App%2F_git%2Fios-app');
  });

  it('warns on Windows, and only there, that Fork does not take these links', () => {
    expect(clientPlatformNote(desktopClient('fork'), true)).toMatch(/macOS only/);
    expect(clientPlatformNote(desktopClient('fork'), false)).toBeUndefined();
    expect(clientPlatformNote(desktopClient('sourcetree'), true)).toBeUndefined();
    expect(clientLabel(desktopClient('fork'), true)).toBe('Fork (macOS only)');
    expect(clientLabel(desktopClient('fork'), false)).toBe('Fork');
  });

  it.each(['..', '.', '../../../workspace/0b1d', 'main/../..', 'a/./b'])('leaves out a branch with a dot segment (%s) from every client’s link', (branch) => {
    for (const client of DESKTOP_CLIENTS) {
      expect(client.link({ ...https, branch }), client.id).toBe(client.link({ ...https, branch: null }));
    }
    const link = new URL(buildCloneLink('gitkraken', { ...https, branch })!);
    expect(new URL(atob(decodeURIComponent(link.pathname.replace('/link/', '')))).pathname).toBe('/link/r/-');
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
