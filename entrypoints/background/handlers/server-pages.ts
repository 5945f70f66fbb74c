import { browser } from 'wxt/browser';
import { AppError } from '@/lib/errors/app-error';
import { appErrors } from '@/lib/errors/error-messages';
import { isAzureDevOpsServiceHost } from '@/lib/azure/azure-hosts';
import { serverPageActionsRefusal } from '@/lib/policy/policy-rules';
import { readManagedPolicy } from '../managed-policy';
import { pageActionOrigins, serverPageScriptId } from '../server-page-scripts';
import type { Handler } from '../router';

/**
 * Page actions on an Azure DevOps Server the user visits without an account
 * (docs/azure-devops-hosts.md#server-page-offer): the popup asks for the host permission with the
 * user's click, then tells the background, which keeps the origin and registers the page script.
 */
export function serverPageHandlers(scripts: { sync(): Promise<void> }) {
  return {
    'serverPages.status': async ({ origin }) => ({ enabled: await isRegistered(serverOrigin(origin)) }),
    'serverPages.enable': async ({ origin: raw }) => {
      const origin = serverOrigin(raw);
      const host = new URL(origin).host;
      const refusal = serverPageActionsRefusal(await readManagedPolicy(), origin);
      if (refusal) throw new AppError(refusal);
      // Granted by the popup's own request; a message alone grants nothing.
      if (!(await browser.permissions.contains({ origins: [`${origin}/*`] }))) throw new AppError(appErrors.serverPageActionsPermissionNeeded(host));
      const origins = await pageActionOrigins.getValue();
      if (!origins.includes(origin)) await pageActionOrigins.setValue([...origins, origin]);
      await scripts.sync();
      return { enabled: await isRegistered(origin) };
    },
  } satisfies { [K in 'serverPages.status' | 'serverPages.enable']: Handler<K> };
}

/** The origin, lower-cased; refused when it is an Azure DevOps Services host (its script is always there). */
function serverOrigin(raw: string): string {
  const url = new URL(raw);
  if (isAzureDevOpsServiceHost(url.hostname)) throw new AppError(appErrors.malformedMessage());
  return url.origin.toLowerCase();
}

async function isRegistered(origin: string): Promise<boolean> {
  if (!browser.scripting?.getRegisteredContentScripts) return false;
  const id = serverPageScriptId(origin);
  return (await browser.scripting.getRegisteredContentScripts({ ids: [id] })).some((script) => script.id === id);
}
