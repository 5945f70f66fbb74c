import { describe, expect, it } from 'vitest';
import { readPageSessionStatus } from '@/lib/page-session/page-session-status';

const TAB = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';

describe('lib/page-session/page-session-status', () => {
  it('takes a status that matches the tab', () => {
    expect(readPageSessionStatus({ baseUrl: 'https://dev.azure.com/contoso/', signedIn: true, displayName: 'Jane Doe' }, TAB)).toEqual({
      baseUrl: 'https://dev.azure.com/contoso/',
      signedIn: true,
      displayName: 'Jane Doe',
    });
    expect(readPageSessionStatus({ baseUrl: 'https://contoso.visualstudio.com/', signedIn: false }, 'https://contoso.visualstudio.com/Web/_git/site')).toEqual({
      baseUrl: 'https://contoso.visualstudio.com/',
      signedIn: false,
    });
  });

  it('takes the organization from the tab’s URL when the page had no page data', () => {
    expect(readPageSessionStatus({ baseUrl: '', signedIn: false }, TAB)).toEqual({ baseUrl: 'https://dev.azure.com/contoso/', signedIn: false });
  });

  it('says when the page buttons are in our own bar', () => {
    expect(readPageSessionStatus({ baseUrl: 'https://dev.azure.com/contoso/', signedIn: false, ownBar: true }, TAB)).toEqual({
      baseUrl: 'https://dev.azure.com/contoso/',
      signedIn: false,
      ownBar: true,
    });
  });

  it.each([
    ['an own-bar flag that is no true', { baseUrl: 'https://dev.azure.com/contoso/', signedIn: false, ownBar: 'yes' }, TAB],
    ['another origin', { baseUrl: 'https://evil.example/contoso/', signedIn: false }, TAB],
    ['another organization', { baseUrl: 'https://dev.azure.com/fabrikam/', signedIn: false }, TAB],
    ['a signed-in page without a name', { baseUrl: 'https://dev.azure.com/contoso/', signedIn: true }, TAB],
    ['a name on a signed-out page', { baseUrl: 'https://dev.azure.com/contoso/', signedIn: false, displayName: 'Jane' }, TAB],
    ['extra text around the root', { baseUrl: 'https://dev.azure.com/contoso/?x', signedIn: false }, TAB],
    ['wrong types', { baseUrl: 1, signedIn: 'yes' }, TAB],
    ['no tab URL', { baseUrl: 'https://dev.azure.com/contoso/', signedIn: false }, undefined],
    ['a plain http tab', { baseUrl: '', signedIn: false }, 'http://dev.azure.com/contoso/x'],
    ['nothing', undefined, TAB],
  ])('refuses %s', (_what, answer, tab) => {
    expect(readPageSessionStatus(answer, tab)).toBeNull();
  });
});
