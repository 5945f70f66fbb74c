import { describe, expect, it } from 'vitest';
import { appErrors } from '@/lib/errors/error-messages';

describe('lib/errors clipboardRefused', () => {
  it('says what could not be copied, and gives the text when the screen does not show it', () => {
    expect(appErrors.clipboardRefused('git clone command', "git clone 'https://dev.azure.com/o/a(b)/_git/r'").message).toBe(
      "Could not copy the git clone command. Select it and copy it yourself: git clone 'https://dev.azure.com/o/a(b)/_git/r'",
    );
  });

  it('points at the text below when the screen shows it', () => {
    expect(appErrors.clipboardRefused('public key').message).toBe('Could not copy the public key. Select the text below and copy it yourself.');
  });
});
