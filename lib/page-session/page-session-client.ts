import type { RestClient, RestRequest } from '../azure/rest-client';
import { AppError } from '../errors/app-error';
import { appErrors } from '../errors/error-messages';
import type { PageSession } from './page-session';

/** The page's sign-in ended (signed out in another tab): not an error to show, a reason to fall back. */
export class PageSignedOut extends Error {}

/**
 * A RestClient over the page session, so the Azure DevOps calls of lib/pull-requests run
 * unchanged with the page's own sign-in. Only URLs under the page's organization can be expressed;
 * the page session refuses anything else before sending.
 */
export function pageSessionClient(session: PageSession): RestClient {
  return {
    async request<T>(req: RestRequest): Promise<T> {
      if (!req.url.startsWith(session.baseUrl)) throw new AppError(appErrors.pageSessionAddressRefused(session.organization));
      const result = await session.request<T>(req.url.slice(session.baseUrl.length), {
        method: req.method === 'HEAD' ? 'GET' : req.method,
        query: req.query,
        body: req.body,
        apiVersion: req.apiVersion,
      });
      if (result.kind === 'signed-out') throw new PageSignedOut();
      if (result.kind === 'error') throw new AppError(result.error);
      return result.value;
    },
  };
}
