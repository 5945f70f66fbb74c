import { describe, expect, it } from 'vitest';
import { desktopClient } from '@/lib/clients/desktop-clients';
import { pageCommandAction } from '@/lib/keyboard/page-command';

const vscode = { client: desktopClient('vscode'), protocol: 'https' as const };
const page = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app?path=/README.md&version=GBfeature%2Flogin';

describe('lib/keyboard/page-command', () => {
  it('copies the HTTPS clone URL of the repository in the tab', () => {
    expect(pageCommandAction('copy-clone-url', page, vscode)).toEqual({
      kind: 'copy',
      text: 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app',
      said: 'Copied the HTTPS clone URL.',
    });
  });

  it('copies the SSH clone URL when the user chose SSH, from a legacy host too', () => {
    const action = pageCommandAction('copy-clone-url', 'https://contoso.visualstudio.com/Web/_git/site', { ...vscode, protocol: 'ssh' });
    expect(action).toEqual({ kind: 'copy', text: 'git@ssh.dev.azure.com:v3/contoso/Web/site', said: 'Copied the SSH clone URL.' });
  });

  it('hands the viewed branch to the default client', () => {
    expect(pageCommandAction('clone-in-client', page, vscode)).toEqual({
      kind: 'hand-to-app',
      url: 'vscode://vscode.git/clone?url=https%3A%2F%2Fdev.azure.com%2Fcontoso%2FMobile%2520App%2F_git%2Fios-app&ref=feature%2Flogin',
    });
  });

  it('opens GitKraken Desktop’s web link in a tab', () => {
    const action = pageCommandAction('clone-in-client', page, { client: desktopClient('gitkraken'), protocol: 'https' });
    expect(action.kind).toBe('open-tab');
    expect(action.kind === 'open-tab' && new URL(action.url).origin).toBe('https://gitkraken.dev');
  });

  it('opens the pull request dialog from the viewed branch', () => {
    expect(pageCommandAction('create-pull-request', page, vscode)).toEqual({
      kind: 'open-pull-request-dialog',
      organization: 'contoso',
      project: 'Mobile App',
      repository: 'ios-app',
      sourceBranch: 'feature/login',
    });
  });

  it('says so on a tab that shows no repository, or that the browser does not let it read', () => {
    for (const url of ['https://dev.azure.com/contoso/Web/_boards', 'https://example.com/', undefined]) {
      expect(pageCommandAction('copy-clone-url', url, vscode), String(url)).toEqual({ kind: 'not-here', said: 'ADO Companion: this tab shows no Azure DevOps repository.' });
    }
  });
});
