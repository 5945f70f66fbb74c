import { describe, expect, it } from 'vitest';
import { adviseRemote } from '@/lib/azure/remote-rewrite';

describe('lib/azure/remote-rewrite', () => {
  it.each([
    ['https://fabrikam.visualstudio.com/DefaultCollection/Fiber/_git/Website', 'https://dev.azure.com/fabrikam/Fiber/_git/Website'],
    ['https://fabrikam.visualstudio.com/Fiber/_git/Website', 'https://dev.azure.com/fabrikam/Fiber/_git/Website'],
    ['fabrikam@vs-ssh.visualstudio.com:v3/fabrikam/Fiber/Website', 'git@ssh.dev.azure.com:v3/fabrikam/Fiber/Website'],
    ['ssh://fabrikam@vs-ssh.visualstudio.com:22/DefaultCollection/Fiber/_ssh/Website', 'git@ssh.dev.azure.com:v3/fabrikam/Fiber/Website'],
  ])('rewrites the legacy remote %s to the dev.azure.com form of the same transport', (input, canonical) => {
    expect(adviseRemote(input)).toMatchObject({ canonical, reason: 'legacy-host', command: `git remote set-url origin ${canonical}` });
  });

  it('suggests dropping the organization as user name from an HTTPS remote', () => {
    expect(adviseRemote('https://fabrikam@dev.azure.com/fabrikam/Fiber/_git/Website', 'upstream')).toMatchObject({
      reason: 'user-in-url',
      command: 'git remote set-url upstream https://dev.azure.com/fabrikam/Fiber/_git/Website',
    });
  });

  it('quotes the command for the shell when names hold parentheses or quotes, so that it runs as printed', () => {
    expect(adviseRemote("https://fabrikam.visualstudio.com/Fiber%20(old)/_git/it's", 'my remote')).toMatchObject({
      command: `git remote set-url 'my remote' 'https://dev.azure.com/fabrikam/Fiber%20(old)/_git/it'\\''s'`,
    });
  });

  it('has nothing to change for canonical remotes, and does not know remotes of other forges', () => {
    expect(adviseRemote('https://dev.azure.com/fabrikam/Fiber/_git/Website')).toMatchObject({ reason: null, command: null });
    expect(adviseRemote('git@ssh.dev.azure.com:v3/fabrikam/Fiber/Website')).toMatchObject({ reason: null, command: null });
    expect(adviseRemote('https://tfs.contoso.com/tfs/DefaultCollection/Fiber/_git/Website')).toMatchObject({ reason: null });
    expect(adviseRemote('https://github.com/fabrikam/website.git')).toBeNull();
    expect(adviseRemote('not a url')).toBeNull();
  });
});
