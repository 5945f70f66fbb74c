// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readPageSession } from '@/lib/page-session/page-session-status';

const REPO = 'https://dev.azure.com/contoso/Mobile%20App/_git/ios-app';

function showPage(data: Record<string, unknown> | null) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(REPO);
  document.body.innerHTML = data ? `<script id="dataProviders" type="application/json">${JSON.stringify({ data })}</script>` : '';
}

describe('lib/page-session/page-session-status readPageSession (what the popup learns from a tab)', () => {
  beforeEach(() =>
    showPage({
      'ms.vss-web.page-data': { user: { id: 'u1', displayName: 'Jane Doe', uniqueName: 'jane@contoso.com' } },
      'ms.vss-tfs-web.header-action-data': { suiteHomeUrl: '/contoso/' },
    }),
  );

  it('the organization and who the page shows as signed in, and nothing else', () => {
    expect(readPageSession(document)).toEqual({ baseUrl: 'https://dev.azure.com/contoso/', signedIn: true, displayName: 'Jane Doe' });
  });

  it('says signed out when the page data names no user, or there is none', () => {
    showPage({ 'ms.vss-web.page-data': {}, 'ms.vss-tfs-web.header-action-data': { suiteHomeUrl: '/adatum/' } });
    expect(readPageSession(document)).toEqual({ baseUrl: 'https://dev.azure.com/adatum/', signedIn: false });
    showPage(null);
    expect(readPageSession(document)).toEqual({ baseUrl: '', signedIn: false });
  });

  it('takes a suiteHomeUrl given as an absolute URL as it is, for the popup to check against the tab', () => {
    showPage({ 'ms.vss-web.page-data': {}, 'ms.vss-tfs-web.header-action-data': { suiteHomeUrl: 'https://dev.azure.com/contoso/' } });
    expect(readPageSession(document)).toEqual({ baseUrl: 'https://dev.azure.com/contoso/', signedIn: false });
  });

  it('says when the page buttons are in our own bar (none of their anchors appeared)', () => {
    document.body.insertAdjacentHTML('afterbegin', '<div data-ado-companion-bar>ADO Companion</div>');
    expect(readPageSession(document)).toEqual({ baseUrl: 'https://dev.azure.com/contoso/', signedIn: true, displayName: 'Jane Doe', ownBar: true });
  });
});
