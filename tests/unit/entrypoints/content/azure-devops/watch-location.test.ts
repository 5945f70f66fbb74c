// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://dev.azure.com/contoso" }
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchLocation } from '@/entrypoints/content/azure-devops/watch-location';

const START = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('entrypoints/content/azure-devops/watch-location', () => {
  afterEach(() => {
    delete (globalThis as { navigation?: unknown }).navigation;
    vi.restoreAllMocks();
  });

  it('reports each new URL when the Navigation API says the current entry changed, and nothing when the URL stayed', () => {
    history.replaceState(null, '', START);
    const navigation = new EventTarget();
    (globalThis as { navigation?: unknown }).navigation = navigation;
    const seen: string[] = [];
    watchLocation((href) => seen.push(href));

    history.pushState(null, '', `${START}?version=GBmain`);
    navigation.dispatchEvent(new Event('currententrychange'));
    // A state-only change (replaceState with the same URL) is no navigation.
    navigation.dispatchEvent(new Event('currententrychange'));
    history.pushState(null, '', `${START}/pullrequests`);
    navigation.dispatchEvent(new Event('currententrychange'));

    expect(seen).toEqual([`${START}?version=GBmain`, `${START}/pullrequests`]);
  });

  it('without the Navigation API, notices a pushed URL when the page re-renders and a back or forward on popstate, without polling', async () => {
    history.replaceState(null, '', START);
    const interval = vi.spyOn(globalThis, 'setInterval');
    const seen: string[] = [];
    watchLocation((href) => seen.push(href));

    history.pushState(null, '', `${START}?version=GBmain`);
    document.body.append(document.createElement('div'));
    await flush();
    history.replaceState(null, '', `${START}/commits`);
    dispatchEvent(new PopStateEvent('popstate'));
    document.body.append(document.createElement('div'));
    await flush();

    expect(seen).toEqual([`${START}?version=GBmain`, `${START}/commits`]);
    expect(interval).not.toHaveBeenCalled();
  });
});
