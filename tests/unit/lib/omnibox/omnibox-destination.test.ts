import { describe, expect, it } from 'vitest';
import { omniboxDestination, pullRequestAfterWords } from '@/lib/omnibox/omnibox-destination';

const pages: Record<string, string> = {
  web: 'https://dev.azure.com/contoso/Web/_git/site',
  'mobile ios': 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app',
};
const findRepository = (words: string) => pages[words] ?? null;

describe('lib/omnibox/omnibox-destination', () => {
  it('opens the repository the words find', () => {
    expect(omniboxDestination('  mobile ios ', findRepository)).toBe('https://dev.azure.com/contoso/Mobile%20App/_git/ios-app');
  });

  it('opens nothing when the words find no repository', () => {
    expect(omniboxDestination('nothing here', findRepository)).toBeNull();
    expect(omniboxDestination('   ', findRepository)).toBeNull();
  });

  it('opens a pull request of the repository the words find, with or without # or !', () => {
    for (const text of ['web 42', 'web #42', 'web !42']) {
      expect(omniboxDestination(text, findRepository), text).toBe('https://dev.azure.com/contoso/Web/_git/site/pullrequest/42');
    }
  });

  it('opens a pull request of the current tab’s repository for a number alone', () => {
    const tab = 'https://contoso.visualstudio.com/Mobile%20App/_git/ios-app?path=/README.md';
    expect(omniboxDestination('#7', findRepository, tab)).toBe('https://dev.azure.com/contoso/Mobile%20App/_git/ios-app/pullrequest/7');
    expect(omniboxDestination('7', findRepository, 'https://example.com/')).toBeNull();
  });

  it('sends a legacy page URL to the same page on dev.azure.com, query kept', () => {
    expect(omniboxDestination('https://contoso.visualstudio.com/DefaultCollection/Web/_git/site/pullrequest/12?_a=files', findRepository)).toBe(
      'https://dev.azure.com/contoso/Web/_git/site/pullrequest/12?_a=files',
    );
  });

  it('sends a clone URL in any form to its repository page', () => {
    expect(omniboxDestination('git@ssh.dev.azure.com:v3/contoso/Web/site', findRepository)).toBe('https://dev.azure.com/contoso/Web/_git/site');
    expect(omniboxDestination('https://contoso@dev.azure.com/contoso/Web/_git/site', findRepository)).toBe('https://dev.azure.com/contoso/Web/_git/site');
  });

  it('reads an Azure DevOps URL typed without https:// as the same URL', () => {
    expect(omniboxDestination('dev.azure.com/contoso/Web/_git/site/pullrequest/12', findRepository)).toBe('https://dev.azure.com/contoso/Web/_git/site/pullrequest/12');
    expect(omniboxDestination('contoso.visualstudio.com/Web/_git/site?path=/README.md', findRepository)).toBe('https://dev.azure.com/contoso/Web/_git/site?path=/README.md');
  });

  it('sends a legacy page that is no repository page to the same page on dev.azure.com', () => {
    expect(omniboxDestination('https://contoso.visualstudio.com/DefaultCollection/Web/_workitems/edit/12?fullScreen=true', findRepository)).toBe(
      'https://dev.azure.com/contoso/Web/_workitems/edit/12?fullScreen=true',
    );
    expect(omniboxDestination('contoso.visualstudio.com/Web/_boards/board', findRepository)).toBe('https://dev.azure.com/contoso/Web/_boards/board');
    expect(omniboxDestination('https://dev.azure.com/contoso/Web/_build', findRepository)).toBe('https://dev.azure.com/contoso/Web/_build');
  });

  it('takes words that only look like a host name for words', () => {
    expect(omniboxDestination('mobile ios', findRepository)).toBe('https://dev.azure.com/contoso/Mobile%20App/_git/ios-app');
    expect(omniboxDestination('site.js', findRepository)).toBeNull();
  });
});

describe('lib/omnibox/omnibox-destination pullRequestAfterWords', () => {
  it('reads a number after the words as a pull request, not digits inside a name', () => {
    expect(pullRequestAfterWords('web #42')).toEqual({ words: 'web', id: 42 });
    expect(pullRequestAfterWords(' 7 ')).toEqual({ words: '', id: 7 });
    expect(pullRequestAfterWords('app2')).toBeNull();
    expect(pullRequestAfterWords('web 0')).toBeNull();
  });
});
