import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { cloudOrganizationOf } from '@/lib/azure/azure-hosts';
import { organizationKeyOf } from '@/lib/azure/organization-key';
import { PAGE_SESSION_STATUS_SCRIPT, readPageSessionStatus, type PageSessionStatus } from '@/lib/page-session/page-session-status';
import { runScriptInTab } from '@/lib/page-ui/run-script-in-tab';
import { usePopupState } from '../state';
import { afterFirstPaint } from '../after-first-paint';

/**
 * Reads the page data of the tab the popup was opened over; null for a tab that is no Azure DevOps
 * Services page (page actions run only there) or that the browser does not let us read.
 */
async function askActiveTab(): Promise<PageSessionStatus | null> {
  try {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined || !tab.url || !cloudOrganizationOf(new URL(tab.url))) return null;
    return readPageSessionStatus(await runScriptInTab(tab.id, PAGE_SESSION_STATUS_SCRIPT), tab.url);
  } catch {
    return null;
  }
}

/**
 * For the organization of the active tab: whether page actions will use the page's own Azure DevOps
 * sign-in, the account stored for that organization, or need the user to connect (docs/page-session.md).
 */
export function PageSessionLine() {
  const state = usePopupState();
  const status = useSignal<PageSessionStatus | null>(null);
  useEffect(() => {
    void afterFirstPaint()
      .then(askActiveTab)
      .then((answer) => (status.value = answer));
  }, []);
  const page = status.value;
  if (!page) return null;
  const key = organizationKeyOf(page.baseUrl);
  const organization = state.organizations.value.find((o) => o.key === key && o.selected);
  const account = organization && state.accounts.value.find((a) => a.id === organization.accountId);
  const text = page.signedIn
    ? `Page actions here use your Azure DevOps sign-in (${page.displayName}).`
    : account
      ? `Page actions here use your stored account ${account.displayName}.`
      : 'Page actions here need you to connect.';
  return (
    <>
      <p class="muted small" data-page-session={page.signedIn ? 'page' : account ? 'account' : 'none'}>
        {text}
      </p>
      {page.ownBar && (
        <p class="muted small" data-page-own-bar>
          On this page the buttons are in ADO Companion’s own bar: Azure DevOps changed how it looks. Tell us which page it is.
        </p>
      )}
    </>
  );
}
