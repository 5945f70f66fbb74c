import { describe, expect, it } from 'vitest';
import { gitCommand } from '@/lib/shell/git-command';

describe('lib/shell/git-command', () => {
  it('prints a plain command as a person would type it', () => {
    expect(gitCommand('clone', 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app')).toBe('git clone https://dev.azure.com/contoso/Mobile%20App/_git/ios-app');
  });

  it('quotes each argument that needs it, and only those', () => {
    expect(gitCommand('remote', 'add', 'upstream', 'https://dev.azure.com/contoso/a(b)/_git/r')).toBe("git remote add upstream 'https://dev.azure.com/contoso/a(b)/_git/r'");
  });
});
