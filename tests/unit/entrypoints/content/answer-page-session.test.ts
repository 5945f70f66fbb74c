// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answerPageSession } from '@/entrypoints/azure-devops/answer-page-session';

const REPO = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';
const popup = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };
const question = { channel: 'ado-companion', type: 'page.session', data: {} };

function showPage(data: Record<string, unknown> | null) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(REPO);
  document.body.innerHTML = data ? `<script id="dataProviders" type="application/json">${JSON.stringify({ data })}</script>` : '';
}

function ask(message: unknown, sender: object) {
  const sendResponse = vi.fn();
  answerPageSession(message, sender, sendResponse);
  return sendResponse;
}

describe('azure-devops/answer-page-session', () => {
  beforeEach(() =>
    showPage({
      'ms.vss-web.page-data': { user: { id: 'u1', displayName: 'Jane Doe', uniqueName: 'jane@contoso.com' } },
      'ms.vss-tfs-web.header-action-data': { suiteHomeUrl: '/contoso/' },
    }),
  );

  it('tells our popup the organization and who the page shows as signed in, and nothing else', () => {
    expect(ask(question, popup)).toHaveBeenCalledWith({ baseUrl: 'https://dev.azure.com/contoso/', signedIn: true, displayName: 'Jane Doe' });
  });

  it('says signed out when the page data names no user', () => {
    showPage({ 'ms.vss-web.page-data': {}, 'ms.vss-tfs-web.header-action-data': { suiteHomeUrl: '/adatum/' } });
    expect(ask(question, popup)).toHaveBeenCalledWith({ baseUrl: 'https://dev.azure.com/adatum/', signedIn: false });
    showPage(null);
    expect(ask(question, popup)).toHaveBeenCalledWith({ baseUrl: '', signedIn: false });
  });

  it.each([
    ['a content script', { id: 'test-extension-id', url: REPO, tab: { id: 1 } }],
    ['another extension', { id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' }],
    ['a sender without a URL', { id: 'test-extension-id' }],
  ])('does not answer %s', (_who, sender) => {
    expect(ask(question, sender)).not.toHaveBeenCalled();
  });

  it('leaves other messages alone', () => {
    expect(ask({ ...question, type: 'ping' }, popup)).not.toHaveBeenCalled();
    expect(ask({ type: 'page.session' }, popup)).not.toHaveBeenCalled();
    expect(ask(null, popup)).not.toHaveBeenCalled();
  });
});
